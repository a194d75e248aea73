/**
 * The settings and targets screens in Chromium, from a real `ferry serve` over a real engine: a
 * theme chosen in the UI is stored by the engine and comes back after a reload and in a new tab,
 * concurrency set in the UI is what the engine answers, a refused value shows the engine's message
 * by its field, a target is added and removed. axe-core finds no serious or critical violation
 * (contrast included) on the queue, settings and targets screens in either theme. Screenshots go
 * to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/api';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('the settings and targets screens, served by ferry serve', () => {
  let app: ServedApp;

  beforeAll(async () => {
    app = await startServedApp('settings-screens');
    fs.mkdirSync(artifactsDir, { recursive: true });
    // Rows for the queue's checks: one whose origin does not answer, one paused.
    const { queued } = await app.served.engine.addLinks({
      links: [{ url: 'http://127.0.0.1:9/gone.mp4' }, { url: 'http://127.0.0.1:9/later.mp4' }],
    });
    await app.served.engine.pause({ uids: [queued[1]!.uid] });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  /** A signed-in page in this colour scheme. */
  const openPage = (colorScheme: 'light' | 'dark' = 'light') =>
    app.open({ viewport: { width: 1100, height: 900 }, colorScheme });

  const go = async (page: Page, screen: 'Queue' | 'Targets' | 'Settings') => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
    await page.getByRole('link', { name: screen, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
  };
  const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
  const setTheme = async (value: Settings['ui']['theme']) => {
    const { ui } = await app.served.engine.getSettings();
    await app.served.engine.setSettings({ ui: { ...ui, theme: value } });
  };

  it('keeps the theme chosen in the settings: the engine stores it, a reload and a new tab show it', async () => {
    await setTheme('system');
    const { page, problems } = await openPage('light');
    await go(page, 'Settings');
    const appearance = page.getByRole('region', { name: 'Appearance' });
    await appearance.getByRole('radio', { name: 'Dark' }).check();
    await page.getByText('All changes saved.').waitFor();
    expect(await theme(page)).toBe('dark');
    expect((await app.served.engine.getSettings()).ui.theme).toBe('dark');

    await page.reload();
    await page.getByRole('radio', { name: 'Dark', checked: true }).waitFor();
    expect(await theme(page)).toBe('dark');
    const { page: another } = await openPage('light');
    await another.waitForFunction(() => document.documentElement.dataset.theme === 'dark');

    await appearance.getByRole('radio', { name: /System/ }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    expect((await app.served.engine.getSettings()).ui.theme).toBe('system');
    expect(problems).toEqual([]);
    await page.close();
    await another.close();
  });

  it('sets how much work runs at once as the engine answers it, and shows a refused value by its field', async () => {
    const { page, problems } = await openPage();
    await go(page, 'Settings');
    const work = page.getByRole('region', { name: 'Work' });
    // Each field is saved as it is left (Tab), or after a pause in the typing.
    await work.getByRole('spinbutton', { name: 'Downloads at once', exact: true }).fill('6');
    await page.keyboard.press('Tab');
    await work.getByRole('spinbutton', { name: 'Transcodes at once' }).fill('3');
    await page.keyboard.press('Tab');
    await work.getByRole('spinbutton', { name: /free disk space/ }).fill('1.5');
    await page.keyboard.press('Tab');
    // Saved in turn: once the last is in, so are the others.
    await until(async () => (await app.served.engine.getSettings()).minFreeDiskBytes === 1.5 * 1024 ** 3);
    const settings = await app.served.engine.getSettings();
    expect(settings.concurrency).toMatchObject({ downloads: 6, transcodes: 3 });

    await work.getByRole('spinbutton', { name: 'Deliveries at once' }).fill('99');
    await page.keyboard.press('Tab');
    const deliveries = work.getByRole('spinbutton', { name: 'Deliveries at once' });
    await work
      .getByText(`Must be a whole number from 1 to 16. Not saved: ${settings.concurrency.deliveries} stays.`)
      .waitFor();
    expect(await deliveries.getAttribute('aria-invalid')).toBe('true');
    expect(await deliveries.evaluate((el) => el.getAttribute('aria-describedby'))).toBeTruthy();
    expect((await app.served.engine.getSettings()).concurrency.deliveries).toBe(settings.concurrency.deliveries);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a delivery target in a dialog and removes it after confirming', async () => {
    const { page, problems } = await openPage();
    await go(page, 'Targets');
    await page.getByRole('heading', { name: 'No delivery targets yet' }).waitFor();
    await page.getByRole('button', { name: 'Add target' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a delivery target' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Archive');
    await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill('not a url');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await dialog.getByText('Must be an http:// or https:// URL.').waitFor();
    await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill('https://tus.example.com/files/');
    await dialog.getByLabel('Credential (optional)').fill('Bearer s3cret');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    const row = page.getByRole('row', { name: /Archive/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Stored');
    expect(await page.content()).not.toContain('s3cret');
    expect(await app.served.engine.listTargets()).toMatchObject([{ name: 'Archive', hasCredential: true }]);

    await row.getByRole('button', { name: 'Remove Archive' }).click();
    await page
      .getByRole('alertdialog', { name: 'Remove “Archive”?' })
      .getByRole('button', { name: 'Remove target' })
      .click();
    await page.getByRole('heading', { name: 'No delivery targets yet' }).waitFor();
    expect(await app.served.engine.listTargets()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows where the keyboard is on every control of the settings, with the focus token', async () => {
    const { page, problems } = await openPage('dark');
    await go(page, 'Settings');
    await page.getByRole('region', { name: 'Library' }).waitFor();
    const focus = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--focus').trim(),
    );
    const seen: { name: string; ring: boolean }[] = [];
    // Bounded: the screens' links, every settings control, and the page's end.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate((token) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const probe = document.createElement('span');
        probe.style.color = token;
        document.body.append(probe);
        const ringColour = getComputedStyle(probe).color;
        probe.remove();
        const name = el.getAttribute('aria-label') ?? el.id ?? '';
        return {
          name: `${el.tagName.toLowerCase()} ${name} ${el.textContent?.slice(0, 30) ?? ''}`,
          ring:
            style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor === ringColour,
        };
      }, focus);
      if (at) seen.push(at);
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((s) => !s.ring)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violation on any screen, in either theme', async () => {
    await app.served.engine.saveTarget({
      name: 'Archive',
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.example.com/files/',
      credential: 'Bearer s3cret',
    });
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await setTheme(scheme);
      const { page, problems } = await openPage(scheme);
      await page.waitForFunction((want) => document.documentElement.dataset.theme === want, scheme);

      await page.getByRole('list', { name: 'Videos' }).waitFor();
      found[`queue-${scheme}`] = await seriousAxeFindings(page);
      // queue-light.png is the queue's own end-to-end test's.
      if (scheme === 'dark') await page.screenshot({ path: path.join(artifactsDir, 'queue-dark.png') });

      await go(page, 'Settings');
      await page.getByRole('region', { name: 'Library' }).waitFor();
      found[`settings-${scheme}`] = await seriousAxeFindings(page);
      // The screen scrolls inside the window: a window as tall as the settings shows them all.
      await page.setViewportSize({ width: 1100, height: 2000 });
      await page.screenshot({ path: path.join(artifactsDir, `settings-${scheme}.png`) });
      await page.setViewportSize({ width: 1100, height: 900 });

      await go(page, 'Targets');
      await page.getByRole('row', { name: /Archive/ }).waitFor();
      found[`targets-${scheme}`] = await seriousAxeFindings(page);
      await page.screenshot({ path: path.join(artifactsDir, `targets-${scheme}.png`) });

      await page.getByRole('button', { name: 'Add target' }).click();
      await page.getByRole('dialog').waitFor();
      found[`add-target-${scheme}`] = await seriousAxeFindings(page);
      await page.screenshot({ path: path.join(artifactsDir, `add-target-${scheme}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });
});
