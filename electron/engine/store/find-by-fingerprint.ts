/**
 * The videos whose file had this content (store migration 9, shared/content-fingerprint.ts): the
 * newest one per fingerprint, whatever its state, so the UI can say "already in Ferry as …"
 * before the same file is queued again.
 */
import type Database from 'better-sqlite3';
import type { FingerprintMatch } from '../../../shared/api';

export function findByFingerprint(db: Database.Database, fingerprints: readonly string[]): FingerprintMatch[] {
  const rows = db
    .prepare(
      `SELECT fingerprint, uid, name, state FROM videos
        WHERE fingerprint IN (SELECT value FROM json_each(?))
        ORDER BY seq DESC`,
    )
    .all(JSON.stringify(fingerprints)) as FingerprintMatch[];
  const newest = new Map<string, FingerprintMatch>();
  for (const row of rows) if (!newest.has(row.fingerprint)) newest.set(row.fingerprint, row);
  return fingerprints.flatMap((fingerprint) => newest.get(fingerprint) ?? []);
}
