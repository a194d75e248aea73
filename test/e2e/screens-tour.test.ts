/**
 * Every screen as a user meets it, in Chromium through a real `ferry serve`, at 800×600,
 * 1280×800 and 1920×1080 in the light and the dark theme: the queue with 2,000 waiting links and
 * a failed one, the Failed tab, a ready video's page and a failed one's, the paste sheet, settings
 * and targets. On each: nothing reaches past the window's edges (no horizontal scrolling, no
 * control cut off), no button or tab label is clipped, and axe-core finds no serious or critical
 * violation. Screenshots go to test-artifacts/screens/<screen>-<width>x<height>-<theme>.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { seriousAxeFindings } from './support/axe-findings';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

const sizes = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const themes = ['light', 'dark'] as const;
const screensDir = path.join(artifactsDir, 'screens');

/**
 * What reaches past the window's left or right edge, and which labels are cut: one line per
 * offender. Elements clipped on purpose (visually hidden text, content inside a scroller that
 * clips it) do not count; text that ends in an ellipsis inside a name does not either, but a
 * button's, a tab's or a chip's label must be whole, unless its tooltip holds all of it.
 */
function offendersInPage(): string[] {
  const width = document.documentElement.clientWidth;
  const found: string[] = [];
  const describe = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  if (document.documentElement.scrollWidth > width) {
    found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  const clipsX = (element: Element) => {
    const overflow = getComputedStyle(element).overflowX;
    return overflow === 'hidden' || overflow === 'auto' || overflow === 'scroll' || overflow === 'clip';
  };
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    // Inside an ancestor that clips sideways, only what that ancestor shows counts (the ancestor itself is checked).
    let clipper = element.parentElement;
    while (clipper && clipper !== document.body && !clipsX(clipper)) clipper = clipper.parentElement;
    const edge = clipper && clipper !== document.body ? clipper.getBoundingClientRect() : { left: 0, right: width };
    const visibleLeft = Math.max(box.left, edge.left);
    const visibleRight = Math.min(box.right, edge.right);
    if (visibleRight <= visibleLeft) continue;
    if (box.right > width + 1 || box.left < -1)
      found.push(`past the edge (${Math.round(box.right)} > ${width}): ${describe(element)}`);
    const label = element.matches('button, [role="tab"], .chip, .delivery-chip, [role="menuitem"]');
    // A label shortened on purpose carries its whole text as a tooltip (a failed row's reason).
    const whole = element.getAttribute('title') ?? '';
    const shortened = whole !== '' && whole.includes((element.textContent ?? '').trim().replace(/…$/, ''));
    if (label && !shortened && element.scrollWidth > element.clientWidth + 1)
      found.push(`label cut: ${describe(element)}`);
  }
  return found;
}

describe('every screen at three window sizes, light and dark', () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let readyUid: string;
  let failedUid: string;

  beforeAll(async () => {
    app = await startServedApp('screens');
    fs.mkdirSync(screensDir, { recursive: true });
    const source = await make.solidColor(app.work, 'teal', '640x360', 4);
    origin = await startOrigin({
      '/download/course-01': {
        kind: 'file',
        body: fs.readFileSync(source),
        contentType: 'video/mp4',
        contentDisposition: 'attachment; filename="Course 01 - Editing a long interview for the web.mp4"',
      },
      '/missing-lecture.mp4': { kind: 'status', status: 404 },
    });
    const { engine } = app.served;
    const ready = await engine.addLinks({ links: [{ url: origin.url('/download/course-01') }] });
    const failed = await engine.addLinks({ links: [{ url: origin.url('/missing-lecture.mp4') }] });
    readyUid = ready.queued[0]?.uid ?? '';
    failedUid = failed.queued[0]?.uid ?? '';
    const stateOf = async (uid: string) => {
      const { status } = await engine.get({ uid });
      return `${status.state}${status.errorReasonText ? `: ${status.errorReasonText}` : ''}`;
    };
    const reach = async (uid: string, state: string) => {
      let now = await stateOf(uid);
      for (
        const deadline = Date.now() + 120_000;
        !now.startsWith(state) && Date.now() < deadline;
        now = await stateOf(uid)
      )
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(now.split(':')[0], now).toBe(state);
    };
    await reach(readyUid, 'ready');
    await reach(failedUid, 'error');
    // A big import waiting behind a paused queue: the list as a producer sees it after a morning's import.
    await engine.pauseQueue();
    const lines = Array.from({ length: 2000 }, (_, i) =>
      origin.url(`/waiting/lesson-${String(i + 1).padStart(4, '0')}.mp4`),
    );
    await engine.importList({ content: lines.join('\n') });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  const screens: { name: string; show(page: Page): Promise<void> }[] = [
    {
      name: 'queue',
      async show(page) {
        await page.evaluate(() => (window.location.hash = '#/'));
        await page.getByRole('list', { name: 'Videos' }).getByRole('listitem').first().waitFor();
      },
    },
    {
      name: 'queue-columns',
      // Where the window is wide enough for them, each row's Added and Size stand under their sort headers.
      async show(page) {
        const width = page.viewportSize()?.width ?? 0;
        const misplaced = await page.evaluate((wide) => {
          const header = (name: string) =>
            document.querySelector(`.sort-header .sort-${name}`)?.getBoundingClientRect();
          const cells = document.querySelector('.video-list .video-row .video-facts');
          const [added, size] = Array.from(cells?.children ?? []).map((cell) => cell.getBoundingClientRect());
          if (!wide)
            return cells && getComputedStyle(cells).display !== 'none' ? ['facts shown in a narrow window'] : [];
          const under = (cell: DOMRect | undefined, head: DOMRect | undefined) =>
            cell && head && cell.width > 0 && Math.abs(cell.left - head.left) <= 2;
          return [
            ...(under(added, header('added')) ? [] : ['Added is not under its header']),
            ...(under(size, header('size')) ? [] : ['Size is not under its header']),
          ];
        }, width >= 1280);
        expect(misplaced).toEqual([]);
      },
    },
    {
      name: 'queue-failed',
      async show(page) {
        await page.evaluate(() => (window.location.hash = '#/'));
        await page.getByRole('tab', { name: /Failed/ }).click();
        await page
          .getByRole('list', { name: 'Videos' })
          .getByText('missing-lecture', { exact: false })
          .first()
          .waitFor();
      },
    },
    {
      name: 'video-ready',
      async show(page) {
        await page.evaluate((hash) => (window.location.hash = hash), `#/video/${readyUid}`);
        await page.locator('video').waitFor();
      },
    },
    {
      name: 'video-failed',
      async show(page) {
        await page.evaluate((hash) => (window.location.hash = hash), `#/video/${failedUid}`);
        await page.getByRole('button', { name: /Retry/ }).first().waitFor();
      },
    },
    {
      name: 'paste-sheet',
      async show(page) {
        await page.evaluate(() => (window.location.hash = '#/'));
        await page.getByRole('button', { name: 'Add videos' }).click();
        await page.getByRole('menuitem', { name: /Paste links/ }).click();
        await page
          .getByRole('textbox')
          .first()
          .fill(['https://example.com/a.mp4', 'not a link', 'https://www.dropbox.com/s/abc/talk.mov?dl=0'].join('\n'));
        // Checked: the two links are offered to queue, the line that is none is named.
        await page.getByRole('button', { name: 'Queue 2 videos' }).waitFor();
      },
    },
    {
      name: 'settings',
      async show(page) {
        await page.keyboard.press('Escape');
        await page.evaluate(() => (window.location.hash = '#/settings'));
        await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
      },
    },
    {
      name: 'targets',
      async show(page) {
        await page.evaluate(() => (window.location.hash = '#/targets'));
        await page
          .getByRole('heading', { name: /targets/i })
          .first()
          .waitFor();
      },
    },
  ];

  for (const theme of themes) {
    for (const size of sizes) {
      it(`${size.width}×${size.height}, ${theme}: nothing past the edges or cut, and axe-core clean`, async () => {
        const { page, problems } = await app.open({ viewport: size, colorScheme: theme });
        const found: string[] = [];
        for (const screen of screens) {
          await screen.show(page);
          // Fonts and the list's measurement settle before the picture is taken.
          await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(r))));
          await page.screenshot({
            path: path.join(screensDir, `${screen.name}-${size.width}x${size.height}-${theme}.png`),
          });
          found.push(...(await page.evaluate(offendersInPage)).map((line) => `${screen.name}: ${line}`));
          if (size.width === 1280)
            found.push(...(await seriousAxeFindings(page)).map((line) => `${screen.name}: ${line}`));
        }
        expect(found).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
});
