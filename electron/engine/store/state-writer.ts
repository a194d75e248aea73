/**
 * The one write of a video's state change, inside the caller's transaction: the row (with what
 * the change carries), its history, and the webhook a final state owes (the outbox row is written
 * in the same transaction, so a crash can neither lose one nor make a second).
 */
import type Database from 'better-sqlite3';
import type { Video } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import type { TransitionChange } from './queue-job';
import type { VideoHistory } from './video-history';
import type { VideoDoc, VideoRow } from './video-row';
import type { WebhookOutbox } from './webhook-outbox';

export class StateWriter {
  private readonly updateStmt: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly events: VideoHistory,
    private readonly outbox: WebhookOutbox,
    private readonly readVideo: (uid: string) => Video | undefined,
  ) {
    this.updateStmt = db.prepare(
      `UPDATE videos SET state = @to, stage = @stage, pct = @pct, error_code = @code, error_text = @text,
              doc = @doc, modified = @iso, next_attempt_at = @next, media_info = @mediaInfo,
              source_url = @sourceUrl, source_path = @sourcePath, speed = NULL, eta = NULL,
              attempts = CASE WHEN @attempts IS NOT NULL THEN @attempts
                              WHEN @stage = stage AND NOT @resetAttempts THEN attempts ELSE 0 END,
              lease_owner = CASE WHEN @release THEN NULL ELSE lease_owner END,
              lease_expires_at = CASE WHEN @release THEN NULL ELSE lease_expires_at END
        WHERE seq = @seq`,
    );
  }

  write(row: VideoRow, to: VideoState, change: TransitionChange): void {
    const doc = change.doc ? JSON.stringify({ ...(JSON.parse(row.doc) as VideoDoc), ...change.doc }) : row.doc;
    this.updateStmt.run({
      to,
      stage: change.stage ?? row.stage,
      pct: change.pctComplete ?? row.pct,
      code: to === 'error' ? (change.error?.code ?? row.error_code ?? 'ERR_UNKNOWN') : null,
      text: to === 'error' ? (change.error?.text ?? row.error_text) : null,
      doc,
      iso: new Date().toISOString(),
      next: change.nextAttemptAt ?? row.next_attempt_at,
      mediaInfo: change.mediaInfo ? JSON.stringify(change.mediaInfo) : row.media_info,
      sourceUrl: change.source?.url ?? row.source_url,
      sourcePath: change.source && 'path' in change.source ? (change.source.path ?? null) : row.source_path,
      release: change.releaseLease ? 1 : 0,
      resetAttempts: change.resetAttempts ? 1 : 0,
      attempts: change.attempts ?? null,
      seq: row.seq,
    });
    this.events.add(row.seq, 'state', {
      from: row.state,
      to,
      ...(change.stage && change.stage !== row.stage ? { stage: change.stage } : {}),
      ...(change.error ? { code: change.error.code, text: change.error.text } : {}),
    });
    if (to !== row.state && (to === 'ready' || to === 'error')) {
      this.outbox.enqueue(row.seq, () => this.readVideo(row.uid) as Video);
    }
  }
}
