/**
 * Time to playable (issue 22, item 1): from `addFiles` to the first segment of every rendition
 * listed in the live playlists (the Video's `playable`), and to hls.js in Chromium playing the
 * growing HLS through `ferry serve`; against today's behaviour (FERRY_PROGRESSIVE=0: nothing
 * plays until `ready`) on the same source, in the same run. CPU seconds are the engine host's
 * and its ffmpeg's, per second of video.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer } from '../electron/server/start-server';
import { launchChromium } from '../test/helpers/chromium';
import { fmt } from './figures';
import { childrenCpuSeconds } from './measure-command';
import type { PlayableSection } from './playable';

interface Run {
  /** Seconds from added to the Video's `playable` (at `ready` when progressive publishing is off). */
  playable: number;
  /**
   * CPU seconds the engine's process and its ffmpeg had used by then: what a busy machine does not
   * change, so that on two idle cores the wall time to playable is about half of it, or more.
   */
  cpuToPlayable: number;
  /** Seconds from added to hls.js playing it (currentTime > 0), progressive runs only. */
  playing: number | null;
  ready: number;
  cpuSeconds: number;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds of a process and every process below it, finished ones included (Linux /proc). */
function treeCpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // gone meanwhile: its parent counts it once it is waited for
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / ticksPerSecond;
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  const children = tasks.flatMap((task) => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return [];
    }
  });
  return own + children.reduce((sum, child) => sum + treeCpuSeconds(Number(child)), 0);
}

const hlsJs = path.resolve(import.meta.dirname, '..', 'node_modules', 'hls.js', 'dist', 'hls.min.js');
const pollMs = 50;
const giveUpMs = 15 * 60 * 1000;

/** Starts hls.js on the page from the beginning of the stream, muted so that it may play by itself. */
async function startPlayer(browser: Browser, url: string) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><video id="v" muted playsinline></video>');
  await page.addScriptTag({ path: hlsJs });
  // A script, not a function: the bench is compiled for Node, the page is a browser.
  await page.evaluate(`(() => {
    const video = document.getElementById('v');
    const hls = new Hls({ startPosition: 0 });
    hls.loadSource(${JSON.stringify(url)});
    hls.attachMedia(video);
    video.play().catch(() => undefined);
  })()`);
  return page;
}

async function oneRun(source: string, browser: Browser, env: NodeJS.ProcessEnv): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-playable-'));
  const cpuBefore = childrenCpuSeconds();
  const served = await startServer({ dataDir, port: 0, env: { ...process.env, ...env } });
  try {
    const start = performance.now();
    const since = () => (performance.now() - start) / 1000;
    const added = await served.engine.addFiles({ paths: [source], options: {} });
    const uid = added.queued[0]?.uid;
    if (!uid) throw new Error(`The source was not queued: ${JSON.stringify(added)}`);
    let playable: number | undefined;
    let cpuToPlayable = 0;
    let playing: Promise<number> | null = null;
    for (;;) {
      const video = await served.engine.get({ uid });
      if (video.status.state === 'error') throw new Error(`The transcode failed: ${video.status.errorReasonText}`);
      if (video.playable && playable === undefined) {
        playable = since();
        cpuToPlayable = treeCpuSeconds(served.engine.pid() ?? 0);
        if (video.status.state !== 'ready') {
          const page = await startPlayer(browser, `${served.baseUrl}/media/${uid}/manifest/video.m3u8`);
          playing = page
            .waitForFunction("document.getElementById('v').currentTime > 0", undefined, {
              polling: pollMs,
              timeout: giveUpMs,
            })
            .then(since)
            .finally(() => page.close());
        }
      }
      if (video.status.state === 'ready') {
        const ready = since();
        const played = playing ? await playing : null;
        await served.stop();
        const cpuSeconds = childrenCpuSeconds() - cpuBefore;
        return { playable: playable ?? ready, cpuToPlayable, playing: played, ready, cpuSeconds };
      }
      if (since() * 1000 > giveUpMs) throw new Error('The video was not ready in 15 minutes.');
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    await served.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benchTimeToPlayable: PlayableSection = async (sources) => {
  const browser = await launchChromium();
  try {
    const perSecond = (run: Run) => fmt(run.cpuSeconds / sources.seconds, 2);
    console.log(`High-motion source, ${sources.seconds} s 1080p30, ladder auto:`);
    const progressive = await oneRun(sources.highMotion, browser, { FERRY_PROGRESSIVE: '1' });
    console.log(
      `  progressive: playable ${fmt(progressive.playable, 1)} s, playing in hls.js ${
        progressive.playing === null ? '—' : `${fmt(progressive.playing, 1)} s`
      }, ready ${fmt(progressive.ready, 1)} s; CPU to playable ${fmt(progressive.cpuToPlayable, 1)} s; CPU ${fmt(progressive.cpuSeconds, 1)} s (${perSecond(progressive)} s per second of video)`,
    );
    const today = await oneRun(sources.highMotion, browser, { FERRY_PROGRESSIVE: '0' });
    console.log(
      `  today (FERRY_PROGRESSIVE=0): playable only when ready, ${fmt(today.ready, 1)} s; CPU ${fmt(today.cpuSeconds, 1)} s (${perSecond(today)} s per second of video)`,
    );
    const watched = progressive.playing ?? progressive.playable;
    console.log(
      `  time to playable (hls.js playing) / today's time to ready: ${fmt(watched / today.ready, 3)}x ` +
        `(target < 0.25x); under 10 s: ${watched < 10 ? 'yes' : 'no'}; ready, progressive / today: ${fmt(progressive.ready / today.ready, 2)}x`,
    );
  } finally {
    await browser.close();
  }
};
