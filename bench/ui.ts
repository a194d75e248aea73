/**
 * UI benchmark (issue 12): the queue with 10,000 videos while 50 report progress at the engine's
 * event rate, in Chromium through Playwright. Ferry's built renderer (the virtualised list) against
 * the same rows without virtualisation (bench/plain-queue/plain-queue.tsx: every VideoRow in
 * the DOM), both over the same in-memory window.ferry. Per variant and run: first render (from
 * navigation to the first row painted), a scroll from top to bottom one viewport per frame
 * (frame times, long tasks, CPU per frame from CDP), and the JS heap after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { contentSecurityPolicy } from '../electron/main/window-options';
import { launchChromium } from '../test/helpers/chromium';
import { repoRoot } from '../test/helpers/spawn-ts';
import { serveFolder } from '../test/helpers/static-server';
import { fmt, median } from './figures';
import { firstRowProbe, inMemoryFerry, scrollTopToBottom, type ScrollFigures } from './ui-page';

interface RunFigures {
  firstRenderMs: number;
  /** Of the first render: making the in-memory engine's videos in the page (the engine's work, elsewhere in the app). */
  engineSetupMs: number;
  p95FrameMs: number;
  longestTaskMs: number;
  longTasks: number;
  cpuPerFrameMs: number;
  scriptPerFrameMs: number;
  heapMb: number;
  steps: number;
}

type Variant = 'ferry' | 'plain';

/** The value below which `share` of the values fall (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

/** A production build of one page (the app's renderer, or the peer's page) into a folder of its own. */
async function buildPage(root: string, html: string): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-ui-'));
  await build({
    root,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: path.join(root, html) } },
  });
  return outDir;
}

interface Setup {
  videos: number;
  working: number;
  /** How many steps of the scroll are timed (the whole list when it has fewer). */
  maxSteps: number;
}

async function measure(browser: Browser, url: string, { videos, working, maxSteps }: Setup): Promise<RunFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(inMemoryFerry(videos, working) + firstRowProbe);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    // Functions, not strings: the page's CSP (as the app's) refuses a string evaluated in it.
    await page.waitForFunction(
      () => (globalThis as unknown as { firstRowMs?: number }).firstRowMs !== undefined,
      undefined,
      {
        timeout: 300_000,
      },
    );
    const { firstRowMs, engineSetupMs: setupMs } = await page.evaluate(() => {
      const figures = globalThis as unknown as { firstRowMs?: number; engineSetupMs?: number };
      return { firstRowMs: figures.firstRowMs, engineSetupMs: figures.engineSetupMs };
    });
    const firstRenderMs = Number(firstRowMs);
    const engineSetupMs = Number(setupMs);
    // Let the load settle (windows, the first batches of progress) before the scroll is timed.
    await page.waitForTimeout(1000);

    const metric = async (name: string) =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
    const [taskBefore, scriptBefore] = [await metric('TaskDuration'), await metric('ScriptDuration')];
    const scroll = (await page.evaluate(scrollTopToBottom(maxSteps))) as ScrollFigures;
    const [taskAfter, scriptAfter] = [await metric('TaskDuration'), await metric('ScriptDuration')];
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = await metric('JSHeapUsedSize');

    const frames = scroll.frameMs.length;
    return {
      firstRenderMs,
      engineSetupMs,
      p95FrameMs: percentile(scroll.frameMs, 0.95),
      longestTaskMs: Math.max(0, ...scroll.longTaskMs),
      longTasks: scroll.longTaskMs.length,
      // CDP's durations are seconds of main-thread work, spread here over the frames of the scroll.
      cpuPerFrameMs: ((taskAfter - taskBefore) * 1000) / frames,
      scriptPerFrameMs: ((scriptAfter - scriptBefore) * 1000) / frames,
      heapMb: heapBytes / 1024 ** 2,
      steps: scroll.steps,
    };
  } finally {
    await page.close();
  }
}

interface Row {
  label: string;
  pick: (r: RunFigures) => number;
  digits: number;
  unit: string;
  /** Said after Ferry's figure: its target, or what the figure is. */
  note?: string;
}

const rows: Row[] = [
  { label: 'first render', pick: (r) => r.firstRenderMs, digits: 0, unit: 'ms', note: 'target < 300 ms' },
  {
    label: 'engine setup',
    pick: (r) => r.engineSetupMs,
    digits: 0,
    unit: 'ms',
    note: 'part of first render: the in-page engine making its videos',
  },
  { label: 'frame p95', pick: (r) => r.p95FrameMs, digits: 1, unit: 'ms', note: 'target < 16.7 ms' },
  { label: 'longest task', pick: (r) => r.longestTaskMs, digits: 0, unit: 'ms', note: 'target none > 50 ms' },
  { label: 'long tasks', pick: (r) => r.longTasks, digits: 0, unit: '' },
  { label: 'CPU/frame', pick: (r) => r.cpuPerFrameMs, digits: 1, unit: 'ms' },
  { label: 'script/frame', pick: (r) => r.scriptPerFrameMs, digits: 1, unit: 'ms' },
  { label: 'JS heap', pick: (r) => r.heapMb, digits: 1, unit: 'MB', note: 'target < 150 MB; after GC' },
];

function report(results: Record<Variant, RunFigures[]>, videos: number, working: number): void {
  const runs = results.ferry.length;
  const steps = (variant: Variant) => fmt(results[variant][0]?.steps ?? 0);
  console.log(
    `ui             ${fmt(videos)} videos, ${working} reporting progress ten times a second; scrolled one viewport ` +
      `per frame, warm-up excluded: ferry top to bottom (${steps('ferry')} steps), plain its first ${steps('plain')} ` +
      `steps; median of ${runs} runs [each run]`,
  );
  for (const row of rows) {
    const label = `ui ${row.label}`.padEnd(15);
    const line = (variant: Variant) => {
      const values = results[variant].map(row.pick);
      const each = values.map((v) => fmt(v, row.digits)).join(', ');
      const unit = row.unit ? ` ${row.unit}` : '';
      return `${fmt(median(values), row.digits)}${unit} [${each}]`;
    };
    const note = row.note ? ` (${row.note})` : '';
    console.log(`${label} ferry: ${line('ferry')}${note}`);
    console.log(`${label} plain: ${line('plain')} (all ${fmt(videos)} rows in the DOM)`);
    const ferry = median(results.ferry.map(row.pick));
    const plain = median(results.plain.map(row.pick));
    const ratio = ferry > 0 ? `${fmt(plain / ferry, 1)}x` : 'n/a (ferry 0)';
    console.log(`${label} ratio plain/ferry: ${ratio}`);
  }
}

export async function benchUi(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      videos: { type: 'string', default: '10000' },
      working: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
      'plain-steps': { type: 'string', default: '150' },
    },
  });
  const videos = Number(values.videos);
  const working = Number(values.working);
  const runs = Number(values.runs);
  const ferryDir = await buildPage(path.join(repoRoot, 'renderer'), 'index.html');
  const plainDir = await buildPage(path.join(repoRoot, 'bench/plain-queue'), 'plain-queue.html');
  const csp = { 'Content-Security-Policy': contentSecurityPolicy };
  const [ferry, plain] = [await serveFolder(ferryDir, csp), await serveFolder(plainDir, csp)];
  const browser = await launchChromium();
  try {
    const urls: Record<Variant, string> = { ferry: ferry.url, plain: `${plain.url}plain-queue.html` };
    const results: Record<Variant, RunFigures[]> = { ferry: [], plain: [] };
    // Alternated, so a slower moment of the machine falls on both.
    const maxSteps: Record<Variant, number> = { ferry: Infinity, plain: Number(values['plain-steps']) };
    for (let run = 0; run < runs; run++) {
      for (const variant of ['ferry', 'plain'] as const) {
        results[variant].push(await measure(browser, urls[variant], { videos, working, maxSteps: maxSteps[variant] }));
      }
    }
    report(results, videos, working);
  } finally {
    await browser.close();
    await Promise.all([ferry.close(), plain.close()]);
    [ferryDir, plainDir].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  }
}
