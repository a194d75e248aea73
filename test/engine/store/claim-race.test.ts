import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, spawnTs } from '../../helpers/spawn-ts';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const worker = path.join(import.meta.dirname, 'fixtures/claim-worker.ts');

describe('claiming across processes', () => {
  it('gives each video to exactly one of two processes racing for the queue', async () => {
    const dir = tempDir();
    const setup = openStore(dir);
    const uids = setup.store.insertMany(newLinks(400));
    setup.close();

    const startAt = String(Date.now() + 4000);
    const [a, b] = await Promise.all([
      finished(spawnTs(worker, ['drain', dir, startAt])),
      finished(spawnTs(worker, ['drain', dir, startAt])),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const claimedA = a.stdout.split('\n').filter(Boolean);
    const claimedB = b.stdout.split('\n').filter(Boolean);
    // Both took part, nothing was claimed twice, nothing was left behind.
    expect(claimedA.length).toBeGreaterThan(0);
    expect(claimedB.length).toBeGreaterThan(0);
    expect(claimedA.filter((uid) => claimedB.includes(uid))).toEqual([]);
    expect([...claimedA, ...claimedB].sort()).toEqual([...uids].sort());

    const check = openStore(dir);
    expect(check.store.countByState().downloading).toBe(400);
    check.close();
  });
});
