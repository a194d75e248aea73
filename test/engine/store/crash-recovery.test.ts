import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { finished, spawnTs } from '../../helpers/spawn-ts';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const worker = path.join(import.meta.dirname, 'fixtures/claim-worker.ts');

describe('crash recovery', () => {
  it('returns a video claimed by a killed process to its stage at the next open, losing nothing', async () => {
    const dir = tempDir();
    const setup = openStore(dir);
    const uids = setup.store.insertMany(newLinks(5));
    setup.close();

    const child = spawnTs(worker, ['hold', dir]);
    const done = finished(child);
    let line = '';
    while (!line.includes('\n')) {
      const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
      line += chunk.toString();
    }
    const claimedUid = /claimed (\w+)/.exec(line)?.[1];
    expect(uids).toContain(claimedUid);

    // While the owner is alive, its claim is respected.
    const meanwhile = openStore(dir);
    expect(meanwhile.store.get(claimedUid!)?.status.state).toBe('downloading');
    expect(meanwhile.store.recoverInFlight()).toEqual([]);
    meanwhile.close();

    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const after = openStore(dir);
    expect(after.store.recoverInFlight()).toEqual([claimedUid]);
    expect(after.store.get(claimedUid!)?.status.state).toBe('queued');
    expect(after.store.list().total).toBe(5);
    expect(after.store.history(claimedUid!).map((e) => e.type)).toEqual(['claimed', 'recovered']);
    // Claimable again, in its original place in the queue.
    expect(after.store.claimNext('fetch', 30_000)?.video.uid).toBe(claimedUid);
    after.close();
  });
});
