import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import { tempDir } from '../helpers/temp-dir';
import { queueLinks } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry edit', () => {
  it("changes a video's metadata and serving fields, keeping the meta keys it did not name", async () => {
    const dataDir = tempDir();
    const [uid] = (await queueLinks(dataDir, ['https://cdn.example.test/a.mp4'])) as [string];
    const result = await runFerry([
      'edit',
      uid,
      '--meta',
      'name=Launch',
      '--require-signed-urls',
      '--allowed-origin',
      'example.com',
      '--allowed-origin',
      '*.example.org',
      '--creator',
      'team-7',
      '--thumbnail-pct',
      '0.5',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const video = JSON.parse(result.stdout) as Video;
    expect(video).toMatchObject({
      uid,
      meta: { name: 'Launch', 'downloaded-from': 'https://cdn.example.test/a.mp4' },
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      creator: 'team-7',
      thumbnailTimestampPct: 0.5,
    });
    const back = await runFerry([
      'edit',
      uid,
      '--no-require-signed-urls',
      '--creator',
      '',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(JSON.parse(back.stdout)).toMatchObject({
      requireSignedURLs: false,
      creator: null,
      meta: { name: 'Launch' },
    });
  });

  it('names the flag of a bad value, and exits 1 for a uid with no video', async () => {
    const dataDir = tempDir();
    const [uid] = (await queueLinks(dataDir, ['https://cdn.example.test/a.mp4'])) as [string];
    const bad = await runFerry(['edit', uid, '--thumbnail-pct', '3', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--thumbnail-pct: must be from 0 to 1');
    const origin = await runFerry(['edit', uid, '--allowed-origin', 'https://x y', '--data-dir', dataDir]);
    expect(origin.stderr).toContain('--allowed-origin: must be host names');
    const missing = await runFerry(['edit', 'f'.repeat(32), '--creator', 'x', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No video with uid ${'f'.repeat(32)}`);
  });
});
