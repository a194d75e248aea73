/**
 * Which videos the store's commits changed (state, progress, claims, edits, deliveries) and
 * which it removed, for the change feed. Kept only once someone listens, so a store nobody
 * watches (a bench, a test, a one-off command) pays nothing; the listener is told once when the
 * first change arrives after it last took them, and reads them all when it flushes.
 */
export type ChangeListener = (kind: 'changed' | 'removed') => void;

export class VideoChanges {
  private changed = new Set<string>();
  private removed: string[] = [];
  private listener: ChangeListener | undefined;

  listen(listener: ChangeListener | undefined): void {
    this.listener = listener;
    this.changed.clear();
    this.removed = [];
  }

  get listening(): boolean {
    return this.listener !== undefined;
  }

  /** A commit changed this video. */
  note(uid: string): void {
    if (!this.listener) return;
    const first = this.changed.size === 0;
    this.changed.add(uid);
    if (first) this.listener('changed');
  }

  noteMany(uids: readonly string[]): void {
    for (const uid of uids) this.note(uid);
  }

  /** A commit removed these videos: there is nothing left to read back, so the listener hears at once. */
  noteRemoved(uids: readonly string[]): void {
    if (!this.listener || uids.length === 0) return;
    for (const uid of uids) this.changed.delete(uid);
    this.removed.push(...uids);
    this.listener('removed');
  }

  /** The videos changed since the last take; forgets them. */
  takeChanged(): string[] {
    const uids = [...this.changed];
    this.changed.clear();
    return uids;
  }

  /** The videos removed since the last take; forgets them. */
  takeRemoved(): string[] {
    const uids = this.removed;
    this.removed = [];
    return uids;
  }
}
