/**
 * The queries behind keeping links' credentials in the vault (delivery/link-header-secrets): which
 * rows still hold request headers in the older, all-clear form, which vault entries some videos
 * refer to, and which of them no video needs any more.
 */
import type Database from 'better-sqlite3';
import { scrubBackups } from './backup-before-migration';

/** Rows in the older form: `request_headers` is a flat object, without `clear`. */
const olderForm = `request_headers IS NOT NULL AND json_type(request_headers, '$.clear') IS NULL`;
const refOf = `json_extract(request_headers, '$.secret.ref')`;

export class HeaderSecretRows {
  constructor(private readonly db: Database.Database) {}

  /** Videos whose request headers are stored in the older form, in clear. */
  olderRows(): { uid: string; headers: string }[] {
    return this.db.prepare(`SELECT uid, request_headers AS headers FROM videos WHERE ${olderForm}`).all() as {
      uid: string;
      headers: string;
    }[];
  }

  /** Replaces a video's stored headers, if they are still in the older form (another process may have moved them). */
  rewrite(uid: string, stored: string | null): boolean {
    return (
      this.db.prepare(`UPDATE videos SET request_headers = ? WHERE uid = ? AND ${olderForm}`).run(stored, uid)
        .changes === 1
    );
  }

  /** Rewrites the file, so that moved credentials' old bytes stay neither in free pages nor in the WAL, nor in backups. */
  scrub(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    if (!this.db.memory) scrubBackups(this.db.name, [{ table: 'videos', column: 'request_headers', where: olderForm }]);
  }

  /** The vault references of these videos' headers. */
  refsOf(uids: readonly string[]): string[] {
    return this.db
      .prepare(
        `SELECT DISTINCT ${refOf} FROM videos
          WHERE uid IN (SELECT value FROM json_each(?)) AND ${refOf} IS NOT NULL`,
      )
      .pluck()
      .all(JSON.stringify(uids)) as string[];
  }

  /** Those of `refs` that no video refers to any more. */
  unused(refs: readonly string[]): string[] {
    const used = this.db.prepare(`SELECT 1 FROM videos WHERE ${refOf} = ? LIMIT 1`).pluck();
    return refs.filter((ref) => used.get(ref) === undefined);
  }
}
