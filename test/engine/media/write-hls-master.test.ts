import { describe, expect, it } from 'vitest';
import { cleanMediaPlaylist, measure, writeHlsMaster } from '../../../electron/engine/media/write-hls-master';

// What ffmpeg's dash muxer writes with -hls_playlist 1 (5.1 shown; 4.1 lacks the date lines).
const ffmpegMaster = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_A1",NAME="audio_2",DEFAULT=YES,URI="media_2.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=3132998,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_A1"
media_0.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=862998,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_A1"
media_1.m3u8
`;

const media = (id: number, durations: number[]) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:6',
    '#EXT-X-TARGETDURATION:4',
    '#EXT-X-MEDIA-SEQUENCE:1',
    `#EXT-X-MAP:URI="init-${id}.m4s"`,
    ...durations.flatMap((d, i) => [
      `#EXTINF:${d.toFixed(6)},`,
      '#EXT-X-PROGRAM-DATE-TIME:2026-11-21T14:37:35.000+0000',
      `chunk-${id}-0000${i + 1}.m4s`,
    ]),
    '#EXT-X-ENDLIST',
  ].join('\n');

describe('the HLS master playlist', () => {
  const output = writeHlsMaster({
    master: ffmpegMaster,
    playlists: { 'media_0.m3u8': media(0, [4, 1]), 'media_1.m3u8': media(1, [4, 1]), 'media_2.m3u8': media(2, [4, 1]) },
    segmentBytes: {
      'chunk-0-00001.m4s': 2_000_000, // 4 Mb/s over 4 s
      'chunk-0-00002.m4s': 250_000, // 2 Mb/s over 1 s
      'chunk-1-00001.m4s': 400_000,
      'chunk-1-00002.m4s': 100_000,
      'chunk-2-00001.m4s': 64_000,
      'chunk-2-00002.m4s': 16_000,
    },
    fps: 30,
  });

  it('states the measured peak and average bit rates, audio included', () => {
    const [top, low] = output.variants;
    expect(top).toMatchObject({ uri: 'media_0.m3u8', width: 1280, height: 720, codecs: 'avc1.64001f,mp4a.40.2' });
    expect(top?.bandwidth).toBe(4_000_000 + 128_000);
    expect(top?.averageBandwidth).toBe(Math.ceil((2_250_000 * 8) / 5) + Math.ceil((80_000 * 8) / 5));
    expect(low?.bandwidth).toBe(800_000 + 128_000);
  });

  it('never states a peak below the average, when a short last segment carries the most bits', () => {
    const segments = [
      { uri: 'a.m4s', duration: 2 },
      { uri: 'b.m4s', duration: 2 },
      { uri: 'c.m4s', duration: 0.2 },
    ];
    const { peak, average } = measure(segments, { 'a.m4s': 100_000, 'b.m4s': 100_000, 'c.m4s': 60_000 });
    expect(average).toBe(Math.ceil((260_000 * 8) / 4.2));
    expect(peak).toBeGreaterThanOrEqual(average);
  });

  it('writes every attribute Apple asks for, with one audio group', () => {
    expect(output.master).toContain('#EXT-X-INDEPENDENT-SEGMENTS');
    expect(output.master).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio"');
    expect(output.master).toContain('URI="media_2.m3u8"');
    expect(output.master).toMatch(
      /#EXT-X-STREAM-INF:BANDWIDTH=4128000,AVERAGE-BANDWIDTH=\d+,RESOLUTION=1280x720,FRAME-RATE=30\.000,CODECS="avc1\.64001f,mp4a\.40\.2",AUDIO="audio"\nmedia_0\.m3u8/,
    );
  });

  it('marks media playlists VOD and drops the wall-clock dates', () => {
    const cleaned = output.playlists['media_0.m3u8'] ?? '';
    expect(cleaned).not.toContain('PROGRAM-DATE-TIME');
    expect(cleaned).toContain('#EXT-X-VERSION:6\n#EXT-X-PLAYLIST-TYPE:VOD');
    expect(cleanMediaPlaylist(cleaned)).toBe(cleaned);
  });

  it('refuses a playlist that lists a segment that does not exist', () => {
    expect(() =>
      writeHlsMaster({ master: ffmpegMaster, playlists: { 'media_0.m3u8': media(0, [4]) }, segmentBytes: {}, fps: 30 }),
    ).toThrow(/chunk-0-00001\.m4s is listed but missing/);
  });
});
