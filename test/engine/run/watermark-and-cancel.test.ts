import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { hlsMaster, hlsMediaFiles, joinSegments, meanColor, rgbFrame } from '../../helpers/inspect-outputs';
import { tempDir } from '../../helpers/temp-dir';

/** ffmpeg processes whose command line mentions `needle`. */
function ffmpegProcessesUsing(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('ffmpeg') && line.includes(needle));
}

describe('watermark', () => {
  it('overlays the image at the chosen corner of every rendition, at the chosen size', async () => {
    const media = tempDir();
    const source = await make.solidColor(media, 'black', '1280x720');
    const mark = await make.solidImage(media, 'red', '200x100');
    const engine = createEngine({ dataDir: tempDir() });
    try {
      const added = await engine.addFiles({
        paths: [source],
        options: {
          ladder: [720, 360],
          watermark: { image: mark, position: 'lowerRight', opacity: 1, scale: 0.25, padding: 0.05 },
        },
      });
      await engine.run();
      const video = await engine.get({ uid: added.queued[0]!.uid });
      expect(video.status.state).toBe('ready');
      expect(video.watermark).toMatchObject({ position: 'lowerRight', scale: 0.25 });
      const manifestDir = path.dirname(video.playback!.hls);
      const master = hlsMaster(fs.readFileSync(video.playback!.hls, 'utf8'));
      for (const variant of master.variants) {
        const { width: w, height: h } = variant;
        const media = hlsMediaFiles(fs.readFileSync(path.join(manifestDir, variant.uri), 'utf8'));
        const joined = joinSegments(manifestDir, [media.init, ...media.segments], path.join(tempDir(), 'r.mp4'));
        const frame = await rgbFrame(joined, w, h);
        // On 1280x720: 320x160 at x = 1280 - 320 - 64, y = 720 - 160 - 36; scaled for smaller rungs.
        const s = w / 1280;
        const inside = {
          x: Math.round(960 * s),
          y: Math.round(540 * s),
          w: Math.round(300 * s),
          h: Math.round(140 * s),
        };
        const [r, g, b] = meanColor(frame, w, inside);
        expect(r).toBeGreaterThan(200);
        expect(g + b).toBeLessThan(60);
        for (const corner of [
          { x: 4, y: 4, w: 40, h: 40 }, // upper left: untouched
          { x: w - 44, y: 4, w: 40, h: 40 }, // upper right
          {
            x: w - Math.round(40 * s) - 4,
            y: h - Math.round(20 * s) - 4,
            w: Math.round(36 * s),
            h: Math.round(16 * s),
          }, // padding
        ]) {
          const [cr, cg, cb] = meanColor(frame, w, corner);
          expect(cr + cg + cb).toBeLessThan(40);
        }
      }
    } finally {
      engine.close();
    }
  });
});

describe('cancel', () => {
  it('stops the transcode mid-way: no ffmpeg left, no output, no temporary files', async () => {
    const media = tempDir();
    const source = await make.landscape1080(media, 12);
    const dataDir = tempDir();
    const engine = createEngine({ dataDir });
    try {
      const [video] = (await engine.addFiles({ paths: [source] })).queued;
      const uid = video!.uid;
      const started = new Promise<void>((resolve) => {
        const off = engine.on('videos', (batch) => {
          const mine = batch.find((v) => v.uid === uid);
          if (mine && mine.status.step === 'transcode' && mine.status.pctComplete > 5) {
            off();
            resolve();
          }
        });
      });
      const running = engine.run();
      await started;
      expect(ffmpegProcessesUsing(source).length).toBeGreaterThan(0);
      const partials = fs.readdirSync(path.join(dataDir, 'library')).filter((e) => e.startsWith(`${uid}.`));
      expect(partials).toEqual([expect.stringMatching(/\.partial$/)]);

      expect(await engine.cancel({ uids: [uid] })).toEqual({ changed: 1 });
      expect(ffmpegProcessesUsing(source)).toEqual([]);
      expect(fs.readdirSync(path.join(dataDir, 'library'))).toEqual([]);
      await running;
      expect((await engine.get({ uid })).status.state).toBe('canceled');
      expect((await engine.history({ uid })).at(-1)?.data).toMatchObject({ from: 'inprogress', to: 'canceled' });
    } finally {
      engine.close();
    }
  });
});
