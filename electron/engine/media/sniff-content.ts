/**
 * What the first bytes of a file (or of a download) say it is, before any tool reads it. Pure.
 * Used to refuse streaming manifests and HTML pages early, and to tell a damaged video (a known
 * container that ffprobe cannot read) from something that was never a video.
 */
export type Sniffed =
  | { kind: 'hls' }
  | { kind: 'dash' }
  | { kind: 'html' }
  | { kind: 'container'; name: string }
  | { kind: 'image'; name: string }
  | { kind: 'audio'; name: string }
  | { kind: 'unknown' };

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

export function sniffContent(bytes: Uint8Array): Sniffed {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('#EXTM3U')) return { kind: 'hls' };
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<MPD[\s>]/.test(text)) return { kind: 'dash' };
  if (/^(<!doctype html|<html|<head|<body|<!--[\s\S]*?-->\s*<html)/i.test(text)) return { kind: 'html' };

  const box = ascii(bytes, 4, 4);
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(box)) return { kind: 'container', name: 'mp4/mov' };
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
