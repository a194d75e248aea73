/**
 * Webhooks waiting to be sent. A webhook is written in the same transaction as the final state
 * it announces (see VideoStore.transition), so a crash can neither lose one nor create a second;
 * the sender (notify/send-webhooks.ts) takes due ones from here and records how each attempt went.
 */
import type Database from 'better-sqlite3';
import type { HiddenPath } from '../../../shared/hide-host-paths';
import { webhookVideo } from '../../../shared/shown-video';
import type { Video } from '../../../shared/video';

export interface PendingWebhook {
  id: number;
  uid: string;
  state: 'ready' | 'error';
  url: string;
  /** The exact text to sign and send: the Video object as it was when it reached its final state. */
  body: string;
  attempts: number;
}

/** How a webhook shows its video to the receiver: media URLs on the server while one serves them, no host path. */
export interface WebhookView {
  /** `ferry serve`'s base URL while it serves this engine's media; null when none does. */
  baseUrl(): string | null;
  /** The paths of this machine hidden in every text (the data directory, the home folder). */
  hidden: readonly HiddenPath[];
}

export class WebhookOutbox {
  private readonly urlStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly dueStmt: Database.Statement;
  private readonly holdStmt: Database.Statement;
  private readonly nextDueStmt: Database.Statement;
  private readonly pendingStmt: Database.Statement;
  private enqueued = 0;
  private view: WebhookView = { baseUrl: () => null, hidden: [] };

  constructor(private readonly db: Database.Database) {
    // Prepared once: the sender looks at the outbox after every finished piece of work.
    this.urlStmt = db.prepare("SELECT value FROM settings WHERE key = 'webhookUrl'").pluck();
    this.insertStmt = db.prepare('INSERT INTO webhook_deliveries (video_seq, state, url, body) VALUES (?, ?, ?, ?)');
    this.dueStmt = db.prepare(
      `SELECT w.id, v.uid, w.state, w.url, w.body, w.attempts FROM webhook_deliveries w
         JOIN videos v ON v.seq = w.video_seq
        WHERE w.outcome IS NULL AND w.next_attempt_at <= ? ORDER BY w.next_attempt_at, w.id LIMIT ?`,
    );
    this.holdStmt = db.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?');
    this.nextDueStmt = db.prepare('SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE outcome IS NULL').pluck();
    this.pendingStmt = db.prepare('SELECT COUNT(*) FROM webhook_deliveries WHERE outcome IS NULL').pluck();
  }

  /** Sets how webhooks show their videos (the engine, once it knows its data directory). */
  showAs(view: WebhookView): void {
    this.view = view;
  }

  /** Queues a POST of the video to the webhook URL in settings, if there is one. Call inside the transition's transaction. */
  enqueue(seq: number, readVideo: () => Video): void {
    const setting = this.urlStmt.get() as string | undefined;
    const url = setting ? (JSON.parse(setting) as string | null) : null;
    // Read only when sent: most users have no webhook, and a whole video is not small.
    if (!url) return;
    const video = readVideo();
    // The receiver is outside the local app: it gets the video as ferry serve's callers do
    // (shared/shown-video.ts), never a path of this machine nor a link's password.
    const shown = webhookVideo(video, this.view.baseUrl(), this.view.hidden);
    this.insertStmt.run(seq, video.status.state, url, JSON.stringify(shown));
    this.enqueued++;
  }

  /**
   * How many webhooks this process has queued so far: when it has not moved, the sender has
   * nothing new to look for (with no webhook URL, it never moves). Webhooks other processes queue
   * are found by the sender's regular look.
   */
  get enqueuedCount(): number {
    return this.enqueued;
  }

  /** Webhooks whose next attempt is due, oldest first. */
  due(now = Date.now(), limit = 20): PendingWebhook[] {
    return this.dueStmt.all(now, limit) as PendingWebhook[];
  }

  /**
   * Takes due webhooks for sending: in one write transaction, moves each one's next attempt to
   * `holdUntil`, so that another process sharing the data directory does not send the same ones
   * meanwhile, and a crash mid-send leaves them to be sent again from `holdUntil`.
   */
  take(now: number, limit: number, holdUntil: number): PendingWebhook[] {
    // Most looks find nothing: a read first spares them the write lock.
    if (this.due(now, 1).length === 0) return [];
    const run = this.db.transaction(() => {
      const taken = this.due(now, limit);
      for (const hook of taken) this.holdStmt.run(holdUntil, hook.id);
      return taken;
    });
    return run.immediate();
  }

  /** When the next undelivered webhook is due (epoch ms), or undefined when none is waiting. */
  nextDueAt(): number | undefined {
    const at = this.nextDueStmt.get() as number | null;
    return at ?? undefined;
  }

  /** Webhooks not yet delivered or given up on, whenever they are due. */
  pendingCount(): number {
    return this.pendingStmt.get() as number;
  }

  delivered(id: number, now = Date.now()): void {
    this.db
      .prepare(
        "UPDATE webhook_deliveries SET attempts = attempts + 1, outcome = 'delivered', finished_at = ?, last_error = NULL WHERE id = ?",
      )
      .run(new Date(now).toISOString(), id);
  }

  /** Records a failed attempt; with `nextAttemptAt` undefined the webhook is given up on. */
  failed(id: number, error: string, nextAttemptAt: number | undefined, now = Date.now()): void {
    const givenUp = nextAttemptAt === undefined;
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                outcome = ?, finished_at = ?
          WHERE id = ?`,
      )
      .run(error, nextAttemptAt ?? now, givenUp ? 'gave up' : null, givenUp ? new Date(now).toISOString() : null, id);
  }
}
