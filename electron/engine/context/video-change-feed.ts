/**
 * Coalesces video changes into batched `videos` events. The store says which videos its commits
 * changed (store/video-changes.ts); nothing else has to. However often a video changes, the UI
 * gets at most one message per flush interval (so no video updates more than ten times a
 * second), holding each changed video once, plus the new queue totals. A burst of thousands of
 * changes goes out as messages of at most `batchSize` videos, one per turn of the event loop, so
 * that reading them back never holds the engine's answers for long (~20 ms a batch).
 */
import type { FerryEvents, QueueTotals } from '../../../shared/api';
import type { Video } from '../../../shared/video';
import type { VideoStore } from '../store/video-store';

export type Emit = <E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]) => void;

const batchSize = 250;

export class VideoChangeFeed {
  private totalsChanged = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Changed videos not sent yet, in the order they changed; each once. */
  private readonly pending = new Set<string>();
  private next: NodeJS.Immediate | undefined;

  constructor(
    private readonly store: VideoStore,
    private readonly emit: Emit,
    private readonly totals: () => QueueTotals,
    private readonly intervalMs = 100,
    /** Whether anyone listens for an event: a headless run with nobody watching reads nothing back. */
    private readonly wanted: (event: keyof FerryEvents) => boolean = () => true,
  ) {
    store.changes.listen((kind) => (kind === 'removed' ? this.sendRemoved() : this.schedule()));
  }

  /** The queue changed as a whole (paused, low on disk): send the totals at the next flush. */
  touchTotals(): void {
    if (this.closed) return;
    this.totalsChanged = true;
    this.schedule();
  }

  /** Sends what changed: the first batch now, the rest one batch per turn, then the totals. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    const uids = this.store.changes.takeChanged();
    if (uids.length === 0 && !this.totalsChanged) return;
    this.totalsChanged = false;
    for (const uid of uids) this.pending.add(uid);
    if (!this.next) this.sendBatch();
  }

  private sendBatch(): void {
    this.next = undefined;
    if (this.closed) return;
    // The first `batchSize` in insertion order, without copying the whole set each turn.
    const batch: string[] = [];
    for (const uid of this.pending) {
      if (batch.length === batchSize) break;
      batch.push(uid);
    }
    for (const uid of batch) this.pending.delete(uid);
    if (this.wanted('videos')) {
      const videos = batch.map((uid) => this.store.get(uid)).filter((v): v is Video => v !== undefined);
      if (videos.length > 0) this.emit('videos', videos);
    }
    if (this.pending.size > 0) this.next = setImmediate(() => this.sendBatch());
    else if (this.wanted('totals')) this.emit('totals', this.totals());
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearImmediate(this.next);
    this.timer = undefined;
    this.next = undefined;
    this.store.changes.listen(undefined);
  }

  /** Removed videos go out at once: there is nothing to read back from the store. */
  private sendRemoved(): void {
    const uids = this.store.changes.takeRemoved();
    if (this.closed || uids.length === 0) return;
    this.emit('removed', uids);
    this.touchTotals();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }
}
