/**
 * The library's paths as the database holds them: a ready video's outputs (playback, MP4,
 * thumbnail…) and a clip's source are absolute paths into the library, so a library move
 * rewrites them, and waits until no work holds a claim before it copies anything.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';

/** `value` with every string under `from` (the folder itself or inside it) moved under `to`. Pure. */
export function movedPaths(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') {
    if (value === from) return to;
    return value.startsWith(from + path.sep) ? to + value.slice(from.length) : value;
  }
  if (Array.isArray(value)) return value.map((one) => movedPaths(one, from, to));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, one]) => [key, movedPaths(one, from, to)]));
  }
  return value;
}

export class LibraryPathsStore {
  private readonly leased: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.leased = db.prepare('SELECT COUNT(*) FROM videos WHERE lease_owner IS NOT NULL').pluck();
  }

  /** Videos some process is working on now (any stage), in this process or another. */
  claimedCount(): number {
    return this.leased.get() as number;
  }

  /**
   * Points every video's paths under `from` to the same files under `to`, in one transaction.
   * The user's own metadata is left as given. Running it again changes nothing (a restart after
   * a crash runs it again). Answers how many videos changed.
   */
  rewrite(from: string, to: string): number {
    // A path JSON would escape (a backslash, a quote) is looked for in every row instead.
    const escaped = from.replace(/[\\%_]/g, (c) => `\\${c}`);
    const like = JSON.stringify(from) === `"${from}"` ? `%${escaped}%` : '%';
    const rows = this.db
      .prepare(
        `SELECT seq, doc, source_path, source_key FROM videos
          WHERE doc LIKE @like ESCAPE '\\' OR source_path LIKE @like ESCAPE '\\'`,
      )
      .all({ like }) as {
      seq: number;
      doc: string;
      source_path: string | null;
      source_key: string | null;
    }[];
    const update = this.db.prepare(
      'UPDATE videos SET doc = @doc, source_path = @sourcePath, source_key = @sourceKey WHERE seq = @seq',
    );
    const moved = (text: string | null) => (text === null ? null : (movedPaths(text, from, to) as string));
    let changed = 0;
    this.db
      .transaction(() => {
        for (const row of rows) {
          const doc = JSON.parse(row.doc) as Record<string, unknown>;
          const movedDoc = movedPaths(doc, from, to) as Record<string, unknown>;
          if ('meta' in doc) movedDoc.meta = doc.meta;
          const next = JSON.stringify(movedDoc);
          const sourcePath = moved(row.source_path);
          if (next === row.doc && sourcePath === row.source_path) continue;
          update.run({ seq: row.seq, doc: next, sourcePath, sourceKey: moved(row.source_key) });
          changed++;
        }
      })
      .immediate();
    return changed;
  }
}
