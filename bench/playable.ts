/**
 * `npm run bench -- playable`: how soon a video can be watched, shared, sent on (issue 22). Two
 * generated 60 s 1080p30 sources with audio, made once and kept in node_modules/.cache/ferry-bench:
 * a high-motion one (testsrc2's moving pattern under film grain that changes every frame, at
 * 20 Mbit/s as a camera or phone records 1080p) and a slide deck
 * (text slides changing every 5 s: mostly still frames, as a screen recording). Each part of the
 * issue prints its section, Ferry against its peer in the same run, as a ratio, with CPU seconds.
 *
 * `--only <section>` runs one section; `--seconds <n>` makes shorter sources (kept apart).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findMediaTools } from '../electron/engine/media/find-media-tools';
import { benchBits } from './playable-bits';
import { benchTimeToPlayable } from './playable-live';
import { benchPassthrough } from './playable-passthrough';

export interface PlayableSources {
  ffmpeg: string;
  ffprobe: string;
  seconds: number;
  /** Grain in every frame: the hard case for the encoder, and for time to playable. */
  highMotion: string;
  /** Still text slides changing every 5 s: what a per-title ladder should spend little on. */
  slides: string;
  /** Where a section may keep what it makes once (beside the sources). */
  cacheDir: string;
}

export type PlayableSection = (sources: PlayableSources, args: string[]) => Promise<void>;

/** One line per part of the issue; `--only <name>` runs one. */
const sections: [name: string, run: PlayableSection][] = [
  ['time-to-playable', benchTimeToPlayable],
  ['passthrough', benchPassthrough],
  ['bits', benchBits],
];

const audio = (seconds: number) => ['-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${seconds}`];
const encode = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'];
/** A camera's rate for 1080p: grain at a constant quality would be a 170 Mbit/s file no one records. */
const cameraRate = ['-b:v', '20M', '-maxrate', '30M', '-bufsize', '40M'];
const slideQuality = ['-crf', '16'];

function slideFilter(seconds: number): string {
  const line = (y: number, text: string) => `drawtext=text='${text}':fontsize=56:fontcolor=0x333333:x=160:y=${y}`;
  return [
    `color=c=0xf4f4f0:s=1920x1080:r=30:d=${seconds}`,
    `drawtext=text='Slide %{eif\\:floor(t/5)+1\\:d}':fontsize=110:fontcolor=0x1a3d6d:x=160:y=120`,
    line(360, '• What the quarter looked like'),
    line(460, '• Where the time went %{eif\\:floor(t/5)*7+3\\:d} h'),
    line(560, '• What we change next %{eif\\:floor(t/5)*13+1\\:d}'),
    line(660, '• Questions'),
  ].join(',');
}

/** Makes a source unless the cache has it (written beside, then renamed: a killed run leaves none half-made). */
function cached(file: string, make: (out: string) => void): string {
  if (fs.existsSync(file)) return file;
  const temp = `${file}.making.mp4`;
  make(temp);
  fs.renameSync(temp, file);
  return file;
}

export async function playableSources(seconds: number): Promise<PlayableSources> {
  const { ffmpeg, ffprobe } = await findMediaTools();
  const cacheDir = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'ferry-bench');
  fs.mkdirSync(cacheDir, { recursive: true });
  const ff = (args: string[]) => execFileSync(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  const highMotion = cached(path.join(cacheDir, `high-motion-grain-${seconds}s-1080p.mp4`), (out) =>
    ff([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=1920x1080:r=30:d=${seconds},noise=alls=12:allf=t`,
      ...audio(seconds),
      ...encode,
      ...cameraRate,
      out,
    ]),
  );
  const slides = cached(path.join(cacheDir, `slides-${seconds}s-1080p.mp4`), (out) =>
    ff(['-f', 'lavfi', '-i', slideFilter(seconds), ...audio(seconds), ...encode, ...slideQuality, out]),
  );
  return { ffmpeg: ffmpeg.path, ffprobe: ffprobe.path, seconds, highMotion, slides, cacheDir };
}

export async function benchPlayable(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seconds: { type: 'string', default: '60' }, only: { type: 'string' } },
    strict: false,
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 8)
    throw new Error(`--seconds must be a number of seconds, 8 or more (got ${String(values.seconds)}).`);
  const sources = await playableSources(seconds);
  console.log(`Sources (${seconds} s, 1080p30, cached in ${sources.cacheDir}):`);
  console.log(`  high motion: ${path.basename(sources.highMotion)}\n  slides: ${path.basename(sources.slides)}`);
  for (const [name, run] of sections) {
    if (typeof values.only === 'string' && values.only !== name) continue;
    console.log(`\n## ${name}`);
    await run(sources, args);
  }
}
