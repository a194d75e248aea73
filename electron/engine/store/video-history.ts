/**
 * Each video's history: every claim, state change, retry, dropped outcome and attempt of its
 * webhooks, in order. Written inside the transactions that make those changes, where there is one.
 */
import type Database from 'better-sqlite3';
import type { VideoEvent } from '../../../shared/api';

export class VideoHistory {
  private readonly insertStmt: Database.Statement;
  private readonly seqStmt: Database.Statement;
  private readonly listStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare('INSERT INTO video_events (video_seq, at, type, data) VALUES (?, ?, ?, ?)');
    this.seqStmt = db.prepare('SELECT seq FROM videos WHERE uid = ?').pluck();
    this.listStmt = db.prepare(
      `SELECT e.at, e.type, e.data FROM video_events e JOIN videos v ON v.seq = e.video_seq
        WHERE v.uid = ? ORDER BY e.id`,
    );
  }

  /** By the video's row number, for writers that already hold its row. */
  add(seq: number, type: string, data: Record<string, unknown>): void {
    this.insertStmt.run(seq, new Date().toISOString(), type, JSON.stringify(data));
  }

  /** By uid; a video that is gone (removed) has no history to add to. */
  record(uid: string, type: string, data: Record<string, unknown>): void {
    const seq = this.seqStmt.get(uid) as number | undefined;
    if (seq !== undefined) this.add(seq, type, data);
  }

  of(uid: string): VideoEvent[] {
    const rows = this.listStmt.all(uid) as { at: string; type: string; data: string }[];
    return rows.map((r) => ({ at: r.at, type: r.type, data: JSON.parse(r.data) as Record<string, unknown> }));
  }
}
