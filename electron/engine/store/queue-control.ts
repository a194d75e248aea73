/**
 * The queue's own switches, kept in the settings table so that "pause all" and "stop after
 * current" survive a restart, and so that every process on the data directory sees them (a
 * `ferry pause --queue` reaches a `ferry run` in another terminal). Also the runner lock: one
 * process at a time works a data directory's queue.
 */
import type Database from 'better-sqlite3';
import type { DiskNotice } from '../../../shared/api';
import { isOwnerAlive } from './lease-owner';

export interface QueueSwitches {
  paused: boolean;
  stopAfterCurrent: boolean;
  /** Why the queue was paused when a write failed on a full disk; resuming clears it. */
  disk?: DiskNotice;
}

interface RunnerRow {
  owner: string;
  pid: number;
  heartbeatAt: number;
}

/** A runner that has not renewed its claim for this long is taken to be gone (another host, a frozen process). */
export const runnerStaleMs = 30_000;

export class QueueControlStore {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;
  // A pause for a full disk that the database itself had no room to keep: held here, so that
  // this process still stops and says why, until resumed.
  private unsaved: QueueSwitches | undefined;

  constructor(private readonly db: Database.Database) {
    this.read = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.write = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  switches(): QueueSwitches {
    if (this.unsaved) return this.unsaved;
    const value = this.read.get('queueControl') as string | undefined;
    return { paused: false, stopAfterCurrent: false, ...(value ? (JSON.parse(value) as Partial<QueueSwitches>) : {}) };
  }

  /** Resuming (`paused: false`) also ends a pause for a full disk. */
  setSwitches(patch: Partial<QueueSwitches>): QueueSwitches {
    const next = { ...this.switches(), ...patch };
    if (patch.paused === false) delete next.disk;
    this.write.run('queueControl', JSON.stringify(next));
    this.unsaved = undefined;
    return next;
  }

  /**
   * Pauses the queue for a full disk, saying why. When the database cannot take even that (the
   * same full disk), the pause holds in this process only, and `saved` is false.
   */
  pauseForFullDisk(disk: DiskNotice, isDiskFull: (error: unknown) => boolean): { saved: boolean } {
    const next: QueueSwitches = { ...this.switches(), paused: true, disk };
    try {
      this.write.run('queueControl', JSON.stringify(next));
      this.unsaved = undefined;
      return { saved: true };
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      this.unsaved = next;
      return { saved: false };
    }
  }

  /**
   * Takes the runner lock for `owner`, or answers who holds it. Renewing is taking it again:
   * call every few seconds while working.
   */
  claimRunner(owner: string, now = Date.now()): { ok: true } | { ok: false; holder: { pid: number; since: number } } {
    const run = this.db.transaction(() => {
      const value = this.read.get('runner') as string | undefined;
      const held = value ? (JSON.parse(value) as RunnerRow | null) : null;
      const free =
        !held || held.owner === owner || now - held.heartbeatAt > runnerStaleMs || !isOwnerAlive(held.owner, owner);
      if (!free) return { ok: false as const, holder: { pid: held.pid, since: held.heartbeatAt } };
      this.write.run('runner', JSON.stringify({ owner, pid: process.pid, heartbeatAt: now } satisfies RunnerRow));
      return { ok: true as const };
    });
    return run.immediate();
  }

  releaseRunner(owner: string): void {
    const run = this.db.transaction(() => {
      const value = this.read.get('runner') as string | undefined;
      const held = value ? (JSON.parse(value) as RunnerRow | null) : null;
      if (held?.owner === owner) this.write.run('runner', 'null');
    });
    run.immediate();
  }
}
