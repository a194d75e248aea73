/**
 * Transcode benchmark: a 60 s 1080p30 synthetic source with audio, ladder 1080/720/480/360.
 * In one run: Ferry's whole ingest (HLS + DASH + MP4 + thumbnail + storyboard); the naive way
 * (one ffmpeg per rendition, one after another); HandBrakeCLI with the same x264 preset and
 * bitrates; and a hand-written single ffmpeg command for the same outputs. Then quality of each
 * rung against the source (VMAF where the ffmpeg has libvmaf, otherwise PSNR and SSIM), Ferry's
 * against the naive way's at the same bitrates.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findMediaTools } from '../electron/engine/media/find-media-tools';
import { planLadder } from '../electron/engine/media/plan-ladder';
import { measure, type Timing } from './measure-command';
import {
  audioArgs,
  describeQuality,
  ferryIngest,
  ferryManifest,
  handbrakeLadder,
  handWrittenLadder,
  joinRendition,
  rungQuality,
  x264Common,
} from './transcode-peers';

const ladder = [1080, 720, 480, 360];
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function benchTranscode(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '60' } } });
  const seconds = Number(values.seconds);
  const { ffmpeg } = await findMediaTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-transcode-'));
  try {
    const source = path.join(dir, 'source.mp4');
    execFileSync(ffmpeg.path, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=1920x1080:r=30:d=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=f=440:sample_rate=48000:d=${seconds}`,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '12',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      source,
    ]);
    const plan = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: true }, ladder);
    console.log(
      `transcode: ${seconds} s 1080p30 source, ladder ${plan.rungs.map((r) => `${r.name}@${r.videoKbps}k`).join(' ')}, ffmpeg ${ffmpeg.version.raw}`,
    );

    const timings: Record<string, Timing> = {};

    // Ferry: the whole ingest, through the CLI, as a user runs it.
    const dataDir = path.join(dir, 'ferry');
    timings.ferry = measure([ferryIngest(source, ladder, dataDir)]);

    // Naive: one ffmpeg per rendition, one after another.
    const naiveDir = path.join(dir, 'naive');
    fs.mkdirSync(naiveDir);
    timings.naive = measure(
      plan.rungs.map((r) => [
        ffmpeg.path,
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        source,
        '-vf',
        `fps=30,scale=${r.width}:${r.height},setsar=1`,
        ...x264Common,
        '-b:v',
        `${r.videoKbps}k`,
        '-maxrate',
        `${r.maxKbps}k`,
        '-bufsize',
        `${r.bufferKbps}k`,
        ...audioArgs,
        path.join(naiveDir, `${r.name}.mp4`),
      ]),
    );

    // Hand-written: one process, split to every rung, DASH + HLS over shared segments, a
    // thumbnail, and the MP4 remuxed from the top rung: what an expert would type.
    const handDir = path.join(dir, 'hand');
    fs.mkdirSync(handDir);
    timings.handWritten = measure(handWrittenLadder(ffmpeg.path, source, plan), { cwd: handDir });

    const hbDir = path.join(dir, 'handbrake');
    fs.mkdirSync(hbDir);
    const handbrake = handbrakeLadder(source, plan, hbDir);
    if (handbrake) timings.handbrake = measure(handbrake);

    for (const [name, t] of Object.entries(timings)) {
      console.log(
        `transcode ${name.padEnd(12)} wall ${t.wallSeconds.toFixed(1).padStart(6)} s   cpu ${t.cpuSeconds.toFixed(1).padStart(6)} s`,
      );
    }
    const f = timings.ferry as Timing;
    const vs = (name: string) => {
      const t = timings[name];
      if (t)
        console.log(
          `transcode ratio ferry/${name}: wall ${ratio(f.wallSeconds, t.wallSeconds)}x, cpu ${ratio(f.cpuSeconds, t.cpuSeconds)}x`,
        );
    };
    vs('handWritten');
    vs('naive');
    if (timings.handbrake) vs('handbrake');
    else console.log('transcode: HandBrakeCLI not installed (apt-get install handbrake-cli); no HandBrake figure');

    // Quality per rung, Ferry's renditions (joined from their segments) against the naive ones.
    const filters = execFileSync(ffmpeg.path, ['-hide_banner', '-filters'], { encoding: 'utf8' });
    const vmaf = /\blibvmaf\b/.test(filters);
    if (!vmaf) console.log('transcode quality: this ffmpeg has no libvmaf; PSNR and SSIM against the source instead');
    const manifest = ferryManifest(dataDir);
    const full = { width: 1920, height: 1080 };
    for (const [i, rung] of plan.rungs.entries()) {
      const joined = joinRendition(manifest, i, path.join(dir, `ferry-${rung.name}.mp4`)).file;
      const ours = describeQuality(rungQuality(ffmpeg.path, joined, source, full, vmaf));
      const naive = describeQuality(
        rungQuality(ffmpeg.path, path.join(naiveDir, `${rung.name}.mp4`), source, full, vmaf),
      );
      console.log(`transcode quality ${rung.name.padEnd(6)} ferry: ${ours}   naive: ${naive}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
