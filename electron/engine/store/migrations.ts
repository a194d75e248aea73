/**
 * The schema, as an ordered list of migrations. Each runs once, in its own transaction, and is
 * recorded in `schema_migrations`. Never edit a migration that has shipped: add the next one.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'videos',
    sql: `
      CREATE TABLE videos (
        seq              INTEGER PRIMARY KEY AUTOINCREMENT, -- insertion order
        uid              TEXT NOT NULL UNIQUE,
        created          TEXT NOT NULL,
        modified         TEXT NOT NULL,
        name             TEXT NOT NULL DEFAULT '',
        source_kind      TEXT NOT NULL CHECK (source_kind IN ('url', 'file')),
        source_url       TEXT,
        source_path      TEXT,
        source_key       TEXT,            -- normalised link or path, for duplicate detection
        request_headers  TEXT,            -- JSON; sent to the origin, never returned
        state            TEXT NOT NULL,
        pct              REAL NOT NULL DEFAULT 0,
        stage            TEXT NOT NULL,
        error_code       TEXT,
        error_text       TEXT,
        priority         INTEGER NOT NULL DEFAULT 0,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL DEFAULT 0, -- epoch ms
        lease_owner      TEXT,
        lease_expires_at INTEGER,
        heartbeat_at     INTEGER,
        doc              TEXT NOT NULL    -- JSON: the rest of the Video object
      );
      CREATE INDEX videos_claim ON videos (stage, state, priority DESC, seq) WHERE lease_owner IS NULL;
      CREATE INDEX videos_leased ON videos (lease_owner) WHERE lease_owner IS NOT NULL;
      CREATE INDEX videos_state ON videos (state, seq);
      CREATE INDEX videos_source_key ON videos (source_key) WHERE source_key IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'history, settings and state counts',
    sql: `
      CREATE TABLE video_events (
        id        INTEGER PRIMARY KEY,
        video_seq INTEGER NOT NULL REFERENCES videos (seq) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        type      TEXT NOT NULL,
        data      TEXT NOT NULL
      );
      CREATE INDEX video_events_video ON video_events (video_seq, id);
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      -- Kept current so that totals and the first page's count cost nothing, even on a cold
      -- database of 100,000 videos (a COUNT(*) there reads a whole index). Inserts are counted
      -- once per batch by VideoStore.insertMany, the only insert path: a per-row trigger
      -- doubled the time of a 100,000-video import. Updates and deletes are counted here.
      CREATE TABLE video_counts (state TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO video_counts (state, n)
        SELECT s.state, (SELECT COUNT(*) FROM videos v WHERE v.state = s.state)
          FROM (SELECT 'queued' AS state UNION ALL SELECT 'downloading' UNION ALL SELECT 'inprogress'
                UNION ALL SELECT 'ready' UNION ALL SELECT 'error' UNION ALL SELECT 'paused'
                UNION ALL SELECT 'canceled') s;
      CREATE TRIGGER videos_count_delete AFTER DELETE ON videos BEGIN
        UPDATE video_counts SET n = n - 1 WHERE state = OLD.state;
      END;
      CREATE TRIGGER videos_count_update AFTER UPDATE OF state ON videos WHEN NEW.state <> OLD.state BEGIN
        UPDATE video_counts SET n = n - 1 WHERE state = OLD.state;
        UPDATE video_counts SET n = n + 1 WHERE state = NEW.state;
      END;
    `,
  },
  {
    version: 3,
    name: 'ingest options and probe results',
    sql: `
      ALTER TABLE videos ADD COLUMN ingest_options TEXT; -- JSON: what the user asked for that the Video object does not hold (ladder)
      ALTER TABLE videos ADD COLUMN media_info TEXT;     -- JSON: the probe's findings, for the transcode stage
    `,
  },
  {
    version: 4,
    name: 'stage scheduling, live speed and webhooks',
    sql: `
      ALTER TABLE videos ADD COLUMN source_host TEXT; -- the link's host:port, for per-host download limits
      ALTER TABLE videos ADD COLUMN speed INTEGER;    -- bytes per second while downloading
      ALTER TABLE videos ADD COLUMN eta INTEGER;      -- seconds left in the working state, when known
      UPDATE videos SET source_host = lower(substr(
          substr(source_url, instr(source_url, '://') + 3), 1,
          instr(substr(source_url, instr(source_url, '://') + 3) || '/', '/') - 1))
        WHERE source_url IS NOT NULL AND source_kind = 'url';
      -- Webhooks waiting to be sent, written in the same transaction as the state they announce,
      -- so that a crash can neither lose one nor send one twice.
      CREATE TABLE webhook_deliveries (
        id              INTEGER PRIMARY KEY,
        video_seq       INTEGER NOT NULL REFERENCES videos (seq) ON DELETE CASCADE,
        state           TEXT NOT NULL,   -- the final state announced: ready or error
        url             TEXT NOT NULL,
        body            TEXT NOT NULL,   -- the exact bytes signed and sent
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0, -- epoch ms
        outcome         TEXT,            -- NULL while waiting, then 'delivered' or 'gave up'
        finished_at     TEXT,
        last_error      TEXT
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE outcome IS NULL;
    `,
  },
  {
    version: 5,
    name: 'delivery targets and deliveries',
    sql: `
      CREATE TABLE delivery_targets (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        provider   TEXT NOT NULL,
        mode       TEXT NOT NULL CHECK (mode IN ('tus', 'pull')),
        endpoint   TEXT NOT NULL,
        credential TEXT,           -- sent to the target only, never returned
        created    TEXT NOT NULL,
        modified   TEXT NOT NULL
      );
      -- One row per video and target. No foreign key to the target: a removed target's
      -- deliveries keep their outcome. The upload URL and offset are written as soon as they are
      -- known, so that a pause, a crash or a kill resumes the upload instead of sending it again.
      CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY,
        video_seq       INTEGER NOT NULL REFERENCES videos (seq) ON DELETE CASCADE,
        target_id       TEXT NOT NULL,
        mode            TEXT NOT NULL CHECK (mode IN ('tus', 'pull')),
        state           TEXT NOT NULL CHECK (state IN ('queued', 'uploading', 'processing', 'ready', 'error')),
        upload_url      TEXT,
        upload_size     INTEGER,          -- the file's size when the upload was created
        upload_offset   INTEGER NOT NULL DEFAULT 0,
        remote_id       TEXT,
        pct             REAL NOT NULL DEFAULT 0,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0, -- epoch ms
        error_code      TEXT,
        error_text      TEXT,
        created         TEXT NOT NULL,
        modified        TEXT NOT NULL,
        UNIQUE (video_seq, target_id)
      );
    `,
  },
  {
    version: 6,
    name: 'delivery target credentials leave the database',
    // The credential itself moves to the OS keychain (or the opt-in file) when the engine opens,
    // which SQL cannot do: the column stays, read only to move what an older Ferry stored there
    // and emptied then. Whether a target has a credential is now kept here.
    sql: `
      ALTER TABLE delivery_targets ADD COLUMN has_credential INTEGER NOT NULL DEFAULT 0;
      UPDATE delivery_targets SET has_credential = 1 WHERE credential IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'streaming services as delivery targets: push or pull, followed to ready',
    // SQLite cannot change a CHECK, so both tables are rebuilt: mode 'tus' becomes 'push'. The
    // targets gain what services need (account, library, index) and what to send; deliveries keep
    // what a resumed push needs besides its URL (push_state, JSON) and what the service said.
    sql: `
      CREATE TABLE delivery_targets_new (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        provider       TEXT NOT NULL,
        mode           TEXT NOT NULL CHECK (mode IN ('push', 'pull')),
        endpoint       TEXT NOT NULL,
        account        TEXT,
        library        TEXT,
        index_id       TEXT,
        send           TEXT NOT NULL DEFAULT 'mp4' CHECK (send IN ('mp4', 'original')),
        ready_when     TEXT NOT NULL DEFAULT 'complete' CHECK (ready_when IN ('playable', 'complete')),
        credential     TEXT,
        has_credential INTEGER NOT NULL DEFAULT 0,
        created        TEXT NOT NULL,
        modified       TEXT NOT NULL
      );
      INSERT INTO delivery_targets_new (id, name, provider, mode, endpoint, credential, has_credential, created, modified)
        SELECT id, name, provider, CASE mode WHEN 'tus' THEN 'push' ELSE mode END, endpoint, credential,
               has_credential, created, modified
          FROM delivery_targets;
      DROP TABLE delivery_targets;
      ALTER TABLE delivery_targets_new RENAME TO delivery_targets;

      CREATE TABLE deliveries_new (
        id               INTEGER PRIMARY KEY,
        video_seq        INTEGER NOT NULL REFERENCES videos (seq) ON DELETE CASCADE,
        target_id        TEXT NOT NULL,
        mode             TEXT NOT NULL CHECK (mode IN ('push', 'pull')),
        state            TEXT NOT NULL CHECK (state IN ('queued', 'uploading', 'processing', 'ready', 'error')),
        upload_url       TEXT,
        upload_size      INTEGER,
        upload_offset    INTEGER NOT NULL DEFAULT 0,
        push_state       TEXT,          -- the provider's own resume state (a token's video, a signature's inputs)
        chunk_size       INTEGER,       -- bytes per PATCH after a 413 (a proxy's body limit); NULL: the default
        remote_id        TEXT,
        remote_state     TEXT,          -- the service's own word for the video's state
        playback_url     TEXT,
        notice           TEXT,          -- e.g. why a pull target got a push
        pct              REAL NOT NULL DEFAULT 0,
        bytes_per_second REAL NOT NULL DEFAULT 0,
        polls            INTEGER NOT NULL DEFAULT 0,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL DEFAULT 0,
        error_code       TEXT,
        error_text       TEXT,
        created          TEXT NOT NULL,
        modified         TEXT NOT NULL,
        UNIQUE (video_seq, target_id)
      );
      INSERT INTO deliveries_new (id, video_seq, target_id, mode, state, upload_url, upload_size, upload_offset,
                                  remote_id, pct, attempts, next_attempt_at, error_code, error_text, created, modified)
        SELECT id, video_seq, target_id, CASE mode WHEN 'tus' THEN 'push' ELSE mode END, state, upload_url,
               upload_size, upload_offset, remote_id, pct, attempts, next_attempt_at, error_code, error_text,
               created, modified
          FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_new RENAME TO deliveries;
    `,
  },
  {
    version: 8,
    name: 'delivery targets saved over ferry serve stay on public addresses',
    // 0: the target was saved by a caller over ferry serve, and its requests may reach public
    // addresses only. Targets saved before were saved by the app or the CLI.
    sql: `
      ALTER TABLE delivery_targets ADD COLUMN private_networks INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 9,
    name: 'content fingerprints, to flag a file already in the library',
    // SHA-256 of the size and the first and last MiB (shared/content-fingerprint.ts): a browser
    // computes it in milliseconds on a file of any size. Videos added before have none.
    sql: `
      ALTER TABLE videos ADD COLUMN fingerprint TEXT;
      CREATE INDEX videos_fingerprint ON videos (fingerprint) WHERE fingerprint IS NOT NULL;
    `,
  },
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;

export class NewerSchemaError extends Error {
  constructor(
    readonly dbPath: string,
    readonly found: number,
  ) {
    super(
      `${dbPath} uses schema version ${found}, but this Ferry knows versions up to ${latestSchemaVersion}: ` +
        'it was written by a newer Ferry. Update Ferry, or use another data directory (--data-dir).',
    );
    this.name = 'NewerSchemaError';
  }
}

export function currentSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/** Brings the database up to `target` (default: the latest). Refuses a newer database. */
export function migrate(db: Database.Database, dbPath: string, target = latestSchemaVersion): number {
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const found = currentSchemaVersion(db);
    if (found > latestSchemaVersion) throw new NewerSchemaError(dbPath, found);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= found || migration.version > target) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return currentSchemaVersion(db);
  });
  return run.immediate();
}
