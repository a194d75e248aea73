/**
 * Queue operations beside the claim-and-transition cycle of VideoStore: reordering, removing,
 * and the reads the scheduler and housekeeping need (when the next retry is due, which videos'
 * outputs have passed their scheduledDeletion).
 */
import type Database from 'better-sqlite3';
import type { QueueMove } from '../../../shared/api';
import { QueueMoves } from './queue-moves';
import type { VideoChanges } from './video-changes';
import type { VideoDoc } from './video-row';

export class QueueEdits {
  private readonly nextRetryStmt: Database.Statement;
  private readonly moves: QueueMoves;

  constructor(
    private readonly db: Database.Database,
    /** The store's: reorders and removals are changes the feed must hear of. */
    private readonly changes: VideoChanges,
  ) {
    this.nextRetryStmt = db
      .prepare(
        `SELECT MIN(next_attempt_at) FROM videos
          WHERE lease_owner IS NULL AND next_attempt_at > @after
            AND (state = 'queued' OR (stage = 'deliver' AND state = 'ready'))`,
      )
      .pluck();
    this.moves = new QueueMoves(db);
  }

  /** Puts a video ahead of every other at its stage. Answers false when there is no such video. */
  moveToTop(uid: string): boolean {
    return this.move({ uid, to: 'top' });
  }

  /** Reorders the queue (queue-moves.ts). Answers false when a video named does not exist. */
  move(input: QueueMove): boolean {
    const moved = this.moves.move(input);
    if (moved) this.changes.note(input.uid);
    return moved;
  }

  /**
   * Rewrites a video's document with `change` (a pure function of the stored one) in one
   * transaction, keeping the name column (what search reads) in step with `meta.name`. Answers
   * false when there is no such video.
   */
  editDoc(uid: string, change: (doc: VideoDoc) => VideoDoc): boolean {
    const run = this.db.transaction(() => {
      const stored = this.db.prepare('SELECT doc FROM videos WHERE uid = ?').pluck().get(uid) as string | undefined;
      if (stored === undefined) return false;
      const doc = change(JSON.parse(stored) as VideoDoc);
      this.db
        .prepare('UPDATE videos SET doc = ?, name = ?, modified = ? WHERE uid = ?')
        .run(JSON.stringify(doc), doc.meta.name ?? '', new Date().toISOString(), uid);
      return true;
    });
    const edited = run.immediate();
    if (edited) this.changes.note(uid);
    return edited;
  }

  /** Every video's uid, oldest first ("all" in a selection). */
  allUids(): string[] {
    return this.db.prepare('SELECT uid FROM videos ORDER BY seq').pluck().all() as string[];
  }

  /** Deletes videos with their history and pending webhooks (cascade). Answers how many went. */
  remove(uids: readonly string[]): number {
    const del = this.db.prepare('DELETE FROM videos WHERE uid = ?');
    const run = this.db.transaction(() => uids.filter((uid) => del.run(uid).changes === 1));
    const removed = run.immediate();
    this.changes.noteRemoved(removed);
    return removed.length;
  }

  /**
   * The earliest automatic retry (of a stage or of a delivery) due after `after`, epoch ms. The
   * scheduler passes the time of its last claims: a retry due before then was offered a slot
   * there; one that fell due since must still wake it, even if its time has passed by now.
   */
  nextRetryAt(after: number): number | undefined {
    return (this.nextRetryStmt.get({ after }) as number | null) ?? undefined;
  }

  /** Ready videos whose scheduledDeletion has passed and whose outputs are still there. */
  expiredOutputs(now = Date.now()): string[] {
    return this.db
      .prepare(
        `SELECT uid FROM videos
          WHERE state = 'ready' AND json_extract(doc, '$.scheduledDeletion') IS NOT NULL
            AND json_extract(doc, '$.outputsDeletedAt') IS NULL
            AND json_extract(doc, '$.scheduledDeletion') <= ?`,
      )
      .pluck()
      .all(new Date(now).toISOString()) as string[];
  }

  /** Videos waiting in or working on any stage (the queue is empty when this is 0). */
  unfinishedCount(): number {
    return this.db
      .prepare("SELECT COALESCE(SUM(n), 0) FROM video_counts WHERE state IN ('queued', 'downloading', 'inprogress')")
      .pluck()
      .get() as number;
  }
}
