/**
 * The current batch, for the queue's overall progress bar: the videos added since the queue was
 * last empty (none waiting, working or paused), plus older ones brought back into it (resumed,
 * retried). Where it starts is kept in the settings table (first video's seq), so it survives a
 * restart and every process on the data directory agrees.
 */
import type Database from 'better-sqlite3';
import type { QueueBatch } from '../../../shared/api';

/** In the queue: not at an end yet. A paused video is still in the queue, and so in the batch. */
const inQueue = "('queued', 'downloading', 'inprogress', 'paused')";

const empty: QueueBatch = { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 };

export class QueueBatchStore {
  private readonly readStart: Database.Statement;
  private readonly writeStart: Database.Statement;
  private readonly firstInQueue: Database.Statement;
  private readonly nextSeq: Database.Statement;
  private readonly sums: Database.Statement;

  constructor(db: Database.Database) {
    this.readStart = db.prepare("SELECT value FROM settings WHERE key = 'queueBatch'").pluck();
    this.writeStart = db.prepare(
      "INSERT INTO settings (key, value) VALUES ('queueBatch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.firstInQueue = db.prepare(`SELECT MIN(seq) FROM videos WHERE state IN ${inQueue}`).pluck();
    this.nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM videos').pluck();
    // Downloaded bytes count links only (a file has nothing to download); a failed or canceled
    // download will not finish, so its bytes are in neither sum.
    this.sums = db.prepare(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(state IN ('ready', 'error', 'canceled')), 0) AS done,
              COALESCE(SUM(CASE WHEN counted THEN size END), 0) AS bytesTotal,
              COALESCE(SUM(CASE WHEN counted THEN (CASE WHEN stage = 'fetch' THEN size * pct / 100.0 ELSE size END) END), 0)
                AS bytesDone
         FROM (SELECT state, stage, pct, size,
                      source_kind = 'url' AND state NOT IN ('error', 'canceled') AND size > 0 AS counted
                 FROM (SELECT state, stage, pct, source_kind, json_extract(doc, '$.size') AS size
                         FROM videos WHERE seq >= @start
                       UNION ALL
                       SELECT state, stage, pct, source_kind, json_extract(doc, '$.size') AS size
                         FROM videos WHERE seq < @start AND state IN ${inQueue}))`,
    );
  }

  /**
   * Keeps the batch's start. Reading the totals must work on a full disk too (they say it is
   * full): then the start is not kept, and is worked out the same way at the next read.
   */
  private saveStart(seq: number): void {
    try {
      this.writeStart.run(String(seq));
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
    }
  }

  /**
   * The batch as it is now. With nothing in the queue the batch is over: the next video added
   * starts a new one. A data directory from before batches were kept starts its batch at the
   * oldest video still in the queue.
   */
  current(): QueueBatch {
    const first = this.firstInQueue.get() as number | null;
    const stored = this.readStart.get() as string | undefined;
    if (first === null) {
      const next = this.nextSeq.get() as number;
      if (stored !== String(next)) this.saveStart(next);
      return empty;
    }
    const start = stored === undefined ? first : Number(stored);
    if (stored === undefined) this.saveStart(start);
    const row = this.sums.get({ start }) as QueueBatch;
    return { ...row, bytesDone: Math.round(row.bytesDone), bytesTotal: Math.round(row.bytesTotal) };
  }
}
