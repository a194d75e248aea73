/**
 * Adding videos in the UI served by a real `ferry serve`, in Chromium: files dropped on the
 * window (a real video, uploaded over TUS in the upload tray, and a text file listed as skipped), links pasted on
 * the page into the confirm sheet, the same by keyboard only, and a 1,000-line list dropped for
 * a bulk import. The queue is paused so the engine only queues: what is checked is what the UI
 * puts in. axe-core checks each open sheet; screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** Drops files on the page as the desktop would: a DataTransfer holding their bytes. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]): Promise<void> {
  await page.evaluate(
    (given) => {
      const dataTransfer = new DataTransfer();
      for (const { name, type, base64 } of given)
        dataTransfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
    },
    files.map(({ name, type, bytes }) => ({ name, type, base64: bytes.toString('base64') })),
  );
}

describe('adding videos in the served UI', () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let video: Buffer;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startServedApp('add-videos');
    video = fs.readFileSync(await make.standardDefinition43(app.work));
    origin = await startOrigin({ '/talk.avi': { kind: 'file', body: video, contentType: 'video/x-msvideo' } });
    await app.served.engine.pauseQueue();
    ({ page, problems } = await app.open());
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  /** The open sheet in the dark theme (the default theme follows the system's): its screenshot and axe-core, then light again. */
  async function inDarkTheme(screenshot: string): Promise<void> {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: path.join(artifactsDir, screenshot) });
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  }

  const rows = () => page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
  const totals = () => page.getByLabel('Queue totals').textContent();
  /** What the app told the user (the queue's own "Queue paused." is a status too). */
  const told = (text: string) => expect.poll(() => page.getByRole('status').filter({ hasText: text }).count()).toBe(1);

  it('uploads dropped video files and lists the other files as skipped', async () => {
    await dropFiles(page, [
      { name: 'dropped.avi', type: 'video/x-msvideo', bytes: video },
      { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('not a video\n') },
    ]);
    const tray = page.getByRole('region', { name: 'Uploads' });
    await expect.poll(() => tray.textContent()).toContain('notes.txt');
    await expect.poll(() => tray.textContent()).toMatch(/dropped\.avi.*Uploaded .+; queued/);
    await expect.poll(() => rows().filter({ hasText: 'dropped.avi' }).count()).toBe(1);
    expect(await rows().count()).toBe(1);
    await tray.getByRole('button', { name: 'Clear finished' }).click();
    expect(await tray.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens pasted links in the confirm sheet, shows what it recognised, and queues the new ones', async () => {
    const share = 'https://www.dropbox.com/s/abc123/clip.mp4?dl=0';
    // What Ctrl/Cmd+V outside a text field does: a paste event carrying the clipboard's text.
    await page.evaluate(
      (text) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      },
      `${origin.url('/talk.avi')}\n${share}\nnot a link\n${origin.url('/talk.avi')}\n`,
    );

    const sheet = page.getByRole('dialog', { name: 'Add links' });
    const recognised = sheet.getByRole('list', { name: 'Recognised lines' }).getByRole('listitem');
    await expect.poll(() => recognised.count()).toBe(4);
    expect(await recognised.nth(1).textContent()).toMatch(/Share link .*dl=0 → direct link .*dl=1/);
    expect(await recognised.nth(2).textContent()).toContain('Invalid');
    expect(await recognised.nth(3).textContent()).toContain('Repeated above');
    await page.screenshot({ path: path.join(artifactsDir, 'add-paste-sheet.png') });
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await inDarkTheme('add-paste-sheet-dark.png');

    await sheet.getByRole('button', { name: 'Queue 2 videos' }).click();
    await told('Queued 2 videos');
    expect(await sheet.count()).toBe(0);
    await expect.poll(() => rows().count()).toBe(3);
    expect(problems).toEqual([]);
  });

  it('does the same by keyboard only: the Add menu, Paste links…, typing, and queueing', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    /**
     * Moves down the open menu to an item. A press while the menu is still settling may not move
     * it, so it is pressed again (bounded); but only once focus has had time to move, or a press
     * that was merely slow would be followed by another and overshoot the item.
     */
    const arrowTo = async (item: string) => {
      for (let i = 0; i < 12 && (await focused()) !== item; i++) {
        const before = await focused();
        await page.keyboard.press('ArrowDown');
        for (let wait = 0; wait < 25 && (await focused()) === before; wait++) await page.waitForTimeout(20);
      }
      expect(await focused()).toBe(item);
    };
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 20 && (await focused()) !== 'Add videos'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Add videos');
    // Visible focus on the button.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe(
      'none',
    );

    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Paste links…' }).waitFor();
    await arrowTo('Paste links…');
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'Add links' });
    await sheet.waitFor();
    // Radix gives the sheet focus: the links field takes the typing.
    await page.keyboard.type(origin.url('/talk.avi?take=2'));
    const queue = sheet.getByRole('button', { name: 'Queue 1 video' });
    await expect.poll(() => queue.isEnabled()).toBe(true);
    for (let i = 0; i < 40 && (await focused()) !== 'Queue 1 video'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await told('Queued 1 video');
    expect(await sheet.count()).toBe(0);

    // Esc closes the sheet without queueing.
    await page.getByRole('button', { name: 'Add videos' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Paste links…' }).waitFor();
    await arrowTo('Paste links…');
    await page.keyboard.press('Enter');
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    // Focus is given back to the button the sheet was opened from.
    await expect.poll(focused).toBe('Add videos');
    await expect.poll(() => rows().count()).toBe(4);
    expect(problems).toEqual([]);
  });

  it('imports a dropped list of 1,000 lines: a preview with the counts, then one click queues them', async () => {
    const lines = Array.from({ length: 990 }, (_, i) => origin.url(`/list/${i}.mp4`));
    for (let i = 0; i < 5; i++) lines.splice(100 * (i + 1), 0, origin.url(`/list/${i}.mp4`), `line ${i} is no link`);
    expect(lines).toHaveLength(1000);
    const before = (await app.served.engine.totals()).total;

    await dropFiles(page, [{ name: 'links.txt', type: 'text/plain', bytes: Buffer.from(lines.join('\n')) }]);
    const sheet = page.getByRole('dialog', { name: 'Import links.txt' });
    await expect.poll(() => sheet.textContent()).toContain('990 new · 5 already in the queue or repeated · 5 invalid');
    expect(await sheet.getByRole('list', { name: 'Lines not queued' }).getByRole('listitem').count()).toBe(10);
    expect(await sheet.getByRole('list', { name: 'First new lines' }).getByRole('listitem').count()).toBe(20);
    expect(await sheet.textContent()).toContain('The first 20 new of 1,000 lines (text)');
    await page.screenshot({ path: path.join(artifactsDir, 'add-import-preview.png') });
    expect(await seriousAxeFindings(page, '[role="dialog"]')).toEqual([]);
    await inDarkTheme('add-import-preview-dark.png');

    await sheet.getByRole('button', { name: 'Queue 990 videos' }).click();
    const done = page.getByRole('dialog', { name: 'Imported links.txt' });
    await expect
      .poll(() => done.getByRole('list', { name: 'Lines not queued' }).getByRole('listitem').count())
      .toBe(10);
    await done.getByRole('button', { name: 'Done' }).click();
    await told('Queued 990 videos · 5 already in the queue · 5 invalid');
    await expect.poll(totals).toContain(`${before + 990} videos`);
    expect(problems).toEqual([]);
  });
});
