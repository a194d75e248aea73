import { describe, expect, it } from 'vitest';
import {
  buildFilterGraph,
  buildTranscodeArgs,
  type TranscodeJob,
} from '../../../electron/engine/media/build-transcode-args';
import { planLadder } from '../../../electron/engine/media/plan-ladder';

function job(hasAudio: boolean, watermark = false): TranscodeJob {
  const plan = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio }, [1080, 720, 360]);
  return {
    source: '/videos/in.mov',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    plan,
    manifestPath: 'manifest/video.mpd',
    ...(watermark
      ? { watermark: { image: '/logo.png', placement: { width: 288, height: 144, x: 1536, y: 54, opacity: 0.5 } } }
      : {}),
  };
}

const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('the transcode command', () => {
  it('decodes once and splits to every rung', () => {
    const graph = buildFilterGraph(job(true));
    expect(graph.match(/\[0:v\]/g)).toHaveLength(1);
    expect(graph).toContain('[0:v]fps=30/1,scale=1920:1080,setsar=1,format=yuv420p[base]');
    expect(graph).toContain('[base]split=3[r0][r1][r2];');
    expect(graph).toContain('[r1]scale=1280:720,setdar=1920/1080:max=100000[v1]');
    // No tile branch: it would hold every other branch's frames until the end (see the module).
    expect(graph).not.toContain('tile=');
  });

  it('overlays the watermark once, before the split, so every rung has it', () => {
    const graph = buildFilterGraph(job(true, true));
    expect(graph).toContain('[1:v]scale=288:144,format=rgba,colorchannelmixer=aa=0.500[wm]');
    expect(graph).toContain('[base][wm]overlay=1536:54');
    expect(graph).toContain('[marked]split=3');
  });

  it('reads only the local source through its own demuxer and aligns keyframes', () => {
    const args = buildTranscodeArgs(job(true));
    expect(valueAfter(args, '-protocol_whitelist')).toBe('file');
    expect(valueAfter(args, '-format_whitelist')).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    expect(valueAfter(args, '-g')).toBe('60');
    expect(valueAfter(args, '-keyint_min')).toBe('60');
    expect(valueAfter(args, '-sc_threshold')).toBe('0');
    expect(valueAfter(args, '-b:v:1')).toBe('3000k');
    expect(valueAfter(args, '-f')).toBe('dash');
    expect(valueAfter(args, '-hls_playlist')).toBe('1');
    expect(valueAfter(args, '-adaptation_sets')).toBe('id=0,streams=v id=1,streams=a');
    expect(args).toContain('0:a:0');
  });

  it('leaves audio out when the source has none', () => {
    const args = buildTranscodeArgs(job(false));
    expect(args).not.toContain('0:a:0');
    expect(args).not.toContain('aac');
    expect(valueAfter(args, '-adaptation_sets')).toBe('id=0,streams=v');
  });
});
