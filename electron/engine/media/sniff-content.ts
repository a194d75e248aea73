/**
 * What the first bytes of a file (or of a download) say it is, before any tool reads it. Used to
 * refuse streaming manifests and HTML pages early, to tell a damaged video (a known container
 * that ffprobe cannot read) from something that was never a video, and, without a transcode
 * (nothing else looks at the file then), to refuse what is not a video container at all.
 */
import fs from 'node:fs';
import type { ErrorCode } from '../../../shared/error-codes';

export type Sniffed =
  | { kind: 'hls' }
  | { kind: 'dash' }
  | { kind: 'html' }
  | { kind: 'container'; name: string }
  | { kind: 'image'; name: string }
  | { kind: 'audio'; name: string }
  | { kind: 'unknown' };

const stillBrands = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'];
const audioBrands = ['M4A ', 'M4B ', 'M4P ', 'F4A '];

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

/** First bytes a playlist or a page can start with: a BOM, whitespace, `#` or `<`. */
const textLeads = new Set([0xef, 0x20, 0x09, 0x0a, 0x0d, 0x23, 0x3c]);

function sniffText(bytes: Uint8Array): Sniffed | undefined {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('#EXTM3U')) return { kind: 'hls' };
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<MPD[\s>]/.test(text)) return { kind: 'dash' };
  if (/^(<!doctype html|<html|<head|<body|<!--[\s\S]*?-->\s*<html)/i.test(text)) return { kind: 'html' };
  return undefined;
}

export function sniffContent(bytes: Uint8Array): Sniffed {
  // Decoding text costs more than every signature below: only for what can start a playlist or a page.
  const asText = textLeads.has(bytes[0] ?? -1) ? sniffText(bytes) : undefined;
  if (asText) return asText;

  const box = ascii(bytes, 4, 4);
  // The same ISO box structure holds HEIF/AVIF stills and M4A audio: the brand tells them apart.
  if (box === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (stillBrands.includes(brand)) return { kind: 'image', name: brand.startsWith('avi') ? 'AVIF' : 'HEIF' };
    if (audioBrands.includes(brand)) return { kind: 'audio', name: 'M4A' };
  }
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot'].includes(box)) {
    return { kind: 'container', name: 'mp4/mov' };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'container', name: 'matroska/webm' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'AVI ') return { kind: 'container', name: 'avi' };
  if (ascii(bytes, 0, 3) === 'FLV') return { kind: 'container', name: 'flv' };
  if (bytes[0] === 0x47 && bytes[188] === 0x47) return { kind: 'container', name: 'mpeg-ts' };
  if (bytes[4] === 0x47 && bytes[196] === 0x47) return { kind: 'container', name: 'm2ts' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba])) return { kind: 'container', name: 'mpeg-ps' };
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]))
    return { kind: 'container', name: 'asf/wmv' };
  if (startsWith(bytes, [0x06, 0x0e, 0x2b, 0x34])) return { kind: 'container', name: 'mxf' };
  if (ascii(bytes, 0, 4) === 'OggS') return { kind: 'container', name: 'ogg' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xb3])) return { kind: 'container', name: 'mpeg-video' };
  if (ascii(bytes, 0, 4) === '.RMF') return { kind: 'container', name: 'realmedia' };
  if (ascii(bytes, 0, 4) === 'DKIF') return { kind: 'container', name: 'ivf' };
  if (ascii(bytes, 0, 9) === 'YUV4MPEG2') return { kind: 'container', name: 'y4m' };

  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', name: 'JPEG' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', name: 'PNG' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', name: 'WebP' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return { kind: 'audio', name: 'WAV' };
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) {
    return { kind: 'audio', name: 'MP3' };
  }
  if (ascii(bytes, 0, 4) === 'fLaC') return { kind: 'audio', name: 'FLAC' };
  return { kind: 'unknown' };
}

/** How a file's first bytes read to a person, for a refusal. */
function lookOf(sniffed: Sniffed, bytes: Uint8Array): string {
  if (bytes.length === 0) return 'is empty';
  if (sniffed.kind === 'html') return 'is a web page (HTML)';
  if (sniffed.kind === 'image') return `is a still image (${sniffed.name})`;
  if (sniffed.kind === 'audio') return `is audio only (${sniffed.name})`;
  // Text: no control bytes other than tabs and line ends in what was read.
  if (bytes.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return 'is text';
  return 'does not start like any video container Ferry knows (MP4, MOV, MKV, WebM, AVI, MPEG-TS, FLV, OGG, WMV, ...)';
}

/**
 * Refuses first bytes that are not those of a video container, cheaply (no process): for
 * originals passed on as they are, which no ffprobe will look at. Null when they are.
 */
export function videoContainerRefusal(bytes: Uint8Array): { code: ErrorCode; text: string } | null {
  const sniffed = sniffContent(bytes);
  if (sniffed.kind === 'container') return null;
  if (sniffed.kind === 'hls' || sniffed.kind === 'dash') {
    return {
      code: 'ERR_STREAMING_MANIFEST',
      text: `The file is a streaming playlist (${sniffed.kind.toUpperCase()}), not a video file. Give Ferry the original video instead.`,
    };
  }
  return {
    code: 'ERR_NON_VIDEO',
    text: `The file ${lookOf(sniffed, bytes)}, not a video. Without a transcode Ferry passes on only video files: check that this is the file you meant.`,
  };
}

/**
 * The first bytes of a file: enough for every signature above (MPEG-TS needs two 188-byte
 * packets). Synchronous: reading 4 KiB of a local file takes microseconds, less than the
 * thread-pool round trips of an async open, read and close, which a queue of thousands of small
 * videos would pay for each one.
 */
export function readFirstBytes(file: string, length = 4096): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** `videoContainerRefusal` of a file on disk. */
export function checkVideoContainer(file: string): { code: ErrorCode; text: string } | null {
  return videoContainerRefusal(readFirstBytes(file));
}
