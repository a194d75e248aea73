/**
 * Hardware encoders, on a machine without any that works: each is kept only if its one-second test
 * encode passes, and a ladder whose hardware encoder fails is made again with x264, the history
 * saying why. An ffmpeg wrapper stands in for a driver that passes the test and fails the ladder
 * (what NVENC does out of sessions or memory); it runs the real ffmpeg for everything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { verifyHardwareEncoders } from '../../../electron/engine/media/verify-hardware-encoders';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * An ffmpeg whose h264_nvenc passes a test encode (as libx264) and fails any DASH ladder, and whose
 * h264_qsv fails to open, as Intel's does without its driver.
 */
function wrappedFfmpeg(dir: string): string {
  const file = path.join(dir, 'ffmpeg');
  fs.writeFileSync(
    file,
    `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
const fail = (line) => { process.stderr.write(line + '\\n'); process.exit(1); };
if (args.includes('h264_qsv')) fail('[h264_qsv @ 0x55d1] Error initializing an internal MFX session: unsupported (-3)');
if (args.includes('h264_nvenc')) {
  if (args.includes('dash')) fail('[h264_nvenc @ 0x5605] OpenEncodeSessionEx failed: out of memory (10)');
  args[args.indexOf('h264_nvenc')] = 'libx264';
}
const run = spawnSync(${JSON.stringify(make.ffmpeg)}, args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
`,
    { mode: 0o755 },
  );
  return file;
}

describe('hardware encoders', () => {
  it('are kept only when their one-second test encode works, each with ffmpeg’s reason when not', async () => {
    const checks = await verifyHardwareEncoders({
      path: wrappedFfmpeg(tempDir()),
      version: { raw: 'wrapped' },
      encoders: ['libx264', 'h264_qsv', 'h264_nvenc', 'h264_v4l2m2m'],
    });
    expect(checks).toEqual([
      { encoder: 'h264_nvenc', codec: 'h264', family: 'nvenc', ok: true },
      {
        encoder: 'h264_qsv',
        codec: 'h264',
        family: 'qsv',
        ok: false,
        error: 'Error initializing an internal MFX session: unsupported (-3)',
      },
    ]);
  });

  it('a ladder whose hardware encoder fails is made again with x264, and the history says why', async () => {
    const dir = tempDir();
    const engine = createEngine({ dataDir: tempDir(), env: { ...process.env, FFMPEG_PATH: wrappedFfmpeg(dir) } });
    cleanups.push(() => engine.close());
    const source = await make.landscape1080(dir, 1);
    // The fast preset is the user choosing speed: a hardware encoder that passed its test, if any.
    const added = await engine.addFiles({ paths: [source], options: { ladder: [240], preset: 'fast' } });
    const uid = added.queued[0]?.uid ?? '';
    await engine.run();

    const video = await engine.get({ uid });
    expect(video.status.state).toBe('ready');
    expect(video.renditions.map((r) => r.name)).toEqual(['240p']);
    const events = await engine.history({ uid });
    expect(events.find((e) => e.type === 'hardware-encoder-failed')?.data).toEqual({
      encoder: 'h264_nvenc',
      error: 'OpenEncodeSessionEx failed: out of memory (10)',
      fallback: 'libx264',
    });
  });
});
