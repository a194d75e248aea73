/** The ladder's command with a copied top rung (passthrough) and with a hardware encoder. */
import { describe, expect, it } from 'vitest';
import {
  buildFilterGraph,
  buildTranscodeArgs,
  type TranscodeJob,
} from '../../../electron/engine/media/build-transcode-args';
import { planLadder } from '../../../electron/engine/media/plan-ladder';

const plan = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: true }, [1080, 720]);
const job: TranscodeJob = {
  source: '/videos/in.mp4',
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  // A source with a GOP of 1.5 s: three of them to a segment.
  plan: { ...plan, gop: 45, segmentSeconds: 4.5 },
  manifestPath: 'manifest/video.mpd',
};
const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('a ladder with its top rung copied', () => {
  const args = buildTranscodeArgs({ ...job, passthrough: { copyAudio: true } });

  it('maps the source’s video to the top rung as it is, and draws only the others', () => {
    expect(args.filter((a, i) => args[i - 1] === '-map')).toEqual(['0:v:0', '[v1]', '0:a:0']);
    expect(valueAfter(args, '-c:v:0')).toBe('copy');
    expect(valueAfter(args, '-c:v:1')).toBe('libx264');
    expect(buildFilterGraph({ ...job, passthrough: { copyAudio: true } })).not.toContain('[v0]');
    expect(valueAfter(args, '-c:a')).toBe('copy');
  });

  it('cuts segments of whole source GOPs and puts the encoded rungs’ keyframes on them', () => {
    expect(valueAfter(args, '-seg_duration')).toBe('4.5');
    expect(valueAfter(args, '-g')).toBe('45');
    expect(valueAfter(args, '-force_key_frames:v:1')).toBe('expr:gte(t,n_forced*4.5)');
  });

  it('tags a copied HEVC rung hvc1, as Apple’s players require', () => {
    const rate = { kind: 'crf', crf: 26, capKbps: 3000 } as const;
    const hevc = buildTranscodeArgs({
      ...job,
      encoding: {
        rungs: [
          { codec: 'hevc', preset: 'balanced', rate },
          { codec: 'hevc', preset: 'balanced', rate },
        ],
      },
      passthrough: { copyAudio: true },
    });
    expect(valueAfter(hevc, '-tag:v:0')).toBe('hvc1');
    expect(args).not.toContain('-tag:v:0');
  });

  it('needs no filter graph for a ladder of one copied rung, and encodes sound that is not AAC-LC stereo', () => {
    const one = buildTranscodeArgs({
      ...job,
      plan: { ...job.plan, rungs: job.plan.rungs.slice(0, 1) },
      passthrough: { copyAudio: false },
    });
    expect(one).not.toContain('-filter_complex');
    expect(valueAfter(one, '-c:a')).toBe('aac');
  });
});

describe('a ladder on a hardware encoder', () => {
  it('encodes its codec’s rungs on it, keyframes forced on segment boundaries', () => {
    const args = buildTranscodeArgs({ ...job, hardware: { encoder: 'h264_nvenc', codec: 'h264', family: 'nvenc' } });
    expect(valueAfter(args, '-c:v:0')).toBe('h264_nvenc');
    expect(valueAfter(args, '-c:v:1')).toBe('h264_nvenc');
    expect(valueAfter(args, '-force_key_frames:v:0')).toBe('expr:gte(t,n_forced*4.5)');
  });

  it('uploads VAAPI’s frames to the GPU at the end of each rung', () => {
    const vaapi = { ...job, hardware: { encoder: 'h264_vaapi', codec: 'h264', family: 'vaapi' } } as const;
    const args = buildTranscodeArgs(vaapi);
    expect(valueAfter(args, '-init_hw_device')).toBe('vaapi=va:/dev/dri/renderD128');
    expect(args.indexOf('-init_hw_device')).toBeLessThan(args.indexOf('-i'));
    expect(buildFilterGraph(vaapi)).toContain('[r0]null,format=nv12,hwupload[v0]');
    expect(buildFilterGraph(vaapi)).toMatch(/setdar=1920\/1080:max=100000,format=nv12,hwupload\[v1\]/);
  });

  it('leaves a copied top rung alone', () => {
    const args = buildTranscodeArgs({
      ...job,
      passthrough: { copyAudio: true },
      hardware: { encoder: 'h264_nvenc', codec: 'h264', family: 'nvenc' },
    });
    expect(valueAfter(args, '-c:v:0')).toBe('copy');
    expect(valueAfter(args, '-c:v:1')).toBe('h264_nvenc');
  });
});
