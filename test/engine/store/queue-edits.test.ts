import { describe, expect, it } from 'vitest';
import { QueueEdits } from '../../../electron/engine/store/queue-edits';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

describe('the next retry the scheduler waits for', () => {
  it('counts a retry due after the last claims, even once its time has passed, and none claimed since', () => {
    const { db, store, close } = openStore(tempDir());
    const edits = new QueueEdits(db, store.changes);
    const [waiting, delivering] = store.insertMany(newLinks(2)) as [string, string];
    const at = Date.now() + 1000;
    store.claimNext('fetch', 30_000);
    store.transition(waiting, 'queued', { releaseLease: true, nextAttemptAt: at });
    expect(edits.nextRetryAt(at - 500)).toBe(at);
    // Due before the claims: they offered it a slot, so it is not waited for.
    expect(edits.nextRetryAt(at)).toBeUndefined();

    // A delivery's retry waits at the deliver stage, in state ready.
    store.claimNext('fetch', 30_000);
    store.transition(delivering, 'queued', { stage: 'probe', releaseLease: true });
    store.claimNext('probe', 30_000);
    store.transition(delivering, 'ready', { stage: 'deliver', releaseLease: true, nextAttemptAt: at - 200 });
    expect(edits.nextRetryAt(at - 500)).toBe(at - 200);

    // Claimed meanwhile: no longer waiting.
    store.claimNext('deliver', 30_000, at);
    expect(edits.nextRetryAt(at - 500)).toBe(at);
    close();
  });
});
