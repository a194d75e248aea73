/**
 * Failures and removal end to end: the UI from a real `ferry serve` over a real engine, in
 * Chromium, with links from a loopback origin that answers 404, 500 (three attempts, then the
 * engine gives up) and a cut-short MP4. The whole reason is read from the row, a 404's Retry says
 * it will fail again, the Failed tab retries all and clears all with Undo, a removal waits for its
 * Undo before the engine is told, the selection bar leaves with the rows it selected, and the bar
 * offers Pause only for what can pause. Screenshots: test-artifacts/failures-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { until } from '../helpers/wait-for';
import { seriousAxeFindings } from './support/axe-findings';
import { rowOf } from './support/queue-rows';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('failures and removal, in Chromium through ferry serve', () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  const uids: Record<string, string> = {};

  const failedNames = () =>
    app.served.engine
      .list({ state: 'error', limit: 100 })
      .then(({ videos }) => videos.map((video) => video.meta.name).sort());

  beforeAll(async () => {
    app = await startServedApp('failures');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const cut = fs.readFileSync(await make.truncated(app.work));
    origin = await startOrigin({
      '/gone.mp4': { kind: 'status', status: 404 },
      '/broken.mp4': { kind: 'status', status: 500 },
      '/spare.mp4': { kind: 'status', status: 404 },
      '/cut.mp4': { kind: 'file', body: cut, contentType: 'video/mp4' },
    });
    const { engine } = app.served;
    for (const name of ['gone', 'broken', 'spare', 'cut']) {
      const added = await engine.addLinks({ links: [{ url: origin.url(`/${name}.mp4`), name }] });
      uids[name] = added.queued[0]?.uid ?? '';
    }
    // The 500 is tried three times, a second or two apart, before the engine gives up.
    await until(async () => (await failedNames()).join() === 'broken,cut,gone,spare');
    // One video that waits in the queue: the queue is paused before it is added.
    await engine.pauseQueue();
    origin.routes['/waiting.mp4'] = { kind: 'status', status: 404 };
    uids.waiting = (
      await engine.addLinks({ links: [{ url: origin.url('/waiting.mp4'), name: 'waiting' }] })
    ).queued[0]!.uid;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  const selectRow = (page: Page, name: string, modifiers: ('Control' | 'Shift')[] = []) =>
    rowOf(page, name).locator('.video-source').click({ modifiers });
  const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected videos' });
  const barButtons = (page: Page) => bar(page).getByRole('button').allTextContents();

  it('reads a failure whole from its row, names no folder of the host, and says when a retry cannot help', async () => {
    const { page, problems } = await app.open({ viewport: { width: 800, height: 600 } });
    const reason = rowOf(page, 'gone').locator('.video-error');
    await reason.waitFor();
    const text = (await reason.textContent()) ?? '';
    expect(text).toMatch(/^The server answered 404 Not Found: the file is not there/);
    // At 800 px the line is cut; its tooltip and its dialog have it whole.
    expect(await reason.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await reason.getAttribute('title')).toBe(text);
    await reason.click();
    const dialog = page.getByRole('dialog', { name: 'Why gone failed' });
    expect(await dialog.textContent()).toContain(text);
    expect(await dialog.textContent()).toContain('a retry fails again unless the file is put back');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'failures-reason-800.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The cut-short download's reason names the file, not where the engine keeps it.
    const cut = (await rowOf(page, 'cut').locator('.video-error').getAttribute('title')) ?? '';
    expect(cut).toContain('(cut.mp4: Invalid data found when processing input)');
    expect(cut).not.toMatch(/data directory|originals|\/tmp\//);

    // Retry stays offered on a 404, and says it will fail again; on a failing server it says nothing more.
    expect(await rowOf(page, 'gone').getByRole('button', { name: 'Retry gone' }).getAttribute('title')).toContain(
      'a retry fails again',
    );
    expect(await rowOf(page, 'broken').getByRole('button', { name: 'Retry broken' }).getAttribute('title')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers only what applies to the selection, with counts, and Pause only for what can pause', async () => {
    const { page, problems } = await app.open();
    await rowOf(page, 'gone').waitFor();
    await selectRow(page, 'gone');
    await selectRow(page, 'broken', ['Control']);
    await expect.poll(() => barButtons(page)).toEqual(['Retry 2', 'Remove 2', 'Clear selection']);
    expect(await bar(page).textContent()).toContain('1 will fail again unless its link or file changed');
    await selectRow(page, 'waiting', ['Control']);
    await expect
      .poll(() => barButtons(page))
      .toEqual(['Pause 1', 'Cancel 1', 'Retry 2', 'Remove 3', 'Clear selection']);
    await bar(page).getByRole('button', { name: 'Clear selection' }).click();
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('removes with Undo: the row goes at once, Undo brings it back, the engine is told only when the toast ends', async () => {
    const { page, problems } = await app.open();
    await rowOf(page, 'spare').waitFor();
    await selectRow(page, 'spare');
    await bar(page).waitFor();
    await rowOf(page, 'spare').getByRole('button', { name: 'More actions for spare' }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Removed spare' });
    await toast.waitFor();
    // The row and the bar that selected it are gone; the engine still has the video.
    expect(await rowOf(page, 'spare').count()).toBe(0);
    expect(await bar(page).count()).toBe(0);
    expect((await app.served.engine.get({ uid: uids.spare! })).meta.name).toBe('spare');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await rowOf(page, 'spare').waitFor();
    expect(await toast.count()).toBe(0);

    // Again from the bar, and this time the toast runs out: then the engine removes it.
    await selectRow(page, 'spare');
    await bar(page).getByRole('button', { name: 'Remove 1' }).click();
    await toast.waitFor();
    expect(await bar(page).count()).toBe(0);
    await toast.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(failedNames, { timeout: 10_000 }).toEqual(['broken', 'cut', 'gone']);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('retries all failed videos and clears them with Undo from the Failed tab', async () => {
    // The waiting video leaves, and the queue runs again, so the retried videos are tried at once.
    await app.served.engine.remove({ uids: [uids.waiting!] });
    await app.served.engine.resumeQueue();
    const { page, problems } = await app.open({ viewport: { width: 800, height: 600 }, colorScheme: 'dark' });
    await page.getByRole('tab', { name: /^Failed/ }).click();
    const failedBar = page.getByRole('toolbar', { name: 'Failed videos' });
    await failedBar.getByRole('button', { name: 'Retry all 3' }).click();
    await page.getByText('Retrying 3 videos. 1 will fail again unless its link or file changed.').waitFor();
    const retried = async () => {
      const histories = await Promise.all(
        ['gone', 'broken', 'cut'].map((name) => app.served.engine.history({ uid: uids[name]! })),
      );
      return histories.every((events) => events.some((e) => e.type === 'state' && e.data.from === 'error'));
    };
    await expect.poll(retried, { timeout: 30_000, interval: 250 }).toBe(true);
    await expect.poll(failedNames, { timeout: 60_000, interval: 250 }).toEqual(['broken', 'cut', 'gone']);

    await failedBar.getByRole('button', { name: 'Clear 3 failed' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Removed 3 videos' });
    await toast.waitFor();
    expect(await page.getByRole('list', { name: 'Videos' }).count()).toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'failures-cleared-undo-800-dark.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Undo from the keyboard.
    await page.keyboard.press('Control+z');
    await rowOf(page, 'gone').waitFor();
    expect(await failedNames()).toEqual(['broken', 'cut', 'gone']);
    await page.screenshot({ path: path.join(artifactsDir, 'failures-tab-800-dark.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
