import { describe, expect, it } from 'vitest';
import { adaptationSets, buildTranscodeArgs } from '../../../electron/engine/media/build-transcode-args';
import { planLadder } from '../../../electron/engine/media/plan-ladder';
import { planRungEncoding } from '../../../electron/engine/media/plan-rung-encoding';
import type { LadderMode, QualityPreset, VideoCodec } from '../../../shared/transcode-presets';

const plan = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: true }, [1080, 720, 360]);
const talk = { kbps: 300, width: 640, height: 360 };
const slides = { kbps: 40, width: 640, height: 360 };

function args(codec: VideoCodec, preset: QualityPreset, ladder: LadderMode, sample = talk) {
  const encoding = planRungEncoding({ plan, codec, preset, ladder, sample });
  const job = { source: '/in.mp4', formatName: 'mov', plan: encoding.plan, encoding, manifestPath: 'video.mpd' };
  return { encoding, job, args: buildTranscodeArgs(job) };
}
const valueAfter = (list: string[], flag: string) => list[list.indexOf(flag) + 1];

describe("each rung's encoder and rate", () => {
  it('per-title H.264: capped CRF at the preset, the cap from the title, a buffer of twice the cap', () => {
    const { args: a } = args('h264', 'balanced', 'per-title');
    expect(valueAfter(a, '-c:v:0')).toBe('libx264');
    expect(valueAfter(a, '-preset:v:0')).toBe('veryfast');
    expect(valueAfter(a, '-crf:v:0')).toBe('22');
    expect(valueAfter(a, '-maxrate:v:0')).toBe('2490k');
    expect(valueAfter(a, '-bufsize:v:0')).toBe('4980k');
    expect(valueAfter(a, '-maxrate:v:2')).toBe('480k');
    expect(a).not.toContain('-b:v:0');
  });

  it('an easy title (slides): 14 RF lower, at x264 slow at least, with room in its cap for that', () => {
    const { args: a } = args('h264', 'balanced', 'per-title', slides);
    expect(valueAfter(a, '-preset:v:0')).toBe('slow');
    expect(valueAfter(a, '-crf:v:0')).toBe('8');
    expect(valueAfter(a, '-maxrate:v:0')).toBe('1680k');
    const slowest = args('h264', 'veryslow', 'per-title', slides).args;
    expect([valueAfter(slowest, '-preset:v:0'), valueAfter(slowest, '-crf:v:0')]).toEqual(['veryslow', '4']);
  });

  it("the Quality preset is x264's slow at RF 20", () => {
    const { args: a } = args('h264', 'quality', 'per-title');
    expect(valueAfter(a, '-preset:v:1')).toBe('slow');
    expect(valueAfter(a, '-crf:v:1')).toBe('20');
  });

  it("the fixed ladder keeps today's average bitrates with a 1.5x peak", () => {
    const { args: a } = args('h264', 'balanced', 'fixed');
    expect([valueAfter(a, '-b:v:0'), valueAfter(a, '-maxrate:v:0'), valueAfter(a, '-bufsize:v:0')]).toEqual([
      '4500k',
      '6750k',
      '9000k',
    ]);
    expect(a).not.toContain('-crf:v:0');
  });

  it("a concert (its rungs need the fixed rates): the codec's fixed rate as the average, 1.5x peaks", () => {
    const concert = { kbps: 2000, width: 640, height: 360 };
    const h264 = args('h264', 'balanced', 'per-title', concert).args;
    expect([valueAfter(h264, '-b:v:0'), valueAfter(h264, '-maxrate:v:0'), valueAfter(h264, '-bufsize:v:0')]).toEqual([
      '4500k',
      '6750k',
      '9000k',
    ]);
    expect(h264).not.toContain('-crf:v:0');
    const hevc = args('hevc', 'balanced', 'per-title', concert).args;
    expect([valueAfter(hevc, '-b:v:0'), valueAfter(hevc, '-maxrate:v:0')]).toEqual(['3150k', '4725k']);
  });

  it('HEVC: libx265 tagged hvc1 with aligned keyframes, and an H.264 720p rung kept for other players', () => {
    const { encoding, job, args: a } = args('hevc', 'balanced', 'per-title');
    expect(encoding.plan.rungs.map((r) => r.name)).toEqual(['1080p', '720p', '360p', '720p']);
    expect(encoding.rungs.map((r) => r.codec)).toEqual(['hevc', 'hevc', 'hevc', 'h264']);
    expect(valueAfter(a, '-c:v:0')).toBe('libx265');
    expect(valueAfter(a, '-tag:v:0')).toBe('hvc1');
    expect(valueAfter(a, '-x265-params:v:0')).toBe('log-level=error:keyint=60:min-keyint=60:scenecut=0:open-gop=0');
    expect(valueAfter(a, '-crf:v:0')).toBe('26');
    expect(valueAfter(a, '-c:v:3')).toBe('libx264');
    expect(valueAfter(a, '-crf:v:3')).toBe('22');
    expect(adaptationSets(job)).toBe('id=0,streams=0,1,2 id=1,streams=3 id=2,streams=a');
    // The audio is the stream after the fallback rung.
    expect(a.filter((x) => x.startsWith('[v')).length).toBe(4);
  });

  it('AV1: SVT-AV1 at its preset for the speed chosen, on its own CRF scale', () => {
    const { args: a } = args('av1', 'fast', 'per-title');
    expect(valueAfter(a, '-c:v:0')).toBe('libsvtav1');
    expect(valueAfter(a, '-preset:v:0')).toBe('12');
    expect(valueAfter(a, '-crf:v:0')).toBe('36');
  });
});
