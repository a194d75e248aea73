/**
 * Delivery targets: where finished videos can be sent. The credentials themselves live in a
 * credential vault (delivery/credential-vault), never here: a row only says whether its target
 * has one, and reads answer `hasCredential`.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { scrubBackups } from './backup-before-migration';
import type {
  DeliveryMode,
  DeliveryProvider,
  DeliveryReadyWhen,
  DeliverySend,
  DeliveryTarget,
} from '../../../shared/delivery-targets';

interface TargetRow {
  id: string;
  name: string;
  provider: DeliveryProvider;
  mode: DeliveryMode;
  endpoint: string;
  account: string | null;
  library: string | null;
  index_id: string | null;
  send: DeliverySend;
  ready_when: DeliveryReadyWhen;
  has_credential: number;
}

/** A target as saved: everything but its id and the credential flag. */
export type TargetFields = Omit<DeliveryTarget, 'id' | 'hasCredential'> & {
  /** undefined keeps the flag as it is. */
  hasCredential?: boolean;
  /** false: its requests may reach public addresses only (saved over ferry serve). undefined keeps it (new: true). */
  privateNetworks?: boolean;
};

/** A credential an older Ferry stored in clear, still to be moved into the vault. */
export interface ClearCredential {
  id: string;
  credential: string;
}

function toTarget(row: TargetRow): DeliveryTarget {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    mode: row.mode,
    endpoint: row.endpoint,
    account: row.account,
    library: row.library,
    index: row.index_id,
    send: row.send,
    readyWhen: row.ready_when,
    hasCredential: row.has_credential === 1,
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

  /** Whether the target was saved over ferry serve, so that its requests may reach public addresses only. */
  publicOnly(id: string): boolean {
    return this.db.prepare('SELECT private_networks FROM delivery_targets WHERE id = ?').pluck().get(id) === 0;
  }

  /** The target with this name, if any (names are unique). */
  idByName(name: string): string | undefined {
    return this.db.prepare('SELECT id FROM delivery_targets WHERE name = ?').pluck().get(name) as string | undefined;
  }

  /**
   * Adds a target (no id) or changes one, then runs `after` with its id in the same transaction:
   * when `after` (the vault's write) throws, the row is not saved either.
   */
  save(fields: TargetFields, id: string | undefined, after: (id: string) => void): DeliveryTarget {
    const now = new Date().toISOString();
    const flag = fields.hasCredential === undefined ? null : Number(fields.hasCredential);
    const reach = fields.privateNetworks === undefined ? null : Number(fields.privateNetworks);
    const params = {
      name: fields.name,
      provider: fields.provider,
      mode: fields.mode,
      endpoint: fields.endpoint,
      account: fields.account,
      library: fields.library,
      index: fields.index,
      send: fields.send,
      readyWhen: fields.readyWhen,
      flag,
      reach,
    };
    const run = this.db.transaction((): string => {
      if (id === undefined) {
        const fresh = randomBytes(8).toString('hex');
        this.db
          .prepare(
            `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, account, library, index_id, send,
                                           ready_when, has_credential, private_networks, created, modified)
             VALUES (@id, @name, @provider, @mode, @endpoint, @account, @library, @index, @send, @readyWhen,
                     coalesce(@flag, 0), coalesce(@reach, 1), @now, @now)`,
          )
          .run({ ...params, id: fresh, now });
        after(fresh);
        return fresh;
      }
      this.db
        .prepare(
          `UPDATE delivery_targets SET name = @name, provider = @provider, mode = @mode, endpoint = @endpoint,
                  account = @account, library = @library, index_id = @index, send = @send,
                  ready_when = @readyWhen, has_credential = coalesce(@flag, has_credential),
                  private_networks = coalesce(@reach, private_networks), modified = @now
            WHERE id = @id`,
        )
        .run({ ...params, id, now });
      after(id);
      return id;
    });
    return this.get(run()) as DeliveryTarget;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM delivery_targets WHERE id = ?').run(id).changes === 1;
  }

  /** Credentials an older Ferry kept in the database, in clear. */
  clearCredentials(): ClearCredential[] {
    return this.db
      .prepare('SELECT id, credential FROM delivery_targets WHERE credential IS NOT NULL')
      .all() as ClearCredential[];
  }

  /**
   * Empties the columns of moved credentials. The VACUUM rewrites the file, so that the old bytes
   * are not left in free pages (the schema migration's rewrite of each row left copies there too),
   * and the checkpoint copies it into ferry.db and empties the WAL: the credentials are left in
   * neither file, nor in the backups made before migrating. Runs once, on the first start after an update from a Ferry that kept them here.
   */
  forgetClearCredentials(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const forget = this.db.prepare('UPDATE delivery_targets SET credential = NULL WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => forget.run(id)))();
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    if (!this.db.memory) scrubBackups(this.db.name, [{ table: 'delivery_targets', column: 'credential' }]);
  }
}
