/**
 * The targets screen in Chromium, from a real `ferry serve` over a real engine: a TUS target that
 * points at a real TUS server (which requires the credential given) is added and its test passes;
 * a Cloudflare Stream target that points at a closed port is refused an id the engine does not
 * take, beside the field, then saved, and its test fails saying why. The dialog is worked by
 * keyboard (opens, tabs through the fields in order, Escape closes). axe-core finds no serious or
 * critical violation on the screen or in the dialog, in either theme. The settings then deliver
 * every finished video to both: a video's page shows one delivery ready with its id at the TUS
 * server, the other failed with why, and Retry. Screenshots go to test-artifacts/targets-*.png.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../helpers/listen-loopback';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { startTusServer, type TusTestServer } from '../helpers/tus-server';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

const token = 'Bearer e2e-token';

/** A port nothing listens on: one the system gave a server that has closed since. */
async function closedPort(): Promise<number> {
  const listening = await listenOnLoopback(http.createServer());
  await listening.close();
  return listening.port;
}

/** What the keyboard is on: the control's kind and its label, as a screen reader would name it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return 'body';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}${el.type && el.tagName === 'INPUT' ? `[${el.type}]` : ''} ${label.trim()}`;
  });

describe('the targets screen, served by ferry serve', () => {
  let app: ServedApp;
  let tus: TusTestServer;
  let closed: number;

  beforeAll(async () => {
    app = await startServedApp('targets-screen');
    tus = await startTusServer({ requireAuthorization: token });
    closed = await closedPort();
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await tus?.close();
  });

  const openTargets = async (colorScheme: 'light' | 'dark') => {
    const opened = await app.open({ viewport: { width: 1100, height: 800 }, colorScheme });
    await opened.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Targets' }).click();
    await opened.page.getByRole('heading', { name: 'Delivery targets', exact: true }).waitFor();
    return opened;
  };

  it('adds a TUS target by keyboard, in field order, and its test reaches the server with the credential', async () => {
    const { page, problems } = await openTargets('light');
    await page.getByRole('heading', { name: 'No delivery targets yet' }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'targets-empty-light.png') });

    const add = page.getByRole('button', { name: 'Add target' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a delivery target' });
    await dialog.waitFor();
    const order = [await focused(page)];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      'select Service',
      'input[text] Name',
      'input[url] Endpoint URL',
      'input[radio] Push',
      'input[radio] MP4',
      'input[password] Credential (optional)',
      'button Cancel',
      'button Add target',
    ]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Radix gives focus back once the dialog has gone, which may be a moment after it detaches.
    await expect.poll(() => focused(page)).toBe('button Add target');

    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Archive');
    await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill(tus.endpoint);
    await dialog.getByLabel('Credential (optional)').fill(token);
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'targets-dialog-tus-light.png') });
    await dialog.getByRole('button', { name: 'Add target' }).click();

    const row = page.getByRole('row', { name: /Archive/ });
    await row.waitFor();
    expect(await app.served.engine.listTargets()).toMatchObject([
      { name: 'Archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint, hasCredential: true },
    ]);
    await row.getByRole('button', { name: 'Test Archive' }).click();
    const answer = row.getByRole('status');
    await answer.getByText(/Works:/).waitFor();
    expect(await answer.textContent()).toContain('is a TUS server');
    expect(tus.requests.some((r) => r.method === 'OPTIONS' && r.authorization === token)).toBe(true);
    expect(await page.content()).not.toContain('e2e-token');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("adds a Cloudflare Stream target with the engine's word on its account ID, and its test says why it fails", async () => {
    const { page, problems } = await openTargets('dark');
    await page.getByRole('button', { name: 'Add target' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a delivery target' });
    await dialog.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'Cloudflare Stream' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Stream');
    const endpoint = dialog.getByRole('textbox', { name: 'Endpoint URL' });
    expect(await endpoint.getAttribute('placeholder')).toBe('https://api.cloudflare.com');
    await endpoint.fill(`http://127.0.0.1:${closed}`);
    const account = dialog.getByRole('textbox', { name: 'Account ID' });
    await account.fill('not/an id');
    await dialog.getByRole('radio', { name: 'Pull' }).check();
    await dialog.getByLabel('Credential', { exact: true }).fill('cf-token');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await dialog.getByText(/Is an id as the service shows it/).waitFor();
    expect(await account.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'targets-dialog-cloudflare-dark.png') });

    await account.fill('023e105f4ecef8ad9ca31a8372d0c353');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    const row = page.getByRole('row', { name: /Stream/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Account ID 023e105f4ecef8ad9ca31a8372d0c353');
    await row.getByRole('button', { name: 'Test Stream' }).click();
    const answer = row.getByRole('status');
    await answer.getByText(/Failed:/).waitFor({ timeout: 20_000 });
    expect(await answer.textContent()).toContain(`127.0.0.1:${closed}`);

    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'targets-list-dark.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violation on the list in the light theme, nor in the edit dialog', async () => {
    const { page, problems } = await openTargets('light');
    await page.getByRole('row', { name: /Stream/ }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'targets-list-light.png') });
    await page.getByRole('button', { name: 'Edit Stream' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “Stream”' });
    expect(await dialog.getByRole('textbox', { name: 'Account ID' }).inputValue()).toBe(
      '023e105f4ecef8ad9ca31a8372d0c353',
    );
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'targets-dialog-edit-light.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("delivers every finished video where the settings say, and the video's page shows each delivery", async () => {
    const { page, problems } = await openTargets('dark');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    const delivery = page.getByRole('region', { name: 'Delivery' });
    await delivery.getByRole('checkbox', { name: 'Archive (TUS server)' }).check();
    await delivery.getByRole('checkbox', { name: 'Stream (Cloudflare Stream)' }).check();
    await delivery.getByRole('spinbutton', { name: 'Upload limit (MiB/s)' }).fill('50');
    // Saved as it changes: the limit once the field is left.
    await page.keyboard.press('Tab');
    const targets = await app.served.engine.listTargets();
    const id = (name: string) => targets.find((t) => t.name === name)?.id;
    await expect
      .poll(async () => (await app.served.engine.getSettings()).delivery)
      .toEqual({ deliverTo: [id('Archive'), id('Stream')], maxUploadBytesPerSecond: 50 * 1024 ** 2 });
    await page.getByText('All changes saved.').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await delivery.screenshot({ path: path.join(artifactsDir, 'targets-settings-delivery-dark.png') });

    const source = await make.solidColor(app.work, 'teal', '320x240', 2);
    const origin = await startOrigin({
      '/teal.mp4': { kind: 'file', body: fs.readFileSync(source), contentType: 'video/mp4' },
    });
    try {
      const { queued } = await app.served.engine.addLinks({
        links: [{ url: origin.url('/teal.mp4'), meta: { name: 'teal' } }],
        options: { ladder: [240] },
      });
      const uid = queued[0]!.uid;
      const deliveries = async () => (await app.served.engine.get({ uid })).deliveries;
      // Both end, one way or the other, well before the limit: the assertions below say which way.
      await until(async () => {
        const now = await deliveries();
        return now.length === 2 && now.every((d) => d.state === 'ready' || d.state === 'error');
      }, 150_000);
      await page.evaluate((hash) => (window.location.hash = hash), `#/video/${uid}`);
      const section = page.getByRole('region', { name: 'Deliveries' });
      const archive = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Archive' }) });
      await archive.getByText('Ready', { exact: true }).waitFor();
      expect(await archive.textContent()).toContain('TUS server · Pushed by Ferry');
      expect(tus.uploads().length).toBe(1);
      const stream = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Stream' }) });
      await stream.getByText('Failed', { exact: true }).waitFor();
      await section.getByRole('button', { name: 'Retry the failed delivery' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.setViewportSize({ width: 1100, height: 1400 });
      await section.screenshot({ path: path.join(artifactsDir, 'targets-video-deliveries-dark.png') });
      expect(problems).toEqual([]);
    } finally {
      await origin.close();
      await page.close();
    }
  }, 200_000);
});
