/**
 * Per-video deliveries: one row per video and target, with what a resumed upload needs (its URL,
 * the file size it was created for, the offset the server accepted) written as soon as known.
 */
import type Database from 'better-sqlite3';
import type { ErrorCode } from '../../../shared/error-codes';
import type { Delivery, DeliveryState } from '../../../shared/video';
import type { VideoChanges } from './video-changes';

export interface DeliveryRow {
  id: number;
  video_seq: number;
  target_id: string;
  mode: 'push' | 'pull';
  state: DeliveryState;
  upload_url: string | null;
  upload_size: number | null;
  upload_offset: number;
  /** The provider's resume state, JSON (PushState). */
  push_state: string | null;
  /** Bytes per PATCH after a 413 halved it; null: the stage's default. */
  chunk_size: number | null;
  remote_id: string | null;
  remote_state: string | null;
  playback_url: string | null;
  notice: string | null;
  pct: number;
  bytes_per_second: number;
  /** Status polls since the service took the video: the poll backoff's step. */
  polls: number;
  attempts: number;
  next_attempt_at: number;
  error_code: string | null;
  error_text: string | null;
}

export interface NewDelivery {
  targetId: string;
  mode: 'push' | 'pull';
  /** A delivery that cannot start (its target is gone) is created in error. */
  error?: string;
}

export function rowToDelivery(row: DeliveryRow): Delivery {
  const delivery: Delivery = {
    target: row.target_id,
    mode: row.mode,
    state: row.state,
    remoteId: row.remote_id,
    pctComplete: row.pct,
  };
  if (row.state === 'uploading' && row.bytes_per_second > 0) {
    delivery.bytesPerSecond = Math.round(row.bytes_per_second);
    if (row.upload_size !== null) {
      delivery.etaSeconds = Math.max(0, Math.ceil((row.upload_size - row.upload_offset) / row.bytes_per_second));
    }
  }
  if (row.remote_state !== null) delivery.remoteState = row.remote_state;
  if (row.playback_url !== null) delivery.playbackUrl = row.playback_url;
  if (row.notice !== null) delivery.notice = row.notice;
  if (row.error_text !== null) {
    delivery.errorReasonCode = (row.error_code ?? 'ERR_DELIVERY_FAILED') as ErrorCode;
    delivery.error = row.error_text;
  }
  return delivery;
}

const videoSeq = '(SELECT seq FROM videos WHERE uid = @uid)';

export class DeliveryStore {
  private readonly bySeqStmt: Database.Statement;
  private readonly progressStmt: Database.Statement;
  private readonly uidStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    /** A delivery's row is part of its Video object: each write changes that video. */
    private readonly changes: VideoChanges,
  ) {
    this.bySeqStmt = db.prepare('SELECT * FROM deliveries WHERE video_seq = ? ORDER BY id');
    this.progressStmt = db.prepare(
      'UPDATE deliveries SET upload_offset = ?, pct = ?, bytes_per_second = ?, modified = ? WHERE id = ?',
    );
    this.uidStmt = db
      .prepare('SELECT v.uid FROM deliveries d JOIN videos v ON v.seq = d.video_seq WHERE d.id = ?')
      .pluck();
  }

  /** Runs `work` in one transaction (a video becoming ready and its deliveries being queued). */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Queues deliveries for a video; targets it already has a delivery for are left as they are. */
  create(uid: string, deliveries: readonly NewDelivery[]): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO deliveries (video_seq, target_id, mode, state, error_code, error_text, created, modified)
       SELECT seq, @targetId, @mode, @state, @code, @text, @now, @now FROM videos WHERE uid = @uid`,
    );
    const now = new Date().toISOString();
    for (const d of deliveries) {
      insert.run({
        uid,
        targetId: d.targetId,
        mode: d.mode,
        state: d.error ? 'error' : 'queued',
        code: d.error ? 'ERR_DELIVERY_FAILED' : null,
        text: d.error ?? null,
        now,
      });
    }
    this.changes.note(uid);
  }

  /** The rows of one video, for the delivery stage. */
  rows(uid: string): DeliveryRow[] {
    return this.db
      .prepare(`SELECT * FROM deliveries WHERE video_seq = ${videoSeq} ORDER BY id`)
      .all({ uid }) as DeliveryRow[];
  }

  /** One video's deliveries as the Video object shows them. */
  ofVideo(seq: number): Delivery[] {
    return (this.bySeqStmt.all(seq) as DeliveryRow[]).map(rowToDelivery);
  }

  /** The deliveries of a page of videos, in one query. */
  ofVideos(seqs: readonly number[]): Map<number, Delivery[]> {
    const found = new Map<number, Delivery[]>();
    if (seqs.length === 0) return found;
    const rows = this.db
      .prepare('SELECT * FROM deliveries WHERE video_seq IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(seqs)) as DeliveryRow[];
    for (const row of rows) found.set(row.video_seq, [...(found.get(row.video_seq) ?? []), rowToDelivery(row)]);
    return found;
  }

  /** An attempt begins. */
  start(id: number, attempts: number): void {
    this.update(
      id,
      "state = 'uploading', attempts = @attempts, bytes_per_second = 0, error_code = NULL, error_text = NULL",
      { attempts },
    );
  }

  /** How this delivery goes after all (a pull target's video that must be pushed), and why. */
  setMode(id: number, mode: 'push' | 'pull', notice: string | null): void {
    this.update(id, 'mode = @mode, notice = @notice', { mode, notice });
  }

  /** What a push needs to resume besides its URL: the service's id and the provider's state. */
  savePushState(id: number, remoteId: string | null, state: Record<string, unknown>): void {
    this.update(id, 'remote_id = coalesce(@remoteId, remote_id), push_state = @state', {
      remoteId,
      state: JSON.stringify(state),
    });
  }

  /** The upload exists on the server: where, for which file size, and the provider's id for it. */
  saveUpload(id: number, url: string, size: number, remoteId: string): void {
    this.update(
      id,
      `upload_offset = CASE WHEN upload_url IS @url THEN upload_offset ELSE 0 END,
       upload_url = @url, upload_size = @size, remote_id = @remoteId`,
      { url, size, remoteId },
    );
  }

  /** Cheap, frequent: the offset the server accepted, the share sent and the speed. */
  saveProgress(id: number, offset: number, pct: number, bytesPerSecond: number): void {
    this.progressStmt.run(offset, pct, bytesPerSecond, new Date().toISOString(), id);
    this.noteChanged(id);
  }

  /** Done: a TUS server holds the file, or the service said the video is ready. */
  finish(id: number, remote: { word?: string; playbackUrl?: string } = {}): void {
    this.update(
      id,
      `state = 'ready', pct = 100, bytes_per_second = 0, upload_offset = coalesce(upload_size, upload_offset),
       remote_state = coalesce(@word, remote_state), playback_url = coalesce(@playbackUrl, playback_url),
       error_code = NULL, error_text = NULL`,
      { word: remote.word ?? null, playbackUrl: remote.playbackUrl ?? null },
    );
  }

  /**
   * The service has the video (pushed, or asked to pull it) and works on it: asked again at `at`.
   * `polls` counts the asks, for the backoff; the attempt count starts again for the status calls.
   */
  processing(
    id: number,
    remote: { remoteId: string; word: string | null; pct: number; at: number; polls: number },
  ): void {
    this.update(
      id,
      `state = 'processing', remote_id = @remoteId, remote_state = coalesce(@word, remote_state), pct = @pct,
       bytes_per_second = 0, next_attempt_at = @at, polls = @polls, attempts = 0`,
      remote,
    );
  }

  /** Asked again at `at` in the same state (a host that asked to wait, a status call that failed). */
  postpone(id: number, at: number, attempts?: number): void {
    this.update(id, 'next_attempt_at = @at, attempts = coalesce(@attempts, attempts)', {
      at,
      attempts: attempts ?? null,
    });
  }

  /** Waits for another attempt at `at` (epoch ms); `forgetUpload` starts a new upload then. */
  retryLater(id: number, at: number, options: { attempts: number; forgetUpload: boolean; chunkSize?: number }): void {
    const forget = options.forgetUpload ? ', upload_url = NULL, upload_size = NULL, upload_offset = 0, pct = 0' : '';
    this.update(
      id,
      `state = 'queued', next_attempt_at = @at, attempts = @attempts,
       chunk_size = coalesce(@chunkSize, chunk_size)${forget}`,
      { at, attempts: options.attempts, chunkSize: options.chunkSize ?? null },
    );
  }

  fail(id: number, text: string, word: string | null = null): void {
    this.update(
      id,
      `state = 'error', bytes_per_second = 0, remote_state = coalesce(@word, remote_state),
       error_code = 'ERR_DELIVERY_FAILED', error_text = @text`,
      { text, word },
    );
  }

  /** Stopped (pause, quit, kill): waits again, keeping its upload (or its place at the service) for the next attempt. */
  interrupt(id: number): void {
    this.update(
      id,
      "state = CASE state WHEN 'processing' THEN 'processing' ELSE 'queued' END, bytes_per_second = 0",
      {},
    );
  }

  /** Of these videos (null: all), those waiting for or in the deliver stage. */
  videosAtDeliverStage(uids: readonly string[] | null): string[] {
    return this.db
      .prepare(
        `SELECT uid FROM videos WHERE stage = 'deliver' AND state = 'ready'
            AND (@uids IS NULL OR uid IN (SELECT value FROM json_each(@uids)))`,
      )
      .pluck()
      .all({ uids: uids && JSON.stringify(uids) }) as string[];
  }

  /** Of these videos (null: all), the ready ones out of the deliver stage with a delivery in one of `states`. */
  videosWithDeliveries(states: readonly DeliveryState[], uids: readonly string[] | null): string[] {
    return this.db
      .prepare(
        `SELECT DISTINCT v.uid FROM deliveries d JOIN videos v ON v.seq = d.video_seq
          WHERE d.state IN (SELECT value FROM json_each(@states)) AND v.state = 'ready' AND v.stage = 'done'
            AND (@uids IS NULL OR v.uid IN (SELECT value FROM json_each(@uids)))`,
      )
      .pluck()
      .all({ states: JSON.stringify(states), uids: uids && JSON.stringify(uids) }) as string[];
  }

  /** Deliveries of this video that are neither ready nor failed go again now, with fresh attempts. */
  reschedule(uid: string): number {
    this.changes.note(uid);
    return this.db
      .prepare(
        `UPDATE deliveries SET state = CASE state WHEN 'processing' THEN 'processing' ELSE 'queued' END,
                attempts = 0, next_attempt_at = 0, modified = @now
          WHERE video_seq = ${videoSeq} AND state IN ('queued', 'uploading', 'processing')`,
      )
      .run({ uid, now: new Date().toISOString() }).changes;
  }

  /**
   * Failed deliveries of this video go again, with fresh attempts. One the service itself failed
   * (it had said something about it) starts from nothing; one that failed on the way keeps its upload.
   */
  requeueFailed(uid: string): number {
    this.changes.note(uid);
    return this.db
      .prepare(
        `UPDATE deliveries SET state = 'queued', attempts = 0, next_attempt_at = 0, polls = 0, error_code = NULL,
                error_text = NULL, modified = @now,
                upload_url = CASE WHEN remote_state IS NULL THEN upload_url END,
                upload_offset = CASE WHEN remote_state IS NULL THEN upload_offset ELSE 0 END,
                push_state = CASE WHEN remote_state IS NULL THEN push_state END,
                remote_id = CASE WHEN remote_state IS NULL THEN remote_id END,
                playback_url = NULL, pct = CASE WHEN remote_state IS NULL THEN pct ELSE 0 END,
                remote_state = NULL
          WHERE video_seq = ${videoSeq} AND state = 'error'`,
      )
      .run({ uid, now: new Date().toISOString() }).changes;
  }

  /**
   * This video's delivery to `targetId` starts again from nothing (a new upload, a new id at the
   * service): asked for again after it finished or failed, e.g. the video was deleted at the
   * service. A delivery still at work is left as it is. Answers whether one was sent again.
   */
  sendAgainFromStart(uid: string, targetId: string): boolean {
    this.changes.note(uid);
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET state = 'queued', attempts = 0, next_attempt_at = 0, polls = 0, error_code = NULL,
                  error_text = NULL, modified = @now, upload_url = NULL, upload_size = NULL, upload_offset = 0,
                  push_state = NULL, remote_id = NULL, remote_state = NULL, playback_url = NULL, notice = NULL,
                  pct = 0, bytes_per_second = 0
            WHERE video_seq = ${videoSeq} AND target_id = @targetId AND state IN ('ready', 'error')`,
        )
        .run({ uid, targetId, now: new Date().toISOString() }).changes > 0
    );
  }

  private update(id: number, set: string, params: Record<string, string | number | null>): void {
    this.db
      .prepare(`UPDATE deliveries SET ${set}, modified = @now WHERE id = @id`)
      .run({ ...params, id, now: new Date().toISOString() });
    this.noteChanged(id);
  }

  private noteChanged(id: number): void {
    if (!this.changes.listening) return;
    const uid = this.uidStmt.get(id) as string | undefined;
    if (uid !== undefined) this.changes.note(uid);
  }
}
