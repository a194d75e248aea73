/** `ferry doctor` runs both tools on a clip ffmpeg writes and ffprobe reads back, and says where each came from. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackages } from '../../../electron/engine/media/locate-media-tools';
import { runDoctor } from '../../../electron/engine/run-doctor';
import { tempDir } from '../../helpers/temp-dir';

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  FFMPEG_PATH: '',
  FFPROBE_PATH: '',
  ...vars,
});

const clipLines = {
  ffmpeg: [
    expect.stringMatching(/^wrote a 1-second MPEG-TS clip \((h264|mpeg4), aac\)$/),
    expect.stringMatching(/^wrote a 1-second MP4 clip \((h264|mpeg4), aac\)$/),
  ],
  ffprobe: [
    expect.stringMatching(/^read the MPEG-TS clip: 1\.0 s, 64x64, (h264|mpeg4) \+ aac$/),
    expect.stringMatching(/^read the MP4 clip: 1\.0 s, 64x64, (h264|mpeg4) \+ aac$/),
  ],
};

describe('ferry doctor on ffmpeg and ffprobe', () => {
  it('has the chosen pair write and read back a 1-second MPEG-TS and MP4 clip, and reports each tool', async () => {
    const report = await runDoctor(tempDir(), env({}));
    expect(report.ffmpeg).toMatchObject({ ok: true, trial: { ok: true, done: clipLines.ffmpeg } });
    expect(report.ffprobe).toMatchObject({ ok: true, trial: { ok: true, done: clipLines.ffprobe } });
    for (const tool of [report.ffmpeg, report.ffprobe]) {
      expect(tool.version).toMatch(/\d/);
      expect(fs.existsSync(tool.path ?? '')).toBe(true);
      expect(tool.candidates.filter((c) => c.chosen)).toEqual([expect.objectContaining({ path: tool.path, ok: true })]);
    }
    expect(report.toolPair).toBe('matched');
  });

  it('reports every bundled candidate too, and why one that does not work is not used', async () => {
    const report = await runDoctor(tempDir(), env({}));
    const bundled = report.ffprobe.candidates.find((c) => c.origin === 'bundled');
    expect(bundled).toMatchObject({ ok: true, from: bundledPackages(process.platform, process.arch).ffprobe.bundled });
    for (const candidate of [...report.ffmpeg.candidates, ...report.ffprobe.candidates]) {
      expect(candidate.ok ? candidate.version : candidate.error, candidate.path).toMatch(/\S/);
    }
    if (process.platform === 'linux' && process.arch === 'x64') {
      // @ffprobe-installer's linux-x64 build segfaults on MPEG-TS: the reason Linux used the system's.
      expect(report.ffprobe.candidates.find((c) => c.from === '@ffprobe-installer/ffprobe')).toMatchObject({
        ok: false,
        chosen: false,
        error: expect.stringContaining('ffprobe crashed (SIGSEGV) reading a TS test file'),
      });
    }
  });

  it('with no ffmpeg installed (empty PATH), picks the bundled pair and it passes the clip test', async () => {
    const report = await runDoctor(tempDir(), env({ PATH: '' }));
    expect(report).toMatchObject({
      toolPair: 'matched',
      ffmpeg: { ok: true, origin: 'bundled', from: '@ffmpeg-installer/ffmpeg', trial: { ok: true } },
      ffprobe: { ok: true, origin: 'bundled', trial: { ok: true, done: clipLines.ffprobe } },
    });
    expect(report.problems).toEqual([]);
  });

  // A shell script stands in for a broken ffprobe.
  it.skipIf(process.platform === 'win32')(
    'names an ffprobe from FFPROBE_PATH that crashes on MPEG-TS, and says Ferry cannot work',
    async () => {
      const ffprobe = path.join(tempDir(), 'ffprobe');
      fs.writeFileSync(
        ffprobe,
        '#!/bin/sh\ncase "$*" in *-version*) echo "ffprobe version 6.1 Copyright";; *.ts) kill -SEGV $$;; *) echo "{}";; esac\n',
        { mode: 0o755 },
      );
      const report = await runDoctor(tempDir(), env({ FFPROBE_PATH: ffprobe }));
      expect(report).toMatchObject({ ok: false, toolPair: 'incomplete', ffmpeg: { ok: true } });
      expect(report.ffprobe.ok).toBe(false);
      expect(report.problems).toContainEqual(
        expect.stringContaining(`ffprobe crashed (SIGSEGV) reading a TS test file: ${ffprobe} (from FFPROBE_PATH)`),
      );
    },
  );
});
