/**
 * The queue's order and keyboard in Chromium through `ferry serve`, over a real engine: the list
 * shows what runs first on top (not the newest), a column header sorts it, a queued video moves by
 * Alt+arrows and by dragging, and the run order the engine keeps is the one shown. The list is one
 * tab stop; Home and End keep the focus in it; F2 renames in place; the menu key opens a row's
 * actions; Delete removes with Undo.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedQueue, runningName, waitingName, type Origin } from './support/seed-queue';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** The names of the rows on screen, top to bottom. */
const shownNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.video-row')]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => row.querySelector('.video-name')?.textContent ?? ''),
  );

/** What has the keyboard's focus: a row (by its name), or another element's label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (element?.getAttribute('role') === 'listitem') return `row:${element.querySelector('.video-name')?.textContent}`;
    return element?.getAttribute('aria-label') ?? element?.textContent ?? '';
  });

describe('the queue in the order it will run', () => {
  let app: ServedApp;
  let origin: Origin;
  let uids: string[];

  beforeAll(async () => {
    app = await startServedApp('queue-order');
    ({ origin, uids } = await seedQueue(app, 30));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  /** The engine's own queue order: what it will claim next, after the running one. */
  const engineOrder = async () =>
    (await app.served.engine.list({ sort: 'queue', limit: 1000 })).videos.map((v) => v.meta.name);

  async function openQueue() {
    const opened = await app.open({ viewport: { width: 1280, height: 800 } });
    await opened.page.getByRole('link', { name: runningName }).waitFor();
    return opened;
  }

  it('shows the running video first and the waiting ones in the order they will run, and sorts by a column', async () => {
    const { page, problems } = await openQueue();
    const names = await shownNames(page);
    expect(names.slice(0, 4)).toEqual([runningName, waitingName(0), waitingName(1), waitingName(2)]);
    expect(await page.getByRole('columnheader', { name: 'Queue' }).getAttribute('aria-sort')).toBe('ascending');

    // Name, descending on a second press: the last lesson's name comes first.
    await page.getByRole('button', { name: 'Name' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort'))
      .toBe('ascending');
    await expect.poll(async () => (await shownNames(page))[0]).toBe(runningName);
    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(async () => (await shownNames(page))[0]).toBe(waitingName(29));
    expect(await page.getByRole('columnheader', { name: 'Queue' }).getAttribute('aria-sort')).toBe('none');

    await page.getByRole('button', { name: 'Queue' }).click();
    await expect.poll(async () => (await shownNames(page))[1]).toBe(waitingName(0));
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('moves a queued video by keyboard and by dragging, and the engine keeps that order', async () => {
    const { page, problems } = await openQueue();
    // The keyboard's row, then the third waiting video; Alt+Up twice takes it to the head of the waiting ones.
    await page
      .getByRole('listitem')
      .filter({ hasText: waitingName(2) })
      .locator('.video-source')
      .click();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await shownNames(page)).slice(1, 4))
      .toEqual([waitingName(2), waitingName(0), waitingName(1)]);
    // The focus followed the video it moved.
    expect(await focused(page)).toBe(`row:${waitingName(2)}`);
    // Alt+Down once, Alt+End to the bottom.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await shownNames(page)).slice(1, 3)).toEqual([waitingName(0), waitingName(2)]);
    await page.keyboard.press('Alt+End');
    // The keyboard's place follows it down to the last row.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset')))
      .toBe(String(uids.length));
    expect(await focused(page)).toBe(`row:${waitingName(2)}`);
    expect((await engineOrder()).at(-1)).toBe(waitingName(2));

    // The list followed the video to the bottom; Home goes back to the top.
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe(`row:${runningName}`);

    // Drag the fifth waiting video above the first.
    const source = page
      .getByRole('listitem')
      .filter({ hasText: waitingName(4) })
      .locator('.thumb');
    const target = page.getByRole('listitem').filter({ hasText: waitingName(0) });
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 4 });
    await page.mouse.move(to.x + 200, to.y + 4, { steps: 8 });
    await expect.poll(() => page.locator('.drop-line').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'queue-drag.png') });
    await page.mouse.up();
    await expect.poll(async () => (await shownNames(page)).slice(1, 3)).toEqual([waitingName(4), waitingName(0)]);
    expect((await engineOrder()).slice(1, 3)).toEqual([waitingName(4), waitingName(0)]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('is one tab stop: arrows, Home and End move the focus within it, Tab leaves it', async () => {
    const { page, problems } = await openQueue();
    await page.getByRole('button', { name: 'Compact rows' }).focus();
    // The sort header's six buttons, then the list: one row, whatever the list holds.
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^row:/);
    await page.keyboard.press('End');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset')))
      .toBe(String(uids.length));
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe(`row:${runningName}`);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(`row:${(await shownNames(page))[1]}`);
    // Right reaches the row's own controls; Tab leaves the list at once.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="list"]') === null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('renames with F2, opens the actions with the menu key, and removes with Delete and Undo', async () => {
    const { page, problems } = await openQueue();
    const row = page.getByRole('listitem').filter({ hasText: waitingName(6) });
    await row.locator('.video-source').click();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: `Name of ${waitingName(6)}` });
    await field.fill('Lesson seven, renamed');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Lesson seven, renamed' }).waitFor();
    expect((await app.served.engine.get({ uid: uids[7]! })).meta.name).toBe('Lesson seven, renamed');
    expect(await focused(page)).toBe('row:Lesson seven, renamed');

    // A double-click on a name renames too; Escape keeps the name.
    await page.getByRole('link', { name: 'Lesson seven, renamed' }).dblclick();
    await page.getByRole('textbox', { name: 'Name of Lesson seven, renamed' }).fill('never saved');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Lesson seven, renamed' }).waitFor();

    await page.keyboard.press('Shift+F10');
    await expect.poll(() => page.getByRole('menuitem').allTextContents()).toContain('Remove');
    await page.keyboard.press('Escape');

    await page.locator('[role="listitem"][tabindex="0"]').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await page.getByRole('link', { name: 'Lesson seven, renamed' }).count()).toBe(0);
    // The next row has the focus.
    await expect.poll(() => focused(page)).toMatch(/^row:Course/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Lesson seven, renamed' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
