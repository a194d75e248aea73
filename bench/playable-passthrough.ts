/**
 * Passthrough (issue 22, item 2): an eligible H.264 60 s 1080p source (High profile, 2 s GOP,
 * ~4 Mbit/s: what OBS or a screen recorder writes) from `addFiles` to `ready`, with the top
 * rendition copied, against the same engine encoding every rung (FERRY_PASSTHROUGH=0), in the same
 * run, on the fixed ladder (its caps do not depend on the content). Checks that the top rendition's
 * video packets are the source's, byte for byte. CPU seconds are the engine's and its ffmpeg's.
 *
 * Runs alone too: `npx tsx bench/playable-passthrough.ts [--seconds 60]`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../electron/engine/create-engine';
import { findMediaTools } from '../electron/engine/media/find-media-tools';
import type { Video } from '../shared/video';
import { dashFiles, joinSegments, packetHashes } from '../test/helpers/inspect-outputs';
import { fmt } from './figures';
import { childrenCpuSeconds } from './measure-command';
import type { PlayableSection, PlayableSources } from './playable';

interface Run {
  readySeconds: number;
  cpuSeconds: number;
  video: Video;
}

/** The high-motion pattern with light grain, as an encoder with a fixed 2 s GOP writes it. */
function eligibleSource(sources: PlayableSources): string {
  const file = path.join(sources.cacheDir, `passthrough-h264-gop2s-${sources.seconds}s-1080p.mp4`);
  if (fs.existsSync(file)) return file;
  const temp = `${file}.making.mp4`;
  execFileSync(sources.ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=s=1920x1080:r=30:d=${sources.seconds},noise=alls=4:allf=t`],
    ...['-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${sources.seconds}`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-b:v', '4M', '-maxrate', '5M', '-bufsize', '8M'],
    ...['-c:a', 'aac', '-ac', '2', '-b:a', '128k', '-shortest', temp],
  ]);
  fs.renameSync(temp, file);
  return file;
}

async function oneRun(source: string, passthrough: boolean): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-passthrough-'));
  const engine = createEngine({
    dataDir,
    env: { ...process.env, FERRY_PASSTHROUGH: passthrough ? '1' : '0', FERRY_PROGRESSIVE: '0' },
  });
  try {
    await engine.setSettings({ transcode: { ladder: 'fixed', preset: 'balanced', codec: 'h264' } });
    const cpu = process.cpuUsage();
    const children = childrenCpuSeconds();
    const start = performance.now();
    const added = await engine.addFiles({ paths: [source], options: {} });
    const uid = added.queued[0]?.uid;
    if (!uid) throw new Error(`The source was not queued: ${JSON.stringify(added)}`);
    await engine.run();
    const video = await engine.get({ uid });
    const readySeconds = (performance.now() - start) / 1000;
    if (video.status.state !== 'ready') throw new Error(`Not ready: ${JSON.stringify(video.status)}`);
    const own = process.cpuUsage(cpu);
    const cpuSeconds = (own.user + own.system) / 1e6 + childrenCpuSeconds() - children;
    return { readySeconds, cpuSeconds, video };
  } finally {
    engine.close();
  }
}

/** Whether the top rendition's video packets are the source's, compared by size and MD5 of each. */
async function sameVideoPackets(source: string, video: Video): Promise<boolean> {
  const manifest = path.dirname(video.playback?.hls ?? '');
  const mpd = fs.readFileSync(path.join(manifest, 'video.mpd'), 'utf8');
  const top = joinSegments(manifest, dashFiles(mpd).get('0') ?? [], path.join(os.tmpdir(), 'ferry-bench-top.mp4'));
  try {
    const [a, b] = await Promise.all([packetHashes(source), packetHashes(top)]);
    return a.length > 0 && a.length === b.length && a.every((packet, i) => packet === b[i]);
  } finally {
    fs.rmSync(top, { force: true });
  }
}

export const benchPassthrough: PlayableSection = async (sources) => {
  const source = eligibleSource(sources);
  const full = await oneRun(source, false);
  const copied = await oneRun(source, true);
  const identical = await sameVideoPackets(source, copied.video);
  const ratio = copied.readySeconds / full.readySeconds;
  const perSecond = (run: Run) => fmt(run.cpuSeconds / sources.seconds, 2);
  console.log(`  source: ${path.basename(source)} (fixed ladder, ${copied.video.renditions.length} renditions)`);
  console.log(
    `  top rendition: ${copied.video.topRendition?.original ? 'original' : 'encoded'}: ${copied.video.topRendition?.why ?? '?'}`,
  );
  console.log(
    `  full encode:  ready in ${fmt(full.readySeconds, 1)} s, ${fmt(full.cpuSeconds, 1)} CPU s (${perSecond(full)} per second of video)`,
  );
  console.log(
    `  passthrough:  ready in ${fmt(copied.readySeconds, 1)} s, ${fmt(copied.cpuSeconds, 1)} CPU s (${perSecond(copied)} per second of video)`,
  );
  console.log(
    `  ratio ${fmt(ratio, 2)}x the full encode's time (target at most 0.40x): ${ratio <= 0.4 ? 'met' : 'MISSED'}`,
  );
  console.log(`  top rendition's video packets identical to the source's: ${identical ? 'yes' : 'NO'}`);
};

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  // Alone, only this section's source is made (in the runner's cache), not the runner's two.
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } }, strict: false });
  const { ffmpeg, ffprobe } = await findMediaTools();
  const cacheDir = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'ferry-bench');
  fs.mkdirSync(cacheDir, { recursive: true });
  const seconds = Number(values.seconds);
  const alone = { ffmpeg: ffmpeg.path, ffprobe: ffprobe.path, seconds, cacheDir, highMotion: '', slides: '' };
  await benchPassthrough(alone, process.argv.slice(2));
}
