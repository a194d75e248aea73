import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { listVideos } from './ferry-process';
import { runFerry } from './ferry-in-process';
import { tempDir } from '../helpers/temp-dir';

describe('ferry ingest', () => {
  it('turns files into ready videos, prints them as JSON, and exits 0', async () => {
    const media = tempDir();
    const dataDir = tempDir();
    const file = await make.standardDefinition43(media);
    const result = await runFerry([
      'ingest',
      file,
      '--data-dir',
      dataDir,
      '--json',
      '--name',
      'Board meeting',
      '--meta',
      'team=ops',
      '--ladder',
      '360,240',
      '--thumbnail-pct',
      '0.5',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const videos = JSON.parse(result.stdout) as Video[];
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({
      status: { state: 'ready', pctComplete: 100 },
      meta: { name: 'Board meeting', team: 'ops' },
      thumbnailTimestampPct: 0.5,
      input: { width: 640, height: 480 },
      source: { kind: 'file', path: file },
    });
    expect(videos[0]!.renditions.map((r) => r.name)).toEqual(['360p', '240p']);
    expect(fs.existsSync(videos[0]!.playback!.hls)).toBe(true);
    expect(videos[0]!.playback!.hls.startsWith(path.join(dataDir, 'library'))).toBe(true);
    // Not a terminal: one line per change on stderr, ending with the outcome.
    expect(result.stderr).toMatch(/Board meeting\s+\[#+\] 100% {2}ready/);

    const listed = await runFerry(['list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout).videos[0].uid).toBe(videos[0]!.uid);
  });

  it('exits 1 when any video fails, and still finishes the others', async () => {
    const media = tempDir();
    const good = await make.standardDefinition43(media);
    const bad = make.textFile(media);
    const result = await runFerry([
      'ingest',
      good,
      bad,
      path.join(media, 'missing.mp4'),
      '--data-dir',
      tempDir(),
      '--json',
      '--ladder',
      '240',
    ]);
    expect(result.code).toBe(1);
    const videos = JSON.parse(result.stdout) as Video[];
    expect(videos.map((v) => v.status.state)).toEqual(['ready', 'error']);
    expect(videos[1]!.status.errorReasonCode).toBe('ERR_NON_VIDEO');
    expect(result.stderr).toContain(`No such file: ${path.join(media, 'missing.mp4')}`);
    expect(result.stderr).toContain('failed: ERR_NON_VIDEO');
  });

  it('--no-transcode keeps the original as the output: no ladder, no manifest', async () => {
    const media = tempDir();
    const dataDir = tempDir();
    const file = await make.standardDefinition43(media);
    const result = await runFerry(['ingest', '--no-transcode', file, '--json', '--data-dir', dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const [video] = JSON.parse(result.stdout) as Video[];
    expect(video).toMatchObject({
      status: { state: 'ready' },
      downloads: { default: file },
      playback: null,
      renditions: [],
      readyToStream: true,
    });
    expect(fs.existsSync(path.join(dataDir, 'library', video!.uid, 'manifest'))).toBe(false);
  });

  it.each([
    [['ingest'], 'Which videos?'],
    [['ingest', 'a.mp4', '--ladder', 'huge'], '--ladder takes'],
    [['ingest', 'a.mp4', '--watermark-scale', '0.2'], '--watermark-scale needs --watermark IMAGE'],
    [['ingest', 'a.mp4', 'b.mp4', '--name', 'x'], '--name is for one input at a time'],
  ])('exits 2 for %j', async (args, message) => {
    const result = await runFerry([...args, '--data-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [['ingest', 'a.mp4', '--thumbnail-pct', '2'], '--thumbnail-pct: must be from 0 to 1'],
    [['ingest', 'a.mp4', '--ladder', '1080,20'], '--ladder: must be heights from 64 to 4320'],
    [['ingest', 'a.mp4', '--preset', 'turbo'], '--preset: must be one of fast, balanced, quality, veryslow'],
    [['ingest', 'a.mp4', '--codec', 'vp9'], '--codec: must be one of h264, hevc, av1'],
    [['ingest', 'a.mp4', '--max-size', '1.5'], '--max-size: must be a whole number of bytes'],
    [['ingest', 'a.mp4', '--max-duration=-3'], '--max-duration: must be a positive number of seconds'],
    [['ingest', 'a.mp4', '--thumbnail-pct', 'half'], '--thumbnail-pct takes a number, not "half"'],
    [
      ['ingest', 'a.mp4', '--watermark', 'logo.png', '--watermark-position', 'top'],
      '--watermark-position: must be one of',
    ],
    [
      ['ingest', 'a.mp4', '--watermark', 'logo.png', '--watermark-opacity', '1.5'],
      '--watermark-opacity: must be from 0',
    ],
    [['ingest', 'https://a.test/v.mp4', '--header', 'Bad Name: x'], '--header: header "Bad Name" is not a valid HTTP'],
    [['import', 'links.txt', '--thumbnail-pct', '2'], '--thumbnail-pct: must be from 0 to 1'],
  ])("refuses %j by the contract's schema, naming the flag, and queues nothing", async (args, message) => {
    const dataDir = tempDir();
    const result = await runFerry([...args, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(`See: ferry ${args[0]} --help`);
    expect(await listVideos(dataDir)).toEqual([]);
  });
});
