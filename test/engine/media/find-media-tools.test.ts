import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMediaTool, resolveMediaTools } from '../../../electron/engine/media/find-media-tools';
import { bundledPackages, locateCandidates } from '../../../electron/engine/media/locate-media-tools';
import { tempDir } from '../../helpers/temp-dir';

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...vars });

/** Like @ffprobe-installer's linux-x64 builds: fine on MP4, a segfault on any .ts. */
const crashingFfprobe =
  '#!/bin/sh\ncase "$*" in *-version*) echo "ffprobe version 6.1 Copyright";; *.ts) kill -SEGV $$;; *) echo "{}";; esac\n';

describe('finding ffmpeg', () => {
  it('names a missing FFMPEG_PATH and says what to do', async () => {
    const missing = path.join(tempDir(), 'no-such-ffmpeg');
    await expect(findMediaTool('ffmpeg', env({ FFMPEG_PATH: missing }))).rejects.toThrow(
      `ffmpeg not found: ${missing} (from FFMPEG_PATH). Set FFMPEG_PATH to the full path of a working ffmpeg, or unset it`,
    );
  });

  it('names a file that is not executable', async () => {
    const file = path.join(tempDir(), 'ffmpeg');
    fs.writeFileSync(file, '#!/bin/sh\necho "ffmpeg version 9.9"\n', { mode: 0o644 });
    await expect(findMediaTool('ffmpeg', env({ FFMPEG_PATH: file }))).rejects.toThrow(
      new RegExp(`ffmpeg is not executable .*chmod \\+x "${file}".*: ${file} \\(from FFMPEG_PATH\\)`),
    );
  });

  it('refuses a program that is not ffmpeg, quoting what it printed', async () => {
    const file = path.join(tempDir(), 'ffmpeg');
    fs.writeFileSync(file, '#!/bin/sh\necho "Hello from an impostor"\n', { mode: 0o755 });
    await expect(findMediaTool('ffmpeg', env({ FFMPEG_PATH: file }))).rejects.toThrow(
      `ffmpeg is not ffmpeg: "-version" printed "Hello from an impostor": ${file} (from FFMPEG_PATH)`,
    );
  });

  it('refuses a binary that claims to be ffmpeg but cannot encode', async () => {
    const file = path.join(tempDir(), 'ffmpeg');
    fs.writeFileSync(file, '#!/bin/sh\necho "ffmpeg version 6.1 Copyright"\n[ "$1" = "-version" ] || exit 1\n', {
      mode: 0o755,
    });
    await expect(findMediaTool('ffmpeg', env({ FFMPEG_PATH: file }))).rejects.toThrow(/failed a one-frame test encode/);
  });

  it('accepts the real ffmpeg from FFMPEG_PATH and reads its version and encoders from it', async () => {
    const real = locateCandidates('ffmpeg', env({ FFMPEG_PATH: '' })).at(0);
    expect(real, 'an ffmpeg must be installed (bundled, on PATH or the fallback package)').toBeDefined();
    const tool = await findMediaTool('ffmpeg', env({ FFMPEG_PATH: real!.path }));
    expect(tool).toMatchObject({ path: real!.path, origin: 'env', tool: 'ffmpeg' });
    expect(tool.version.major).toBeGreaterThanOrEqual(4);
    expect(tool.capabilities?.encoders).toContain('libx264');
    expect(tool.capabilities?.encoders).toContain('aac');
    expect(tool.capabilities?.dashOptions).toContain('hls_playlist');
    expect(tool.capabilities?.hlsOptions).toContain('hls_segment_type');
  });

  it('passes every ffmpeg installed here (system and packaged builds of different versions)', async () => {
    const candidates = locateCandidates('ffmpeg', env({ FFMPEG_PATH: '' }));
    for (const candidate of candidates) {
      const tool = await findMediaTool('ffmpeg', env({ FFMPEG_PATH: candidate.path }));
      expect(tool.capabilities?.encoders, candidate.path).toContain('libx264');
    }
  });

  it('without FFMPEG_PATH, takes candidates in order: PATH, then the bundled package', async () => {
    const candidates = locateCandidates('ffmpeg', env({ FFMPEG_PATH: '' }));
    const order = ['path', 'bundled'];
    const origins = candidates.map((c) => c.origin);
    expect(origins).toEqual([...origins].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(origins).toContain('bundled'); // @ffmpeg-installer ships its binary in the npm package
    const found = await findMediaTool('ffmpeg', env({ FFMPEG_PATH: '' }));
    expect(found.path).toBe(candidates[0]?.path);
  });

  it('on a machine with no ffmpeg installed, uses the bundled pair, whose ffprobe reads MPEG-TS', async () => {
    const bare = env({ PATH: '', FFMPEG_PATH: '', FFPROBE_PATH: '' });
    const found = await resolveMediaTools(bare);
    expect(found).toMatchObject({
      matched: true,
      ffmpeg: { origin: 'bundled', from: '@ffmpeg-installer/ffmpeg' },
      ffprobe: { origin: 'bundled', from: bundledPackages(process.platform, process.arch).ffprobe.bundled },
    });
    const ffmpeg = await findMediaTool('ffmpeg', bare);
    expect(ffmpeg.capabilities?.encoders).toContain('libx264');
    // The check made an MPEG-TS clip with this ffmpeg and had this ffprobe read it.
    expect((await findMediaTool('ffprobe', bare)).skipped).toBeUndefined();
  });

  // A shell script stands in for a broken ffprobe, and the PATH directory holds a link.
  it.skipIf(process.platform === 'win32')(
    "prefers the bundled pair to mixing a system ffmpeg with the bundled ffprobe when the system's ffprobe crashes",
    async () => {
      const dir = tempDir();
      const systemFfmpeg = locateCandidates('ffmpeg', env({ FFMPEG_PATH: '' })).at(0);
      expect(systemFfmpeg, 'an ffmpeg must be installed').toBeDefined();
      fs.symlinkSync(systemFfmpeg!.path, path.join(dir, 'ffmpeg'));
      fs.writeFileSync(path.join(dir, 'ffprobe'), crashingFfprobe, { mode: 0o755 });
      const found = await resolveMediaTools(env({ PATH: dir, FFMPEG_PATH: '', FFPROBE_PATH: '' }));
      expect(found).toMatchObject({
        matched: true,
        ffmpeg: { origin: 'bundled' },
        ffprobe: {
          origin: 'bundled',
          skipped: [
            `ffprobe crashed (SIGSEGV) reading a TS test file: ${dir}/ffprobe (from PATH). Reinstall Ferry's dependencies (npm install), install ffprobe on your PATH, or set FFPROBE_PATH.`,
          ],
        },
      });
    },
  );

  it('refuses an ffprobe that passes -version but crashes on an MPEG-TS file', async () => {
    const file = path.join(tempDir(), 'ffprobe');
    fs.writeFileSync(file, crashingFfprobe, { mode: 0o755 });
    await expect(findMediaTool('ffprobe', env({ FFPROBE_PATH: file }))).rejects.toThrow(
      `ffprobe crashed (SIGSEGV) reading a TS test file: ${file} (from FFPROBE_PATH)`,
    );
  });

  it('finds ffprobe and reads its version', async () => {
    const found = await findMediaTool('ffprobe', env({ FFPROBE_PATH: '' }));
    expect(found.tool).toBe('ffprobe');
    expect(found.version.raw.length).toBeGreaterThan(0);
  });
});
