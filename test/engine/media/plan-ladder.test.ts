import { describe, expect, it } from 'vitest';
import { bitrateKbps, planLadder, type SourceShape } from '../../../electron/engine/media/plan-ladder';

const source = (width: number, height: number, extra: Partial<SourceShape> = {}): SourceShape => ({
  width,
  height,
  fps: 30,
  frameRate: '30/1',
  hasAudio: true,
  ...extra,
});

const sizes = (plan: ReturnType<typeof planLadder>) => plan.rungs.map((r) => `${r.width}x${r.height}`);

describe('ladder planning', () => {
  it('gives a 1080p30 source the standard ladder at Apple spec bitrates', () => {
    const plan = planLadder(source(1920, 1080));
    expect(sizes(plan)).toEqual(['1920x1080', '1280x720', '854x480', '640x360', '426x240']);
    expect(plan.rungs.map((r) => r.name)).toEqual(['1080p', '720p', '480p', '360p', '240p']);
    expect(plan.rungs[0]).toMatchObject({ videoKbps: 4500, maxKbps: 6750, bufferKbps: 9000 });
    expect(plan.rungs[1]?.videoKbps).toBe(3000);
    expect(plan.rungs[3]?.videoKbps).toBe(730);
    expect(plan).toMatchObject({ gop: 60, segmentSeconds: 2, frameRate: '30/1', audio: { kbps: 128, channels: 2 } });
  });

  it('takes the renditions asked for, never larger than the source', () => {
    expect(sizes(planLadder(source(1920, 1080), [1080, 720, 480, 360]))).toEqual([
      '1920x1080',
      '1280x720',
      '854x480',
      '640x360',
    ]);
    expect(sizes(planLadder(source(1280, 720), [1080, 720, 360]))).toEqual(['1280x720', '640x360']);
    expect(sizes(planLadder(source(640, 360), [1080]))).toEqual(['640x360']);
  });

  it('names portrait rungs by their short side and keeps them portrait', () => {
    const plan = planLadder(source(1080, 1920, { hasAudio: false }));
    expect(sizes(plan)).toEqual(['1080x1920', '720x1280', '480x854', '360x640', '240x426']);
    expect(plan.rungs[0]?.name).toBe('1080p');
    expect(plan.audio).toBeNull();
  });

  it('handles odd sizes with even dimensions and keeps the source size on top', () => {
    const plan = planLadder(source(853, 479));
    expect(sizes(plan)).toEqual(['852x478', '642x360', '428x240']);
    for (const rung of plan.rungs) {
      expect(rung.width % 2).toBe(0);
      expect(rung.height % 2).toBe(0);
      expect(Math.abs(rung.width / rung.height - 853 / 479)).toBeLessThan(0.01);
    }
  });

  it('keeps 4:3 sources 4:3', () => {
    expect(sizes(planLadder(source(640, 480)))).toEqual(['640x480', '480x360', '320x240']);
  });

  it('plans a 4K source with at most five rungs, keeping the smallest', () => {
    const plan = planLadder(source(3840, 2160, { fps: 60, frameRate: '60/1' }));
    expect(sizes(plan)).toEqual(['3840x2160', '2560x1440', '1920x1080', '1280x720', '426x240']);
    expect(plan.gop).toBe(120);
    expect(plan.rungs[2]?.videoKbps).toBeGreaterThan(7000); // 1080p60 is about 1.7x 1080p30
  });

  it('gives a tiny source one rung at its own size', () => {
    const plan = planLadder(source(160, 120));
    expect(sizes(plan)).toEqual(['160x120']);
    expect(plan.rungs[0]?.videoKbps).toBeGreaterThanOrEqual(100);
  });

  it('keeps broadcast frame rates exact and rounds a variable rate to a whole one', () => {
    expect(planLadder(source(1280, 720, { fps: 29.97, frameRate: '30000/1001' }))).toMatchObject({
      frameRate: '30000/1001',
      gop: 60,
    });
    expect(planLadder(source(1280, 720, { fps: 24.41, frameRate: '1440/59' }))).toMatchObject({
      frameRate: '24/1',
      gop: 48,
    });
    expect(planLadder(source(1280, 720, { fps: 120, frameRate: '120/1' }))).toMatchObject({
      frameRate: '60/1',
      gop: 120,
    });
  });

  it('interpolates bitrates between the published points', () => {
    expect(bitrateKbps(1920, 1080, 30)).toBe(4500);
    expect(bitrateKbps(960, 540, 30)).toBe(2000);
    const between = bitrateKbps(1600, 900, 30);
    expect(between).toBeGreaterThan(3000);
    expect(between).toBeLessThan(4500);
  });
});
