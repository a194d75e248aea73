/** Independent checks of a finished video folder, with ffprobe/ffmpeg and plain parsing. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ffmpeg, ffprobe } from './media-fixtures';

const run = promisify(execFile);

export async function probeJson(file: string): Promise<{
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; nb_frames?: string }[];
  format: { duration: string; format_name: string };
}> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]);
  return JSON.parse(stdout);
}

export async function keyframeTimes(file: string): Promise<number[]> {
  const { stdout } = await run(
    ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .filter(([, flags]) => flags?.startsWith('K'))
    .map(([time]) => Math.round(Number(time) * 1000) / 1000)
    .sort((a, b) => a - b);
}

/** Media playlist entries: the init segment and each segment's file name. */
export function hlsMediaFiles(playlist: string): { init: string; segments: string[] } {
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1] ?? '';
  const segments = playlist.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return { init, segments };
}

export function hlsMaster(text: string) {
  const lines = text.split('\n');
  const variants = lines.flatMap((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return [];
    const attr = (name: string) => new RegExp(`${name}=("([^"]*)"|[^,]*)`).exec(line);
    const resolution = (attr('RESOLUTION')?.[1] ?? '0x0').split('x').map(Number);
    return [
      {
        uri: lines[i + 1] as string,
        bandwidth: Number(attr('BANDWIDTH')?.[1]),
        averageBandwidth: Number(attr('AVERAGE-BANDWIDTH')?.[1]),
        width: resolution[0] as number,
        height: resolution[1] as number,
        codecs: attr('CODECS')?.[2] ?? '',
        frameRate: Number(attr('FRAME-RATE')?.[1]),
      },
    ];
  });
  const audio = /#EXT-X-MEDIA:TYPE=AUDIO[^\n]*URI="([^"]+)"/.exec(text)?.[1] ?? null;
  return { variants, audio };
}

/** Every file an MPD's SegmentTemplate/SegmentTimeline names, by representation id. */
export function dashFiles(mpd: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const rep of mpd.matchAll(/<Representation id="(\d+)"[\s\S]*?<\/Representation>/g)) {
    const id = rep[1] as string;
    const block = rep[0];
    const init = /initialization="([^"]+)"/.exec(block)?.[1] ?? '';
    const media = /media="([^"]+)"/.exec(block)?.[1] ?? '';
    const start = Number(/startNumber="(\d+)"/.exec(block)?.[1] ?? 1);
    let count = 0;
    for (const s of block.matchAll(/<S\b([^>]*)\/>/g)) count += 1 + Number(/\br="(\d+)"/.exec(s[1] ?? '')?.[1] ?? 0);
    const names = [init.replace('$RepresentationID$', id)];
    for (let n = start; n < start + count; n++) {
      names.push(
        media
          .replace('$RepresentationID$', id)
          .replace(/\$Number%0(\d)d\$/, (_, w: string) => String(n).padStart(Number(w), '0')),
      );
    }
    files.set(id, names);
  }
  return files;
}

/** Joins a rendition's init and media segments into one fMP4 that ffprobe can read. */
export function joinSegments(dir: string, files: string[], out: string): string {
  fs.writeFileSync(out, Buffer.concat(files.map((f) => fs.readFileSync(path.join(dir, f)))));
  return out;
}

/** Top-level MP4 box types, in order. */
export function topLevelBoxes(file: string): string[] {
  const bytes = fs.readFileSync(file);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(at);
    boxes.push(bytes.toString('latin1', at + 4, at + 8));
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

/** Average PSNR (dB) between two images or videos of the same size. */
export async function psnr(a: string, b: string): Promise<number> {
  const { stderr } = await run(ffmpeg, [
    '-hide_banner',
    '-nostdin',
    '-i',
    a,
    '-i',
    b,
    '-lavfi',
    'psnr',
    '-f',
    'null',
    '-',
  ]);
  const match = /average:(\S+)/.exec(stderr);
  return match?.[1] === 'inf' ? 100 : Number(match?.[1]);
}

/** One decoded frame as raw RGB, for pixel checks. */
export async function rgbFrame(file: string, width: number, height: number, seconds = 0.5): Promise<Buffer> {
  const { stdout } = await run(
    ffmpeg,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-ss',
      String(seconds),
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  if (stdout.length !== width * height * 3)
    throw new Error(`expected a ${width}x${height} frame, got ${stdout.length} bytes`);
  return stdout;
}

export function meanColor(
  frame: Buffer,
  width: number,
  box: { x: number; y: number; w: number; h: number },
): [number, number, number] {
  const sum = [0, 0, 0];
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) sum[c]! += frame[at + c]!;
    }
  }
  const n = box.w * box.h;
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

/**
 * Size and MD5 of every packet of a file's first video (or audio) stream, read without decoding:
 * two files carry the same coded video, byte for byte, when these lists are equal.
 */
export async function packetHashes(file: string, stream: 'v' | 'a' = 'v'): Promise<string[]> {
  const { stdout } = await run(
    ffmpeg,
    ['-hide_banner', '-loglevel', 'error', '-i', file, '-map', `0:${stream}:0`, '-c', 'copy', '-f', 'framemd5', '-'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return (
    stdout
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      // size and hash; side data (an AAC priming's skip samples) follows them on some packets.
      .map((line) =>
        line
          .split(',')
          .slice(4, 6)
          .map((field) => field.trim())
          .join(','),
      )
  );
}
