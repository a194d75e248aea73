/**
 * The queue's layout in Chromium through `ferry serve`, at the window sizes a producer uses: at
 * 800×600 nothing of a row or of the controls above the list reaches past the window or is cut,
 * the filter tabs stay on one line and the names get the free width; compact rows fit at least 14
 * at 1280×800 with their thumbnails; at 1920×1080 more rows show. Screenshots of each size in both
 * themes go to test-artifacts/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe-findings';
import { seedQueue, type Origin } from './support/seed-queue';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

/** Elements of the rows and of the controls whose box reaches past the window's right edge, or whose text is cut. */
function overflowing(page: Page, width: number) {
  return page.evaluate((right) => {
    const scope = [...document.querySelectorAll('.queue-controls *, .sort-header *, .video-row *')];
    return scope
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        // A long name, link or failure reason ends with an ellipsis (the whole of it in its tooltip):
        // that is their design. Any other text cut short is a fault.
        const mayShorten = element.closest('.video-name, .video-source, .video-error, .row-error') !== null;
        const cut = !mayShorten && element.scrollWidth > element.clientWidth + 1 && element.children.length === 0;
        return box.right > right + 0.5 || cut;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 30)}`);
  }, width);
}

const rowsInView = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('.video-list')!.getBoundingClientRect();
    return [...document.querySelectorAll('.video-row')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= list.top - 0.5 && box.bottom <= list.bottom + 0.5;
    }).length;
  });

describe('the queue at any window size', () => {
  let app: ServedApp;
  let origin: Origin;

  beforeAll(async () => {
    app = await startServedApp('queue-layout');
    ({ origin } = await seedQueue(app, 40));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  async function open(width: number, height: number, colorScheme: 'light' | 'dark' = 'light') {
    const opened = await app.open({ viewport: { width, height }, colorScheme });
    await opened.page.getByRole('list', { name: 'Videos' }).getByRole('listitem').first().waitFor();
    await expect.poll(() => opened.page.locator('.video-row .bar').count()).toBeGreaterThan(0);
    return opened;
  }

  const setDensity = (density: 'comfortable' | 'compact') =>
    app.served.engine.setSettings({ ui: { theme: 'system', watchClipboard: false, density } });

  it('keeps every row and control inside an 800×600 window, tabs on one line, names wide', async () => {
    await setDensity('comfortable');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await open(800, 600, colorScheme);
      expect(await overflowing(page, 800)).toEqual([]);
      const tabTops = await page
        .getByRole('tab')
        .evaluateAll((tabs) => new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))).size);
      expect(tabTops).toBe(1);
      // The name gets the room the other columns leave: more than a third of the window.
      const nameWidth = await page
        .locator('.video-row .video-main')
        .first()
        .evaluate((e) => e.clientWidth);
      expect(nameWidth).toBeGreaterThan(800 / 3);
      await page.screenshot({ path: path.join(artifactsDir, `queue-800x600-${colorScheme}.png`) });
      expect(await seriousAxeFindings(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('fits at least 14 compact rows at 1280×800, thumbnails shown, and stays inside at 800×600', async () => {
    await setDensity('compact');
    const { page, problems } = await open(1280, 800);
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(14);
    const thumb = await page.locator('.video-row .thumb').first().boundingBox();
    expect(thumb?.width).toBeGreaterThan(30);
    await page.screenshot({ path: path.join(artifactsDir, 'queue-1280x800-compact.png') });
    await page.close();

    const narrow = await open(800, 600, 'dark');
    expect(await overflowing(narrow.page, 800)).toEqual([]);
    await narrow.page.screenshot({ path: path.join(artifactsDir, 'queue-800x600-compact-dark.png') });
    await narrow.page.close();
    expect([...problems, ...narrow.problems]).toEqual([]);
  }, 120_000);

  it('shows more rows at 1920×1080 than at 1280×800, and the toggle saves the density', async () => {
    await setDensity('comfortable');
    const normal = await open(1280, 800);
    const at1280 = await rowsInView(normal.page);
    await normal.page.screenshot({ path: path.join(artifactsDir, 'queue-1280x800-light.png') });
    await normal.page.close();
    const large = await open(1920, 1080, 'dark');
    expect(await rowsInView(large.page)).toBeGreaterThan(at1280);
    expect(await overflowing(large.page, 1920)).toEqual([]);
    await large.page.screenshot({ path: path.join(artifactsDir, 'queue-1920x1080-dark.png') });

    // The toolbar's toggle makes the rows compact, and the engine keeps it.
    const toggle = large.page.getByRole('button', { name: 'Compact rows' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await app.served.engine.getSettings()).ui.density).toBe('compact');
    await expect.poll(() => rowsInView(large.page)).toBeGreaterThan(at1280 * 1.5);
    expect(large.problems).toEqual([]);
    await large.page.close();
  }, 120_000);
});
