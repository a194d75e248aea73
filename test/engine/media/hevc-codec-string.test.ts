import { describe, expect, it } from 'vitest';
import { completeHevcCodecs, hevcCodecString } from '../../../electron/engine/media/hevc-codec-string';

/** An init segment's bytes around an hvcC box: version, profile byte, 4 compatibility bytes, 6 constraint bytes, level. */
function init(profileByte: number, compat: number[], constraints: number[], level: number): Uint8Array {
  return Uint8Array.from([0, 0, 0, 40, ...Buffer.from('hvcC'), 1, profileByte, ...compat, ...constraints, level, 0xf0]);
}

describe('the codec string of an HEVC rendition', () => {
  it.each([
    ['Main, level 3.1', init(0x01, [0x60, 0, 0, 0], [0x90, 0, 0, 0, 0, 0], 93), 'hvc1.1.6.L93.90'],
    ['Main 10, high tier, level 5.1', init(0x22, [0x20, 0, 0, 0], [0xb0, 0, 0, 0, 0, 0], 153), 'hvc1.2.4.H153.B0'],
    ['no constraint flags', init(0x01, [0x60, 0, 0, 0], [0, 0, 0, 0, 0, 0], 120), 'hvc1.1.6.L120'],
  ])('%s', (_, bytes, expected) => {
    expect(hevcCodecString(bytes)).toBe(expected);
  });

  it('is null without an hvcC box (an H.264 or AV1 rendition)', () => {
    expect(hevcCodecString(Uint8Array.from(Buffer.from('....avcC....')))).toBeNull();
  });

  it("replaces ffmpeg's bare hvc1 in the master and the MPD, rendition by rendition", () => {
    const master = [
      '#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=1280x720,CODECS="hvc1,mp4a.40.2"',
      'media_0.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"',
      'media_1.m3u8',
    ].join('\n');
    const mpd = '<Representation id="0" mimeType="video/mp4" codecs="hvc1" bandwidth="1">';
    const done = completeHevcCodecs({ master, mpd }, new Map([[0, 'hvc1.1.6.L93.90']]));
    expect(done.master).toContain('CODECS="hvc1.1.6.L93.90,mp4a.40.2"');
    expect(done.master).toContain('CODECS="avc1.64001f,mp4a.40.2"');
    expect(done.mpd).toContain('codecs="hvc1.1.6.L93.90"');
  });
});
