/**
 * Transcode benchmark: a 60 s 1080p30 synthetic source with audio, ladder 1080/720/480/360.
 * In one run: Ferry's whole ingest (HLS + DASH + MP4 + thumbnail + storyboard); the naive way
 * (one ffmpeg per rendition, one after another); HandBrakeCLI with the same x264 preset and
 * bitrates; and a hand-written single ffmpeg command for the same outputs. Then quality of each
 * rung against the source (VMAF where the ffmpeg has libvmaf, otherwise PSNR and SSIM), Ferry's
 * against the naive way's at the same bitrates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findMediaTools } from '../electron/engine/media/find-media-tools';
import { planLadder } from '../electron/engine/media/plan-ladder';
import { measure, type Timing } from './measure-command';

const ladder = [1080, 720, 480, 360];
const x264Common = [
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
const audio = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'];

function quality(ffmpeg: string, rendition: string, source: string, vmaf: boolean): string {
  const graph = vmaf
    ? '[0:v]scale=1920:1080:flags=bicubic,format=yuv420p[d];[1:v]format=yuv420p[r];[d][r]libvmaf'
    : '[0:v]scale=1920:1080:flags=bicubic,format=yuv420p,split[d1][d2];[1:v]format=yuv420p,split[r1][r2];[d1][r1]psnr;[d2][r2]ssim';
  const run = spawnSync(
    ffmpeg,
    ['-hide_banner', '-nostdin', '-i', rendition, '-i', source, '-lavfi', graph, '-f', 'null', '-'],
    {
      encoding: 'utf8',
    },
  );
  if (vmaf) return `VMAF ${/VMAF score: ([\d.]+)/.exec(run.stderr)?.[1] ?? '?'}`;
  const psnr = /PSNR .*average:([\d.]+|inf)/.exec(run.stderr)?.[1] ?? '?';
  const ssim = /SSIM .*All:([\d.]+)/.exec(run.stderr)?.[1] ?? '?';
  return `PSNR ${Number(psnr).toFixed(2)} dB, SSIM ${Number(ssim).toFixed(4)}`;
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function benchTranscode(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '60' } } });
  const seconds = Number(values.seconds);
  const { ffmpeg } = await findMediaTools();
  const handbrake = spawnSync('HandBrakeCLI', ['--version']).error ? null : 'HandBrakeCLI';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-transcode-'));
  const repo = path.resolve(import.meta.dirname, '..');
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
    timings.ferry = measure([
      [
        process.execPath,
        path.join(repo, 'bin/ferry.mjs'),
        'ingest',
        source,
        '--ladder',
        ladder.join(','),
        '--data-dir',
        dataDir,
      ],
    ]);

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
        ...audio,
        path.join(naiveDir, `${r.name}.mp4`),
      ]),
    );

    // Hand-written: one process, split to every rung, DASH + HLS over shared segments, a
    // thumbnail, and the MP4 remuxed from the top rung: what an expert would type.
    const handDir = path.join(dir, 'hand');
    fs.mkdirSync(handDir);
    const split = plan.rungs.map((_, i) => `[s${i}]`).join('');
    const scales = plan.rungs.map((r, i) => `[s${i}]scale=${r.width}:${r.height},setdar=16/9[v${i}]`).join(';');
    timings.handWritten = measure(
      [
        [
          ffmpeg.path,
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-i',
          source,
          '-filter_complex',
          `[0:v]fps=30,split=${plan.rungs.length + 1}${split}[t];${scales};[t]scale=1920:1080[th]`,
          ...plan.rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
          '-map',
          '0:a',
          ...x264Common,
          ...plan.rungs.flatMap((r, i) => [
            `-b:v:${i}`,
            `${r.videoKbps}k`,
            `-maxrate:v:${i}`,
            `${r.maxKbps}k`,
            `-bufsize:v:${i}`,
            `${r.bufferKbps}k`,
          ]),
          ...audio,
          '-f',
          'dash',
          '-seg_duration',
          '4',
          '-use_template',
          '1',
          '-use_timeline',
          '1',
          '-hls_playlist',
          '1',
          '-adaptation_sets',
          'id=0,streams=v id=1,streams=a',
          'video.mpd',
          '-map',
          '[th]',
          '-frames:v',
          '1',
          'thumbnail.jpg',
        ],
        [
          ffmpeg.path,
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-i',
          'media_0.m3u8',
          '-i',
          `media_${plan.rungs.length}.m3u8`,
          '-map',
          '0:v',
          '-map',
          '1:a',
          '-c',
          'copy',
          '-movflags',
          '+faststart',
          'default.mp4',
        ],
      ],
      { cwd: handDir },
    );

    if (handbrake) {
      const hbDir = path.join(dir, 'handbrake');
      fs.mkdirSync(hbDir);
      timings.handbrake = measure(
        plan.rungs.map((r) => [
          handbrake,
          '-i',
          source,
          '-o',
          path.join(hbDir, `${r.name}.mp4`),
          '-e',
          'x264',
          '--encoder-preset',
          'veryfast',
          '--encoder-profile',
          'high',
          '-b',
          String(r.videoKbps),
          '-x',
          `keyint=60:min-keyint=60:scenecut=0:vbv-maxrate=${r.maxKbps}:vbv-bufsize=${r.bufferKbps}`,
          '-w',
          String(r.width),
          '-l',
          String(r.height),
          '--non-anamorphic',
          '-r',
          '30',
          '--cfr',
          '-E',
          'av_aac',
          '-B',
          '128',
          '--mixdown',
          'stereo',
          '--no-comb-detect',
          '--no-deinterlace',
          '--no-decomb',
          '--no-detelecine',
          '--no-hqdn3d',
          '--no-nlmeans',
          '--no-chroma-smooth',
          '--no-unsharp',
          '--no-lapsharp',
          '--no-deblock',
          '--crop-mode',
          'none',
        ]),
      );
    }

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
    const [uid] = fs.readdirSync(path.join(dataDir, 'library'));
    const manifest = path.join(dataDir, 'library', uid as string, 'manifest');
    for (const [i, rung] of plan.rungs.entries()) {
      const playlist = fs.readFileSync(path.join(manifest, `media_${i}.m3u8`), 'utf8');
      const files = [`init-${i}.m4s`, ...playlist.split('\n').filter((l) => l.endsWith('.m4s'))];
      const joined = path.join(dir, `ferry-${rung.name}.mp4`);
      fs.writeFileSync(joined, Buffer.concat(files.map((file) => fs.readFileSync(path.join(manifest, file)))));
      const ours = quality(ffmpeg.path, joined, source, vmaf);
      const naive = quality(ffmpeg.path, path.join(naiveDir, `${rung.name}.mp4`), source, vmaf);
      console.log(`transcode quality ${rung.name.padEnd(6)} ferry: ${ours}   naive: ${naive}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
