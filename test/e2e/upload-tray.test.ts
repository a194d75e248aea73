/**
 * The upload tray, the import preview's problem lines and the add sheets at 800×600, in Chromium
 * through a real `ferry serve`: three files dropped at once show one tray with each file's
 * progress and the total (uploads slowed by Chromium's network emulation, so they are seen
 * moving); one is canceled and retried; the same content dropped again under another name is
 * flagged before anything is sent; the tray, docked under the list, covers none of the rows'
 * buttons. A list with bad lines shows them first with their line numbers, and every line not
 * queued after. The queue is paused: what is checked is what the UI puts in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

const mib = 1024 * 1024;

/** Drops files made in the page (`size` bytes from `seed`, the same bytes for the same seed) on it. */
async function dropMade(page: Page, files: { name: string; size: number; seed: number }[]): Promise<void> {
  await page.evaluate((given) => {
    const dataTransfer = new DataTransfer();
    for (const { name, size, seed } of given) {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 97 + (i >> 12)) & 0xff;
      dataTransfer.items.add(new File([bytes], name, { type: 'video/mp4' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
  }, files);
}

async function dropList(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([text], name, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

/** Whether an element's box lies inside the viewport, with some height. */
async function onScreen(page: Page, box: { x: number; y: number; width: number; height: number } | null) {
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.height > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

describe('the upload tray and the add sheets in the served UI', () => {
  let app: ServedApp;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startServedApp('upload-tray');
    await app.served.engine.pauseQueue();
    // Rows with buttons for the tray to leave alone.
    await app.served.engine.addLinks({
      links: Array.from({ length: 12 }, (_, i) => ({ url: `https://media.example.test/take-${i}.mp4` })),
    });
    ({ page, problems } = await app.open());
    await page.getByRole('list', { name: 'Videos' }).getByRole('listitem').first().waitFor();
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const tray = () => page.getByRole('region', { name: 'Uploads' });
  const item = (name: string) =>
    tray()
      .getByRole('listitem')
      .filter({ has: page.getByText(name, { exact: true }) });

  it('shows three uploads in one tray with their progress and the total; one is canceled, then retried', async () => {
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    // About 2 MiB a second: each 4 MiB upload is seen on its way for a while.
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 2 * mib,
    });
    await dropMade(page, [
      { name: 'a.mp4', size: 4 * mib, seed: 1 },
      { name: 'b.mp4', size: 4 * mib, seed: 2 },
      { name: 'c.mp4', size: 4 * mib, seed: 3 },
    ]);

    await tray().waitFor();
    expect(await tray().getByRole('listitem').count()).toBe(3);
    // One tray, and no banner at the top for each file.
    expect(await page.getByRole('region', { name: 'Uploads' }).count()).toBe(1);
    const summary = tray().getByText(/^Uploading 3 files · \d+% · .+ of 12\.0 MiB · .+\/s · .+ left$/);
    await summary.waitFor();
    await expect.poll(() => item('b.mp4').textContent()).toMatch(/\d+% · .+ of 4\.0 MiB · .+\/s · .+ left/);
    expect(await tray().getByRole('progressbar', { name: 'All uploads' }).count()).toBe(1);
    expect(
      await tray()
        .getByRole('progressbar', { name: /^Uploading / })
        .count(),
    ).toBe(3);

    // Docked under the list: every row button the list shows is the element at its own centre.
    const list = await page.getByRole('main').boundingBox();
    const trayTop = (await tray().boundingBox())?.y ?? 0;
    expect(list && list.y + list.height).toBeLessThanOrEqual(trayTop);
    const shown = Math.min(trayTop, list ? list.y + list.height : 0);
    const buttons = page.getByRole('list', { name: 'Videos' }).getByRole('button');
    let checked = 0;
    for (let i = 0; i < (await buttons.count()); i++) {
      const box = await buttons.nth(i).boundingBox();
      if (!box || box.y < (list?.y ?? 0) || box.y + box.height > shown || box.height === 0) continue;
      const hit = await buttons
        .nth(i)
        .evaluate((button, [x, y]) => button.contains(document.elementFromPoint(x, y)), [
          box.x + box.width / 2,
          box.y + box.height / 2,
        ] as const);
      expect(hit).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(artifactsDir, 'upload-tray.png') });
    expect(await seriousAxeFindings(page, 'section[aria-label="Uploads"]')).toEqual([]);

    await item('b.mp4').getByRole('button', { name: 'Cancel the upload of b.mp4' }).click();
    await expect.poll(() => item('b.mp4').textContent()).toContain('Canceled: not queued');
    await item('b.mp4').getByRole('button', { name: 'Retry the upload of b.mp4' }).click();
    await expect.poll(() => item('b.mp4').textContent()).toMatch(/\d+% · .+ of 4\.0 MiB/);
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    for (const name of ['a.mp4', 'b.mp4', 'c.mp4'])
      await expect.poll(() => item(name).textContent(), { timeout: 30_000 }).toContain('Uploaded 4.0 MiB; queued');
    await expect.poll(() => tray().getByText('3 files uploaded').count()).toBe(1);
    await expect.poll(async () => (await app.served.engine.totals()).total).toBe(15);
    await network.detach();
  });

  it('flags a file whose content is in Ferry already, under another name, before sending it', async () => {
    await tray().getByRole('button', { name: 'Clear finished' }).click();
    await dropMade(page, [{ name: 'a copy.mp4', size: 4 * mib, seed: 1 }]);
    await expect.poll(() => item('a copy.mp4').textContent()).toContain('Already in Ferry as a.mp4');
    expect(await tray().getByText('1 file already in Ferry: add again or skip').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'upload-tray-already.png') });
    await item('a copy.mp4').getByRole('button', { name: 'Skip a copy.mp4' }).click();
    await expect.poll(() => item('a copy.mp4').textContent()).toContain('Skipped: already in Ferry');
    expect((await app.served.engine.totals()).total).toBe(15);
    expect(problems).toEqual([]);
  });

  it('shows the lines of a list it will not queue first, with their line numbers, and every one after queueing', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `https://media.example.test/list/${i}.mp4`);
    lines[149] = 'line 150 is no link';
    lines[169] = 'ftp://media.example.test/170.mp4';
    lines[189] = 'https://media.example.test/take-3.mp4';
    await dropList(page, 'links.txt', lines.join('\n'));
    const sheet = page.getByRole('dialog', { name: 'Import links.txt' });
    await expect.poll(() => sheet.textContent()).toContain('197 new · 1 already in the queue or repeated · 2 invalid');
    const bad = sheet.getByRole('list', { name: 'Lines not queued' }).getByRole('listitem');
    expect(await bad.allTextContents()).toEqual([
      expect.stringMatching(/^Line 150Invalidline 150 is no link.+/),
      expect.stringMatching(/^Line 170Invalidftp:\/\/media\.example\.test\/170\.mp4.+/),
      'Line 190Already in the queuehttps://media.example.test/take-3.mp4',
    ]);
    expect(await onScreen(page, await sheet.getByRole('list', { name: 'Lines not queued' }).boundingBox())).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, 'add-import-problems.png') });

    await sheet.getByRole('button', { name: 'Queue 197 videos' }).click();
    const done = page.getByRole('dialog', { name: 'Imported links.txt' });
    await done.waitFor();
    expect(await done.getByRole('list', { name: 'Lines not queued' }).getByRole('listitem').count()).toBe(3);
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'add-import-not-queued.png') });
    await done.getByRole('button', { name: 'Done' }).click();
    expect(problems).toEqual([]);
  });

  it('keeps every add sheet on screen at 800×600: the paste sheet’s recognised lines, the import preview, the import’s result', async () => {
    const small = await app.open({ viewport: { width: 800, height: 600 } });
    const lines = [
      ...Array.from({ length: 8 }, (_, i) => `https://media.example.test/small/${i}.mp4`),
      'https://www.dropbox.com/s/abc123/clip.mp4?dl=0',
      'not a link',
      'https://media.example.test/small/1.mp4',
    ];
    await small.page.evaluate((text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, lines.join('\n'));
    const paste = small.page.getByRole('dialog', { name: 'Add links' });
    const recognised = paste.getByRole('list', { name: 'Recognised lines' });
    await expect.poll(() => recognised.getByRole('listitem').count()).toBe(11);
    const box = await recognised.boundingBox();
    // The list is the point of the sheet: several of its lines show, all of it on screen.
    expect(box?.height).toBeGreaterThan(120);
    expect(await onScreen(small.page, box)).toBe(true);
    await expectWithin(small.page, paste);
    await small.page.screenshot({ path: path.join(artifactsDir, 'add-paste-sheet-800x600.png') });
    await small.page.keyboard.press('Escape');

    const list = lines.slice(0, 9).concat(['line 10 is no link', 'https://media.example.test/take-1.mp4']);
    await dropList(
      small.page,
      'small.txt',
      [...list, ...Array.from({ length: 40 }, (_, i) => `https://media.example.test/more/${i}.mp4`)].join('\n'),
    );
    const preview = small.page.getByRole('dialog', { name: 'Import small.txt' });
    const bad = preview.getByRole('list', { name: 'Lines not queued' });
    await expect.poll(() => bad.getByRole('listitem').count()).toBe(2);
    expect(await onScreen(small.page, await bad.boundingBox())).toBe(true);
    await expectWithin(small.page, preview);
    await small.page.screenshot({ path: path.join(artifactsDir, 'add-import-800x600.png') });
    await preview.getByRole('button', { name: /^Queue \d+ videos$/ }).click();
    const done = small.page.getByRole('dialog', { name: 'Imported small.txt' });
    await done.getByRole('list', { name: 'Lines not queued' }).waitFor();
    await expectWithin(small.page, done);
    await small.page.screenshot({ path: path.join(artifactsDir, 'add-import-done-800x600.png') });
    await done.getByRole('button', { name: 'Done' }).click();

    // The tray at 800×600, in the dark theme: under the list, on screen, nothing wider than the window.
    await dropMade(small.page, [{ name: 'small.mp4', size: 64 * 1024, seed: 9 }]);
    const smallTray = small.page.getByRole('region', { name: 'Uploads' });
    await expect.poll(() => smallTray.textContent()).toContain('Uploaded 64.0 KiB; queued');
    const trayBox = await smallTray.boundingBox();
    const main = await small.page.getByRole('main').boundingBox();
    expect(await onScreen(small.page, trayBox)).toBe(true);
    expect(main && trayBox && main.y + main.height <= trayBox.y).toBe(true);
    expect(await smallTray.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await small.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => small.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await small.page.screenshot({ path: path.join(artifactsDir, 'upload-tray-800x600-dark.png') });
    expect(await seriousAxeFindings(small.page, 'section[aria-label="Uploads"]')).toEqual([]);
    expect(small.problems).toEqual([]);
    await small.page.close();
  });
});

/** A sheet lies inside the viewport, its buttons on screen, and nothing in it is wider than it. */
async function expectWithin(page: Page, sheet: ReturnType<Page['getByRole']>): Promise<void> {
  expect(await onScreen(page, await sheet.boundingBox())).toBe(true);
  const buttons = sheet.getByRole('button', { name: /^(Cancel|Done|Queue .*)$/ });
  for (let i = 0; i < (await buttons.count()); i++)
    expect(await onScreen(page, await buttons.nth(i).boundingBox())).toBe(true);
  expect(await sheet.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
}
