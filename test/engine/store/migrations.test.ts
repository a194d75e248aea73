import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, NewerSchemaError } from '../../../electron/engine/store/migrations';
import { openDatabase } from '../../../electron/engine/store/open-database';
import { openStore, newLinks } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

describe('migrations', () => {
  it('creates the schema in an empty file, in WAL mode with foreign keys on', () => {
    const dir = tempDir();
    const { db, schemaVersion } = openDatabase(path.join(dir, 'ferry.db'));
    expect(schemaVersion).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
    db.close();
  });

  it('re-opens an existing database without re-running anything and keeps its videos', () => {
    const dir = tempDir();
    const first = openStore(dir);
    const [uid] = first.store.insertMany(newLinks(1));
    first.close();
    const second = openStore(dir);
    expect(second.schemaVersion).toBe(latestSchemaVersion);
    expect(second.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(latestSchemaVersion);
    expect(second.store.get(uid as string)?.meta.name).toBe('clip 0');
    second.close();
  });

  it('upgrades a database written by an older schema, keeping its rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    const old = new Database(file);
    expect(migrate(old, file, 1)).toBe(1);
    old
      .prepare(
        `INSERT INTO videos (uid, created, modified, name, source_kind, source_url, state, stage, doc)
       VALUES ('0123456789abcdef0123456789abcdef', 'x', 'x', 'old one', 'url', 'https://a.test/v.mp4', 'queued', 'fetch', '{"meta":{}}')`,
      )
      .run();
    old.close();

    const upgraded = openStore(dir);
    expect(upgraded.schemaVersion).toBe(latestSchemaVersion);
    // Version 2 added the history table: it works on the old row.
    upgraded.store.record('0123456789abcdef0123456789abcdef', 'note', { hello: 1 });
    expect(upgraded.store.history('0123456789abcdef0123456789abcdef')).toHaveLength(1);
    expect(upgraded.store.list().videos.map((v) => v.uid)).toEqual(['0123456789abcdef0123456789abcdef']);
    expect(upgraded.store.countByState().queued).toBe(1); // counts were filled from the existing rows
    upgraded.close();
  });

  it('upgrades delivery targets of version 5: has_credential says which had a clear credential, still there to move', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    const old = new Database(file);
    expect(migrate(old, file, 5)).toBe(5);
    const insert = old.prepare(
      `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, credential, created, modified)
       VALUES (?, ?, 'tus', 'tus', 'https://tus.test/files/', ?, 'x', 'x')`,
    );
    insert.run('a', 'with', 'Bearer old');
    insert.run('b', 'without', null);
    old.close();

    const { db } = openDatabase(file);
    // The engine moves the credential into its vault when it opens (delivery/target-credentials).
    expect(db.prepare('SELECT id, has_credential, credential FROM delivery_targets ORDER BY id').all()).toEqual([
      { id: 'a', has_credential: 1, credential: 'Bearer old' },
      { id: 'b', has_credential: 0, credential: null },
    ]);
    db.close();
  });

  it('upgrades TUS targets and their deliveries of version 6 to push, keeping uploads to resume', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    const old = new Database(file);
    expect(migrate(old, file, 6)).toBe(6);
    old
      .prepare(
        `INSERT INTO videos (seq, uid, created, modified, name, source_kind, source_url, state, stage, doc)
         VALUES (1, '0123456789abcdef0123456789abcdef', 'x', 'x', 'v', 'url', 'https://a.test/v.mp4', 'ready', 'deliver', '{"meta":{}}')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, has_credential, created, modified)
         VALUES ('t', 'archive', 'tus', 'tus', 'https://tus.test/files/', 1, 'x', 'x')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO deliveries (video_seq, target_id, mode, state, upload_url, upload_size, upload_offset, remote_id, created, modified)
         VALUES (1, 't', 'tus', 'uploading', 'https://tus.test/files/u1', 100, 40, 'u1', 'x', 'x')`,
      )
      .run();
    old.close();

    const { db } = openDatabase(file);
    expect(db.prepare('SELECT mode, send, ready_when, has_credential FROM delivery_targets').get()).toEqual({
      mode: 'push',
      send: 'mp4',
      ready_when: 'complete',
      has_credential: 1,
    });
    expect(db.prepare('SELECT mode, upload_url, upload_offset, remote_id, push_state FROM deliveries').get()).toEqual({
      mode: 'push',
      upload_url: 'https://tus.test/files/u1',
      upload_offset: 40,
      remote_id: 'u1',
      push_state: null,
    });
    db.close();
  });

  it('refuses a database from a newer Ferry with a clear error, and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ferry.db');
    openDatabase(file).db.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')").run();
    db.close();

    expect(() => openDatabase(file)).toThrow(NewerSchemaError);
    expect(() => openDatabase(file)).toThrow(/schema version 99.*Update Ferry/);
    const check = new Database(file);
    expect(check.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(99);
    check.close();
  });
});
