/**
 * Queue operations beside the claim-and-transition cycle of VideoStore: reordering, removing,
 * and the reads the scheduler and housekeeping need (when the next retry is due, the queue's
 * download speed, which videos' outputs have passed their scheduledDeletion).
 */
import type Database from 'better-sqlite3';

export class QueueEdits {
  private readonly nextRetryStmt: Database.Statement;
  private readonly speedStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.nextRetryStmt = db
      .prepare(
        `SELECT MIN(at) FROM (
           SELECT MIN(next_attempt_at) AS at FROM videos
            WHERE state = 'queued' AND lease_owner IS NULL AND next_attempt_at > @now
           UNION ALL
           SELECT MIN(next_attempt_at) FROM videos
            WHERE stage = 'deliver' AND state = 'ready' AND lease_owner IS NULL AND next_attempt_at > 0)`,
      )
      .pluck();
    this.speedStmt = db.prepare("SELECT COALESCE(SUM(speed), 0) FROM videos WHERE state = 'downloading'").pluck();
  }

  /** Puts a video ahead of every other at its stage. Answers false when there is no such video. */
  moveToTop(uid: string): boolean {
    const result = this.db
      .prepare('UPDATE videos SET priority = (SELECT MAX(priority) FROM videos) + 1, modified = ? WHERE uid = ?')
      .run(new Date().toISOString(), uid);
    return result.changes === 1;
  }

  /** Every video's uid, oldest first ("all" in a selection). */
  allUids(): string[] {
    return this.db.prepare('SELECT uid FROM videos ORDER BY seq').pluck().all() as string[];
  }

  /** Deletes videos with their history and pending webhooks (cascade). Answers how many went. */
  remove(uids: readonly string[]): number {
    const del = this.db.prepare('DELETE FROM videos WHERE uid = ?');
    const run = this.db.transaction(() => uids.reduce((n, uid) => n + del.run(uid).changes, 0));
    return run.immediate();
  }

  /**
   * The earliest automatic retry (of a stage or of a delivery) still waiting for its time, epoch ms.
   * A delivery's retry counts until it is claimed, even once due: one that fell due between the
   * scheduler's claims and this look must still wake it, and nothing else holds a due delivery back.
   */
  nextRetryAt(now = Date.now()): number | undefined {
    return (this.nextRetryStmt.get({ now }) as number | null) ?? undefined;
  }

  /** Makes a video wait before its next attempt (shown as status.nextAttemptAt). */
  setNextAttempt(uid: string, at: number): void {
    this.db
      .prepare('UPDATE videos SET next_attempt_at = ?, modified = ? WHERE uid = ?')
      .run(at, new Date().toISOString(), uid);
  }

  /** Bytes per second over every running download. */
  downloadSpeed(): number {
    return this.speedStmt.get() as number;
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
