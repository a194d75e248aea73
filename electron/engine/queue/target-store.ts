/**
 * Delivery targets: where finished videos can be sent. The credential is kept for the requests
 * to the target and never leaves the engine: reads answer `hasCredential` instead.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DeliveryProvider, DeliveryTarget } from '../../../shared/api';

interface TargetRow {
  id: string;
  name: string;
  provider: DeliveryProvider;
  mode: 'tus' | 'pull';
  endpoint: string;
  credential: string | null;
}

/** A target as the delivery stage needs it, credential included. Never returned by a command. */
export interface TargetWithCredential extends DeliveryTarget {
  credential: string | null;
}

export interface TargetFields {
  name: string;
  provider: DeliveryProvider;
  mode: 'tus' | 'pull';
  endpoint: string;
  /** undefined keeps the stored credential; null removes it. */
  credential?: string | null;
}

function toTarget(row: TargetRow): DeliveryTarget {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    mode: row.mode,
    endpoint: row.endpoint,
    hasCredential: row.credential !== null,
  };
}

export class TargetStore {
  private readonly getStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT * FROM delivery_targets WHERE id = ?');
  }

  list(): DeliveryTarget[] {
    const rows = this.db.prepare('SELECT * FROM delivery_targets ORDER BY name').all() as TargetRow[];
    return rows.map(toTarget);
  }

  get(id: string): DeliveryTarget | undefined {
    const row = this.getStmt.get(id) as TargetRow | undefined;
    return row && toTarget(row);
  }

  withCredential(id: string): TargetWithCredential | undefined {
    const row = this.getStmt.get(id) as TargetRow | undefined;
    return row && { ...toTarget(row), credential: row.credential };
  }

  /** The target with this name, if any (names are unique). */
  idByName(name: string): string | undefined {
    return this.db.prepare('SELECT id FROM delivery_targets WHERE name = ?').pluck().get(name) as string | undefined;
  }

  /** Adds a target (no id) or changes one; answers it as commands return it. */
  save(fields: TargetFields, id?: string): DeliveryTarget {
    const now = new Date().toISOString();
    const params = { ...fields, credential: fields.credential ?? null, keep: fields.credential === undefined ? 1 : 0 };
    if (id === undefined) {
      const fresh = randomBytes(8).toString('hex');
      this.db
        .prepare(
          `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, credential, created, modified)
           VALUES (@id, @name, @provider, @mode, @endpoint, @credential, @now, @now)`,
        )
        .run({ ...params, id: fresh, now });
      return this.get(fresh) as DeliveryTarget;
    }
    this.db
      .prepare(
        `UPDATE delivery_targets SET name = @name, provider = @provider, mode = @mode, endpoint = @endpoint,
                credential = CASE WHEN @keep THEN credential ELSE @credential END, modified = @now
          WHERE id = @id`,
      )
      .run({ ...params, id, now });
    return this.get(id) as DeliveryTarget;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM delivery_targets WHERE id = ?').run(id).changes === 1;
  }
}
