import { describe, expect, it } from 'vitest';
import { sniffContent } from '../../../electron/engine/media/sniff-content';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffing content', () => {
  it.each([
    ['#EXTM3U\n#EXT-X-VERSION:3\n', 'hls'],
    ['\uFEFF  #EXTM3U\n', 'hls'],
    ['<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011">', 'dash'],
    ['<!DOCTYPE html><html><head><title>Sign in</title>', 'html'],
    ['  <html lang="en">', 'html'],
    ['just some notes\n', 'unknown'],
  ])('%j is %s', (text, kind) => {
    expect(sniffContent(new TextEncoder().encode(text)).kind).toBe(kind);
  });

  it.each([
    [bytes([0, 0, 0, 0x20], 'ftypisom'), 'mp4/mov'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01]), 'matroska/webm'],
    [bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'avi'],
    [bytes('FLV', [1]), 'flv'],
    [bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6]), 'asf/wmv'],
    [bytes('OggS', [0]), 'ogg'],
  ])('recognises a %s container', (head, name) => {
    expect(sniffContent(head)).toEqual({ kind: 'container', name });
  });

  it('recognises MPEG-TS by its sync bytes every 188 bytes', () => {
    const ts = new Uint8Array(400);
    ts[0] = 0x47;
    ts[188] = 0x47;
    expect(sniffContent(ts)).toEqual({ kind: 'container', name: 'mpeg-ts' });
  });

  it('names stills and audio', () => {
    expect(sniffContent(bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'image', name: 'JPEG' });
    expect(sniffContent(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toEqual({ kind: 'audio', name: 'WAV' });
    expect(sniffContent(bytes('ID3', [3, 0]))).toEqual({ kind: 'audio', name: 'MP3' });
  });
});
