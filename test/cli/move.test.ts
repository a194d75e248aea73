import { describe, expect, it } from 'vitest';
import type { VideoPage } from '../../shared/api';
import { tempDir } from '../helpers/temp-dir';
import { queueLinks } from './ferry-process';
import { runFerry } from './ferry-in-process';

const links = ['a', 'b', 'c', 'd'].map((name) => `https://cdn.example.test/${name}.mp4`);

describe('ferry move and ferry list --sort queue', () => {
  it('reorders the waiting videos, and the list in queue order shows it', async () => {
    const dataDir = tempDir();
    const [a, b, c, d] = (await queueLinks(dataDir, links)) as [string, string, string, string];
    const ferry = async (...args: string[]) => {
      const result = await runFerry([...args, '--data-dir', dataDir]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.trim();
    };
    const order = async () =>
      (JSON.parse(await ferry('list', '--sort', 'queue', '--json')) as VideoPage).videos.map((v) => v.uid);

    expect(await order()).toEqual([a, b, c, d]);
    expect(await ferry('move', c, '--up')).toMatch(new RegExp(`^moved ${c} \\(.*c\\.mp4\\) up$`));
    expect(await order()).toEqual([a, c, b, d]);
    await ferry('move', a, '--bottom');
    await ferry('move', d, '--before', c);
    expect(await order()).toEqual([d, c, b, a]);
    // Without --sort, newest first as ever.
    expect((JSON.parse(await ferry('list', '--json')) as VideoPage).videos.map((v) => v.uid)).toEqual([d, c, b, a]);
  });

  it('says where a move needs to go, and which video is missing', async () => {
    const dataDir = tempDir();
    const [a] = (await queueLinks(dataDir, links.slice(0, 1))) as [string];
    const nowhere = await runFerry(['move', a, '--data-dir', dataDir]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('Say where to');
    const missing = 'f'.repeat(32);
    const gone = await runFerry(['move', a, '--before', missing, '--data-dir', dataDir]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`No video with uid ${missing}`);
    const badSort = await runFerry(['list', '--sort', 'size-ish', '--data-dir', dataDir]);
    expect(badSort.code).toBe(2);
    expect(badSort.stderr).toContain('--sort');
  });
});
