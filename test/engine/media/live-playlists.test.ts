import { describe, expect, it } from 'vitest';
import { isDynamicMpd, liveMaster, livePlaylist, playlistFiles } from '../../../electron/engine/media/live-playlists';
import { planLadder } from '../../../electron/engine/media/plan-ladder';

// As ffmpeg 5.1's dash muxer writes them with -hls_playlist 1, mid-encode and at the end.
const growing = [
  '#EXTM3U',
  '#EXT-X-VERSION:6',
  '#EXT-X-TARGETDURATION:4',
  '#EXT-X-MEDIA-SEQUENCE:1',
  '#EXT-X-MAP:URI="init-0.m4s"',
  '#EXTINF:4.000000,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-08T02:20:21.000+0000',
  'chunk-0-00001.m4s',
  '#EXTINF:4.000000,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-08T02:20:25.000+0000',
  'chunk-0-00002.m4s',
].join('\n');
const finished = `${growing}\n#EXT-X-ENDLIST\n`;

const ffmpegMaster = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_A1",NAME="audio_2",DEFAULT=YES,URI="media_2.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=3133120,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_A1"
media_0.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=863120,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_A1"
media_1.m3u8
`;

describe('the live playlists', () => {
  it('are EVENT playlists that never end, whatever ffmpeg wrote', () => {
    for (const text of [growing, finished]) {
      const live = livePlaylist(text);
      expect(live).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
      expect(live).not.toContain('#EXT-X-ENDLIST');
      expect(live).not.toContain('PROGRAM-DATE-TIME');
      expect(live.split('\n').slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-PLAYLIST-TYPE:EVENT']);
    }
  });

  it('name the init segment and the media segments a player will ask for', () => {
    expect(playlistFiles(growing)).toEqual({
      init: 'init-0.m4s',
      segments: ['chunk-0-00001.m4s', 'chunk-0-00002.m4s'],
    });
    expect(playlistFiles('#EXTM3U\n#EXT-X-VERSION:6\n')).toEqual({ init: undefined, segments: [] });
  });

  it("declare each rung's cap as BANDWIDTH before anything is measured, with ffmpeg's codecs", () => {
    const plan = planLadder({ width: 1280, height: 720, fps: 30, frameRate: '30/1', hasAudio: true }, [720, 360]);
    const master = liveMaster(ffmpegMaster, plan);
    const [top, low] = plan.rungs;
    expect(master).toContain('URI="media_2.m3u8"');
    expect(master).toContain(
      `#EXT-X-STREAM-INF:BANDWIDTH=${top!.maxKbps * 1000 + 128_000},AVERAGE-BANDWIDTH=${top!.videoKbps * 1000 + 128_000},` +
        'RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.64001f,mp4a.40.2",AUDIO="audio"\nmedia_0.m3u8',
    );
    expect(master).toContain(`BANDWIDTH=${low!.maxKbps * 1000 + 128_000},`);
    expect(master.indexOf('media_0.m3u8')).toBeLessThan(master.indexOf('media_1.m3u8'));
  });

  it('take the MPD only while ffmpeg still calls it dynamic', () => {
    expect(isDynamicMpd('<MPD\n\ttype="dynamic"\n\tminimumUpdatePeriod="PT4S">')).toBe(true);
    expect(isDynamicMpd('<MPD\n\ttype="static"\n\tmediaPresentationDuration="PT20.0S">')).toBe(false);
  });
});
