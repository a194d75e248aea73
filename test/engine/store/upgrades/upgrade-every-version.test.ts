/**
 * A data directory made by every earlier schema version opens with today's Ferry, migrates, and
 * keeps every video, history entry, setting, delivery target with its credential, and delivery.
 * Built from the migrations themselves (migrate up to N, then that version's seed), so the next
 * migration is covered once it has a seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/engine/api/dispatch';
import { createEngine } from '../../../../electron/engine/create-engine';
import { FileVault } from '../../../../electron/engine/delivery/file-vault';
import { backupPath } from '../../../../electron/engine/store/backup-before-migration';
import {
  currentSchemaVersion,
  latestSchemaVersion,
  migrate,
  migrations,
} from '../../../../electron/engine/store/migrations';
import { tempDir } from '../../../helpers/temp-dir';
import { seedsByVersion } from './seeds-by-version';

// The latest too: its seed is checked against today's reading of it, ready for when it is an earlier one.
const versions = migrations.map((m) => m.version);

async function value<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const answer = await reply;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

describe('upgrading a data directory made by an earlier Ferry', () => {
  it('has a seed for every schema version', () => {
    const missing = migrations.map((m) => m.version).filter((v) => !seedsByVersion[v]);
    expect(
      missing,
      `Add a seed for schema version(s) ${missing.join(', ')} in test/engine/store/upgrades/seeds-by-version.ts: ` +
        'the rows a Ferry of that version writes, so that upgrading from it is tested.',
    ).toEqual([]);
  });

  it.each(versions)('from schema version %i: keeps every video, delivery, credential and setting', async (version) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'ferry.db');
    const old = new Database(file);
    expect(migrate(old, file, version)).toBe(version);
    const seeded = old.transaction(() => seedsByVersion[version]!(old, dataDir))();
    old.close();

    const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    try {
      const videos = await value(dispatch(engine, 'getMany', { uids: seeded.videos.map((v) => v.uid) }));
      expect(videos.map((v) => ({ uid: v.uid, name: v.meta.name, state: v.status.state }))).toEqual(
        seeded.videos.map((v) => ({ uid: v.uid, name: v.name, state: v.state })),
      );
      expect(videos.find((v) => v.status.state === 'error')?.status.errorReasonCode).toBe('ERR_FETCH_NOT_FOUND');
      for (const entry of seeded.history) {
        const history = await value(dispatch(engine, 'history', { uid: entry.uid }));
        expect(history.map((e) => e.type)).toContain(entry.type);
      }
      const settings = await value(dispatch(engine, 'getSettings', undefined));
      expect(settings).toMatchObject(seeded.settings);

      const targets = await value(dispatch(engine, 'listTargets', undefined));
      expect(targets.map((t) => ({ id: t.id, name: t.name, hasCredential: t.hasCredential }))).toEqual(
        seeded.targets.map((t) => ({ id: t.id, name: t.name, hasCredential: t.credential !== null })),
      );
      const vault = new FileVault(dataDir);
      for (const target of seeded.targets) expect(vault.get(target.id)).toBe(target.credential);
      const deliveries = videos.flatMap((v) =>
        v.deliveries.map((d) => ({ uid: v.uid, targetId: d.target, state: d.state })),
      );
      expect(deliveries).toEqual(seeded.deliveries);
    } finally {
      engine.close();
    }

    if (version === latestSchemaVersion) return;
    // Before migrating, the database as that version left it was backed up beside it.
    const backup = new Database(backupPath(file, version), { readonly: true });
    expect(currentSchemaVersion(backup)).toBe(version);
    expect(backup.prepare('SELECT COUNT(*) FROM videos').pluck().get()).toBe(seeded.videos.length);
    backup.close();
    expect(fs.statSync(backupPath(file, version)).mode & 0o077).toBe(0);
  });
});
