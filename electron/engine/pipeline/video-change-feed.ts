/**
 * Coalesces video changes into batched `videos` events: however often a video changes, the UI
 * gets at most one message per flush interval, holding each changed video once, plus the new
 * queue totals.
 */
import type { FerryEvents } from '../../../shared/api';
import type { Video } from '../../../shared/video';
import type { VideoStore } from '../queue/video-store';

export type Emit = <E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]) => void;

export class VideoChangeFeed {
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: VideoStore,
    private readonly emit: Emit,
    private readonly intervalMs = 100,
  ) {}

  /** Marks a video as changed; it is read from the store and sent at the next flush. */
  touch(uid: string): void {
    if (this.closed) return;
    this.changed.add(uid);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.changed.size === 0) return;
    const videos = [...this.changed].map((uid) => this.store.get(uid)).filter((v): v is Video => v !== undefined);
    this.changed.clear();
    if (videos.length > 0) this.emit('videos', videos);
    const byState = this.store.countByState();
    this.emit('totals', { byState, total: Object.values(byState).reduce((a, b) => a + b, 0) });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.clear();
  }
}
