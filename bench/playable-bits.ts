/**
 * `npm run bench -- playable`'s bits section (or alone: `npx tsx bench/playable-bits.ts
 * [--seconds 60]`): the per-title ladder against the fixed one on both sources, rung by rung
 * (video bytes, PSNR and SSIM against the source scaled to the rung), and the speed of the full
 * per-title ingest against the hand-written single ffmpeg and HandBrakeCLI (transcode-peers.ts).
 * Targets (issue 22): at least 30 % fewer bytes on the slides, at most 2 % more on high motion,
 * at equal or better PSNR and SSIM per rung; the ladder at most 0.9x the single ffmpeg's time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planLadder, type LadderPlan } from '../electron/engine/media/plan-ladder';
import type { LadderMode } from '../shared/transcode-presets';
import { measure, type Timing } from './measure-command';
import { playableSources, type PlayableSources } from './playable';
import {
  ferryIngest,
  ferryManifest,
  handbrakeLadder,
  handWrittenLadder,
  joinRendition,
  rungQuality,
  type Quality,
} from './transcode-peers';

const heights = [1080, 720, 480, 360];
const repo = path.resolve(import.meta.dirname, '..');

interface LadderRun {
  timing: Timing;
  rungs: (Quality & { bytes: number })[];
}

/** Ferry's ingest with the given ladder mode, then each rung's bytes and quality. */
function ingest(sources: PlayableSources, source: string, mode: LadderMode, plan: LadderPlan, dir: string): LadderRun {
  const dataDir = path.join(dir, `${path.basename(source, '.mp4')}-${mode}`);
  const ferry = [process.execPath, path.join(repo, 'bin/ferry.mjs')];
  measure([[...ferry, 'settings', 'transcode.ladder', mode, '--data-dir', dataDir]]);
  const timing = measure([ferryIngest(source, heights, dataDir)]);
  const manifest = ferryManifest(dataDir);
  const rungs = plan.rungs.map((rung, i) => {
    const joined = joinRendition(manifest, i, path.join(dir, `${mode}-${rung.name}.mp4`));
    return { bytes: joined.bytes, ...rungQuality(sources.ffmpeg, joined.file, source, rung) };
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { timing, rungs };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

function compare(label: string, plan: LadderPlan, perTitle: LadderRun, fixed: LadderRun, target: string): void {
  console.log(`bits ${label}: rung   per-title bytes, PSNR, SSIM   |   fixed bytes, PSNR, SSIM`);
  plan.rungs.forEach((rung, i) => {
    const ours = perTitle.rungs[i] as LadderRun['rungs'][number];
    const peer = fixed.rungs[i] as LadderRun['rungs'][number];
    const quality = ours.psnr >= peer.psnr - 0.005 && ours.ssim >= peer.ssim - 0.00005 ? 'equal or better' : 'LOWER';
    console.log(
      `bits ${label}: ${rung.name.padEnd(5)}  ${megabytes(ours.bytes)}, ${ours.psnr.toFixed(2)} dB, ${ours.ssim.toFixed(4)}   |   ` +
        `${megabytes(peer.bytes)}, ${peer.psnr.toFixed(2)} dB, ${peer.ssim.toFixed(4)}   (${percent(ours.bytes / peer.bytes)} bytes, quality ${quality})`,
    );
  });
  const total = (run: LadderRun) => run.rungs.reduce((sum, r) => sum + r.bytes, 0);
  console.log(
    `bits ${label}: ladder ${megabytes(total(perTitle))} per-title vs ${megabytes(total(fixed))} fixed: ` +
      `${percent(total(perTitle) / total(fixed))} (target ${target}); ` +
      `wall ${perTitle.timing.wallSeconds.toFixed(1)} s vs ${fixed.timing.wallSeconds.toFixed(1)} s, ` +
      `cpu ${perTitle.timing.cpuSeconds.toFixed(1)} s vs ${fixed.timing.cpuSeconds.toFixed(1)} s`,
  );
}

export async function benchBits(sources: PlayableSources): Promise<void> {
  const plan = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: true }, heights);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-bits-'));
  const minutes = sources.seconds / 60;
  try {
    const slides = {
      perTitle: ingest(sources, sources.slides, 'per-title', plan, dir),
      fixed: ingest(sources, sources.slides, 'fixed', plan, dir),
    };
    compare('slides', plan, slides.perTitle, slides.fixed, '-30 % or fewer');
    const motion = {
      perTitle: ingest(sources, sources.highMotion, 'per-title', plan, dir),
      fixed: ingest(sources, sources.highMotion, 'fixed', plan, dir),
    };
    compare('high motion', plan, motion.perTitle, motion.fixed, '+2 % at most');

    // Speed on the high-motion source: the whole per-title ingest against its peers.
    const handDir = path.join(dir, 'hand');
    fs.mkdirSync(handDir);
    const hand = measure(handWrittenLadder(sources.ffmpeg, sources.highMotion, plan), { cwd: handDir });
    const hbDir = path.join(dir, 'handbrake');
    fs.mkdirSync(hbDir);
    const hbCommands = handbrakeLadder(sources.highMotion, plan, hbDir);
    const handbrake = hbCommands ? measure(hbCommands) : null;
    const ours = motion.perTitle.timing;
    const line = (name: string, t: Timing) =>
      `speed ${name.padEnd(14)} wall ${t.wallSeconds.toFixed(1).padStart(6)} s, cpu ${(t.cpuSeconds / minutes).toFixed(1).padStart(6)} s per minute of video`;
    console.log(line('ferry per-title', ours));
    console.log(line('single ffmpeg', hand));
    console.log(
      `speed ratio ferry/single ffmpeg: wall ${(ours.wallSeconds / hand.wallSeconds).toFixed(2)}x (target 0.9x or less)`,
    );
    if (handbrake && hbCommands) {
      console.log(line('HandBrakeCLI', handbrake));
      console.log(`speed ratio ferry/HandBrakeCLI: wall ${(ours.wallSeconds / handbrake.wallSeconds).toFixed(2)}x`);
      plan.rungs.forEach((rung, i) => {
        const hb = rungQuality(sources.ffmpeg, path.join(hbDir, `${rung.name}.mp4`), sources.highMotion, rung);
        const ferry = motion.perTitle.rungs[i] as Quality;
        console.log(
          `speed quality ${rung.name.padEnd(5)} ferry ${ferry.psnr.toFixed(2)} dB vs HandBrakeCLI ${hb.psnr.toFixed(2)} dB`,
        );
      });
    } else console.log('speed: HandBrakeCLI not installed (apt-get install handbrake-cli); no HandBrake figure');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } } });
  await benchBits(await playableSources(Number(values.seconds)));
}
