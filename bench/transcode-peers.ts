/**
 * Ferry's peers for a ladder, and how a rung is judged: the hand-written single ffmpeg an expert
 * would type (split to every rung, DASH + HLS over shared segments, thumbnail, MP4 by remux),
 * HandBrakeCLI one rung after another with the same x264 preset and bitrates, Ferry's own ingest
 * through the CLI, and a rung's quality against the source. Shared by `bench -- transcode` and
 * `bench -- playable`'s bits section.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LadderPlan } from '../electron/engine/media/plan-ladder';

export const x264Common = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-profile:v',
  'high',
  '-g',
  '60',
  '-keyint_min',
  '60',
  '-sc_threshold',
  '0',
];
export const audioArgs = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'];

const repo = path.resolve(import.meta.dirname, '..');

/** Ferry's whole ingest (HLS + DASH + MP4 + thumbnail + storyboard), through the CLI, as a user runs it. */
export function ferryIngest(source: string, heights: readonly number[], dataDir: string): string[] {
  return [
    process.execPath,
    path.join(repo, 'bin/ferry.mjs'),
    'ingest',
    source,
    '--ladder',
    heights.join(','),
    '--data-dir',
    dataDir,
  ];
}

/** The hand-written single ffmpeg, then the MP4 remux; run in its own folder (cwd). */
export function handWrittenLadder(ffmpeg: string, source: string, plan: LadderPlan): string[][] {
  const split = plan.rungs.map((_, i) => `[s${i}]`).join('');
  const scales = plan.rungs.map((r, i) => `[s${i}]scale=${r.width}:${r.height},setdar=16/9[v${i}]`).join(';');
  const top = plan.rungs[0] as LadderPlan['rungs'][number];
  return [
    [
      ffmpeg,
      ...['-hide_banner', '-loglevel', 'error', '-y', '-i', source],
      '-filter_complex',
      `[0:v]fps=30,split=${plan.rungs.length + 1}${split}[t];${scales};[t]scale=${top.width}:${top.height}[th]`,
      ...plan.rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
      ...['-map', '0:a'],
      ...x264Common,
      ...plan.rungs.flatMap((r, i) => [
        `-b:v:${i}`,
        `${r.videoKbps}k`,
        `-maxrate:v:${i}`,
        `${r.maxKbps}k`,
        `-bufsize:v:${i}`,
        `${r.bufferKbps}k`,
      ]),
      ...audioArgs,
      ...['-f', 'dash', '-seg_duration', '4', '-use_template', '1', '-use_timeline', '1', '-hls_playlist', '1'],
      ...['-adaptation_sets', 'id=0,streams=v id=1,streams=a', 'video.mpd'],
      ...['-map', '[th]', '-frames:v', '1', 'thumbnail.jpg'],
    ],
    [
      ffmpeg,
      ...['-hide_banner', '-loglevel', 'error', '-y', '-i', 'media_0.m3u8', '-i', `media_${plan.rungs.length}.m3u8`],
      ...['-map', '0:v', '-map', '1:a', '-c', 'copy', '-movflags', '+faststart', 'default.mp4'],
    ],
  ];
}

/** HandBrakeCLI, one rung after another, or null when it is not installed. */
export function handbrakeLadder(source: string, plan: LadderPlan, outDir: string): string[][] | null {
  if (spawnSync('HandBrakeCLI', ['--version']).error) return null;
  return plan.rungs.map((r) => [
    'HandBrakeCLI',
    ...['-i', source, '-o', path.join(outDir, `${r.name}.mp4`)],
    ...['-e', 'x264', '--encoder-preset', 'veryfast', '--encoder-profile', 'high', '-b', String(r.videoKbps)],
    ...['-x', `keyint=60:min-keyint=60:scenecut=0:vbv-maxrate=${r.maxKbps}:vbv-bufsize=${r.bufferKbps}`],
    ...['-w', String(r.width), '-l', String(r.height), '--non-anamorphic', '-r', '30', '--cfr'],
    ...['-E', 'av_aac', '-B', '128', '--mixdown', 'stereo'],
    ...['--no-comb-detect', '--no-deinterlace', '--no-decomb', '--no-detelecine', '--no-hqdn3d', '--no-nlmeans'],
    ...['--no-chroma-smooth', '--no-unsharp', '--no-lapsharp', '--no-deblock', '--crop-mode', 'none'],
  ]);
}

/** The one video Ferry made in a data directory: its manifest folder. */
export function ferryManifest(dataDir: string): string {
  const [uid] = fs.readdirSync(path.join(dataDir, 'library')).filter((name) => !name.includes('.'));
  return path.join(dataDir, 'library', uid as string, 'manifest');
}

/** Rung `i` of a Ferry manifest joined from its segments into one playable fMP4; with its video bytes. */
export function joinRendition(manifest: string, i: number, out: string): { file: string; bytes: number } {
  const playlist = fs.readFileSync(path.join(manifest, `media_${i}.m3u8`), 'utf8');
  const segments = playlist.split('\n').filter((l) => l.endsWith('.m4s'));
  const parts = [`init-${i}.m4s`, ...segments].map((file) => fs.readFileSync(path.join(manifest, file)));
  fs.writeFileSync(out, Buffer.concat(parts));
  return { file: out, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

export interface Quality {
  psnr: number;
  ssim: number;
  vmaf: number | null;
}

/** A rendition against the source, both scaled (bicubic) to `size`: VMAF where this ffmpeg has libvmaf, PSNR and SSIM always. */
export function rungQuality(
  ffmpeg: string,
  rendition: string,
  source: string,
  size: { width: number; height: number },
  vmaf = false,
): Quality {
  const fit = `scale=${size.width}:${size.height}:flags=bicubic,format=yuv420p`;
  const graph =
    `[0:v]${fit},split=3[d1][d2][d3];[1:v]${fit},split=3[r1][r2][r3];[d1][r1]psnr;[d2][r2]ssim;` +
    (vmaf ? '[d3][r3]libvmaf' : '[d3]nullsink;[r3]nullsink');
  const run = spawnSync(
    ffmpeg,
    ['-hide_banner', '-nostdin', '-i', rendition, '-i', source, '-lavfi', graph, '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const number = (pattern: RegExp) => Number(pattern.exec(run.stderr)?.[1] ?? NaN);
  return {
    psnr: number(/PSNR .*average:([\d.]+|inf)/),
    ssim: number(/SSIM .*All:([\d.]+)/),
    vmaf: vmaf ? number(/VMAF score: ([\d.]+)/) : null,
  };
}

export function describeQuality(q: Quality): string {
  const base = `PSNR ${q.psnr.toFixed(2)} dB, SSIM ${q.ssim.toFixed(4)}`;
  return q.vmaf === null ? base : `VMAF ${q.vmaf.toFixed(2)}, ${base}`;
}
