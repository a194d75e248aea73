/**
 * The job store: videos and their queue fields in one SQLite table, with a per-video history.
 * Every write that decides ownership (claim, recovery, a stage's outcome) runs in a `BEGIN
 * IMMEDIATE` transaction, so two processes sharing a data directory can never both take the same
 * video, and a stage never overwrites what a user's command did meanwhile. Every commit that
 * changes a video says so in `changes`, for the change feed.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MediaInfo } from '../../../shared/media-info';
import type { FingerprintMatch, ListQuery, VideoEvent, VideoPage } from '../../../shared/api';
import { unknownVideoDetails, type Stage, type Video } from '../../../shared/video';
import { canTransition, IllegalTransitionError, type VideoState } from '../../../shared/video-states';
import { waitingState, workingState } from './stage-states';
import { DeliveryStore } from './delivery-store';
import { findByFingerprint } from './find-by-fingerprint';
import { HeaderSecretRows } from './header-secret-rows';
import { countByState, listVideos } from './list-videos';
import { LivePlaybackRows } from './live-playback';
import { recoverLeases } from './recover-leases';
import { StateWriter } from './state-writer';
import { decodeStoredHeaders, encodeStoredHeaders } from './stored-headers';
import { VideoChanges } from './video-changes';
import { VideoHistory } from './video-history';
import { rowToVideo, type VideoDoc, type VideoRow } from './video-row';
import { WebhookOutbox } from './webhook-outbox';
import type { Claim, ClaimedVideo, Found, NewVideo, QueueOptions, TransitionChange } from './queue-job';

export class VideoStore {
  // Prepared once: claims, transitions and lease checks run for every video at every stage.
  private readonly insertStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly progressStmt: Database.Statement;
  private readonly claimStmt: Database.Statement;
  private readonly waitingStmt: Database.Statement;
  private readonly heartbeatStmt: Database.Statement;
  private readonly leaseStmt: Database.Statement;
  private readonly stateStmt: Database.Statement;
  private readonly positionStmt: Database.Statement;
  /** The webhooks waiting to go out: written here with the final state, sent by notify/send-webhooks. */
  readonly outbox: WebhookOutbox;
  /** Each video's deliveries: shown in the Video object, worked by the deliver stage. */
  readonly deliveries: DeliveryStore;
  /** Links' references to their credentials in the vault (delivery/link-header-secrets). */
  readonly headerSecrets: HeaderSecretRows;
  /** A running transcode's live playback (the video plays while it is encoded). */
  readonly live: LivePlaybackRows;
  /** Which videos this store's commits changed, for whoever listens (the change feed). */
  readonly changes = new VideoChanges();
  private readonly events: VideoHistory;
  private readonly writer: StateWriter;

  private activeBySourceStmt: Database.Statement | undefined;

  constructor(
    private readonly db: Database.Database,
    readonly owner: string,
  ) {
    this.insertStmt = db.prepare(`
      INSERT INTO videos (uid, created, modified, name, source_kind, source_url, source_path, source_key, source_host,
                          request_headers, state, stage, priority, doc, ingest_options, fingerprint)
      VALUES (@uid, @now, @now, @name, @kind, @url, @path, @key, @host, @headers, 'queued', @stage, @priority, @doc,
              @options, @fingerprint)`);
    this.getStmt = db.prepare('SELECT * FROM videos WHERE uid = ?');
    this.progressStmt = db.prepare('UPDATE videos SET pct = ?, speed = ?, eta = ?, modified = ? WHERE uid = ?');
    const nextWaiting = `SELECT seq FROM videos
                          WHERE stage = @stage AND state = @from AND lease_owner IS NULL AND next_attempt_at <= @now
                            AND (source_host IS NULL OR source_host NOT IN (SELECT value FROM json_each(@hosts)))
                            AND (@only IS NULL OR uid IN (SELECT value FROM json_each(@only)))
                            AND uid NOT IN (SELECT value FROM json_each(@busy))
                          ORDER BY priority DESC, seq LIMIT 1`;
    this.waitingStmt = db.prepare(nextWaiting).pluck();
    this.claimStmt = db.prepare(
      `UPDATE videos
          SET state = @to, lease_owner = @owner, lease_expires_at = @expires, heartbeat_at = @now,
              attempts = attempts + 1, modified = @iso
        WHERE seq = (${nextWaiting})
        RETURNING *`,
    );
    this.heartbeatStmt = db.prepare(
      'UPDATE videos SET heartbeat_at = ?, lease_expires_at = ? WHERE uid = ? AND lease_owner = ?',
    );
    this.leaseStmt = db.prepare('SELECT lease_owner FROM videos WHERE uid = ?').pluck();
    this.stateStmt = db.prepare('SELECT state FROM videos WHERE uid = ?').pluck();
    this.positionStmt = db.prepare('SELECT state, stage FROM videos WHERE uid = ?');
    this.outbox = new WebhookOutbox(db);
    this.deliveries = new DeliveryStore(db, this.changes);
    this.headerSecrets = new HeaderSecretRows(db);
    this.live = new LivePlaybackRows(db, this.changes, owner);
    this.events = new VideoHistory(db);
    this.writer = new StateWriter(db, this.events, this.outbox, (uid) => this.get(uid));
  }

  /** Inserts all videos in one transaction and returns their uids, in order. */
  insertMany(videos: readonly NewVideo[]): string[] {
    const now = new Date().toISOString();
    const run = this.db.transaction(() => {
      const uids = videos.map((video) => {
        const uid = video.uid ?? randomUUID().replaceAll('-', '');
        const doc: VideoDoc = { ...unknownVideoDetails(), ...video.doc };
        if (video.name !== undefined) doc.meta = { ...doc.meta, name: video.name };
        this.insertStmt.run({
          uid,
          now,
          name: video.name ?? '',
          kind: video.source.kind,
          url: video.source.url ?? null,
          path: video.source.path ?? null,
          key: video.sourceKey ?? null,
          host: video.source.kind === 'url' && video.source.url ? new URL(video.source.url).host : null,
          headers: video.requestHeaders ? encodeStoredHeaders(video.requestHeaders) : null,
          stage: video.stage,
          priority: video.priority ?? 0,
          doc: JSON.stringify(doc),
          options: video.options ? JSON.stringify(video.options) : null,
          fingerprint: video.fingerprint ?? null,
        });
        return uid;
      });
      this.db.prepare("UPDATE video_counts SET n = n + ? WHERE state = 'queued'").run(uids.length);
      return uids;
    });
    // What the user adds must survive a power cut at once, not at the next checkpoint (one commit
    // per import, so the flush costs nothing that matters).
    this.db.pragma('synchronous = FULL');
    try {
      const uids = run.immediate();
      this.changes.noteMany(uids);
      return uids;
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  get(uid: string): Video | undefined {
    const row = this.getStmt.get(uid) as VideoRow | undefined;
    return row && rowToVideo(row, Date.now(), this.deliveries.ofVideo(row.seq));
  }

  /** Runs `work` in one transaction: many transitions of one command commit together (their own nest inside it). */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** What the probe found in the source (its duration, before any trim), or null before the probe. */
  mediaInfoOf(uid: string): MediaInfo | null {
    const row = this.getStmt.get(uid) as VideoRow | undefined;
    return row?.media_info ? (JSON.parse(row.media_info) as MediaInfo) : null;
  }

  /** What the user asked for that the Video object does not hold (QueueOptions). */
  optionsOf(uid: string): QueueOptions {
    const row = this.getStmt.get(uid) as VideoRow | undefined;
    return row?.ingest_options ? (JSON.parse(row.ingest_options) as QueueOptions) : {};
  }

  /** Just the state: what a stage checks after its work, to learn whether it was paused or canceled meanwhile. */
  stateOf(uid: string): VideoState | undefined {
    return this.stateStmt.get(uid) as VideoState | undefined;
  }

  /** Where a video is: its state and its stage, without reading the rest of it. */
  positionOf(uid: string): { state: VideoState; stage: Stage } | undefined {
    return this.positionStmt.get(uid) as { state: VideoState; stage: Stage } | undefined;
  }

  /** A video from the same source that is queued, in progress or finished (not failed or canceled). */
  findActiveBySourceKey(sourceKey: string): string | undefined {
    // Prepared once: an import of thousands of links asks this for every one of them.
    this.activeBySourceStmt ??= this.db
      .prepare("SELECT uid FROM videos WHERE source_key = ? AND state NOT IN ('error', 'canceled') LIMIT 1")
      .pluck();
    return this.activeBySourceStmt.get(sourceKey) as string | undefined;
  }

  /** The newest video per fingerprint whose file had that content. */
  findByFingerprint(fingerprints: readonly string[]): FingerprintMatch[] {
    return findByFingerprint(this.db, fingerprints);
  }

  list(query: ListQuery = {}): VideoPage {
    return listVideos(this.db, query, this.deliveries);
  }

  /** From the trigger-kept counts table: constant time however many videos there are. */
  countByState(): Record<VideoState, number> {
    return countByState(this.db);
  }

  /**
   * Atomically takes the next video waiting for `stage` (priority, then insertion order) and
   * moves it to the stage's working state under a lease held by this store's owner. Links from
   * `excludeHosts` are passed over (their host is at its limit, or asked us to slow down); with
   * `onlyUids`, only those videos are taken ("stop after current"); `busyUids` are never taken
   * (this process still runs work on them: paused and resumed elsewhere, they wait for it to stop).
   */
  claimNext(
    stage: Stage,
    leaseMs: number,
    now = Date.now(),
    filter: { excludeHosts?: readonly string[]; onlyUids?: readonly string[]; busyUids?: readonly string[] } = {},
  ): ClaimedVideo | undefined {
    const from = waitingState(stage);
    const to = workingState(stage);
    const match = {
      from,
      stage,
      now,
      hosts: JSON.stringify(filter.excludeHosts ?? []),
      only: filter.onlyUids ? JSON.stringify(filter.onlyUids) : null,
      busy: JSON.stringify(filter.busyUids ?? []),
    };
    // The scheduler asks every stage with a free slot after each finished piece of work, and
    // mostly there is nothing waiting: a plain read answers that without taking the write lock.
    if (this.waitingStmt.get(match) === undefined) return undefined;
    const claim = this.db.transaction(() => {
      const row = this.claimStmt.get({
        ...match,
        to,
        owner: this.owner,
        expires: now + leaseMs,
        iso: new Date(now).toISOString(),
      }) as VideoRow | undefined;
      if (row) this.events.add(row.seq, 'claimed', { stage, from, to, owner: this.owner });
      return row;
    });
    const row = claim.immediate();
    if (!row) return undefined;
    this.changes.note(row.uid);
    return {
      video: rowToVideo(row),
      attempts: row.attempts,
      storedHeaders: decodeStoredHeaders(row.request_headers),
      options: row.ingest_options ? (JSON.parse(row.ingest_options) as QueueOptions) : {},
      mediaInfo: row.media_info ? (JSON.parse(row.media_info) as MediaInfo) : null,
    };
  }

  /** Extends this owner's lease on a video it is working on. */
  heartbeat(uid: string, leaseMs: number, now = Date.now()): boolean {
    const result = this.heartbeatStmt.run(now, now + leaseMs, uid, this.owner);
    return result.changes === 1;
  }

  /** Which process holds the claim on a video, if any. */
  leaseHolder(uid: string): string | null {
    return (this.leaseStmt.get(uid) as string | null | undefined) ?? null;
  }

  /** The input's size as soon as the origin tells it, so "12 MiB of 80 MiB" can show while it downloads. */
  setInputSize(uid: string, bytes: number): void {
    this.db
      .prepare("UPDATE videos SET doc = json_set(doc, '$.size', ?), modified = ? WHERE uid = ?")
      .run(bytes, new Date().toISOString(), uid);
    this.changes.note(uid);
  }

  /** Cheap progress update: one indexed UPDATE, no history row. */
  setProgress(uid: string, pctComplete: number, live: { bytesPerSecond?: number; etaSeconds?: number } = {}): void {
    const speed = live.bytesPerSecond === undefined ? null : Math.round(live.bytesPerSecond);
    const eta = live.etaSeconds === undefined || !Number.isFinite(live.etaSeconds) ? null : Math.round(live.etaSeconds);
    this.progressStmt.run(pctComplete, speed, eta, new Date().toISOString(), uid);
    this.changes.note(uid);
  }

  /** Moves a video to another state, checked against the state machine. Throws when illegal. */
  transition(uid: string, to: VideoState, change: TransitionChange = {}): void {
    const run = this.db.transaction(() => {
      const row = this.getStmt.get(uid) as VideoRow | undefined;
      if (!row) throw new Error(`No video with uid ${uid}.`);
      if (row.state !== to && !canTransition(row.state, to)) throw new IllegalTransitionError(uid, row.state, to);
      this.writer.write(row, to, change);
    });
    run.immediate();
    this.changes.note(uid);
  }

  /**
   * Commits a stage's outcome: moves the video like `transition`, but only while it is as the
   * stage claimed it (in `claim.state` at `claim.stage`, under this store's lease), checked in the
   * same transaction. Otherwise someone moved it meanwhile (a pause, a cancel, a removal, from
   * this process or another): that stands, nothing is written, and the answer says where it was
   * found. `alongside` runs in the transaction, before the change (deliveries queued with ready).
   */
  commitClaimed(
    uid: string,
    claim: Claim,
    to: VideoState,
    change: TransitionChange,
    alongside?: () => void,
  ): { committed: true } | { committed: false; found: Found } {
    const run = this.db.transaction(() => {
      const row = this.getStmt.get(uid) as VideoRow | undefined;
      if (!row) return { committed: false as const, found: 'gone' as const };
      if (row.state !== claim.state || row.stage !== claim.stage || row.lease_owner !== this.owner) {
        const found = { state: row.state, stage: row.stage, owner: row.lease_owner };
        return { committed: false as const, found };
      }
      if (row.state !== to && !canTransition(row.state, to)) throw new IllegalTransitionError(uid, row.state, to);
      alongside?.();
      this.writer.write(row, to, change);
      return { committed: true as const };
    });
    const result = run.immediate();
    if (result.committed) this.changes.note(uid);
    return result;
  }

  /**
   * Flushes the write-ahead log into the database file, both synced: the queue's other commits
   * (synchronous=NORMAL) are durable against a power cut from here on.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Appends to a video's history (for example an ffmpeg stderr tail or a webhook attempt). */
  record(uid: string, type: string, data: Record<string, unknown>): void {
    this.events.record(uid, type, data);
  }

  history(uid: string): VideoEvent[] {
    return this.events.of(uid);
  }

  /**
   * Returns work whose owner died (a crash, a kill, a power cut) to the stage it was at, so that
   * it is claimed again. A lease held by a live process elsewhere is left alone until it expires.
   */
  recoverInFlight(now = Date.now()): string[] {
    const recovered = this.db.transaction(() => recoverLeases(this.db, this.events, this.owner, now)).immediate();
    this.changes.noteMany(recovered);
    return recovered;
  }
}
