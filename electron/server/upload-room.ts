/**
 * What the upload limits are measured against, read when a request arrives: the settings
 * (`uploads.maxSizeBytes`, `minFreeDiskBytes`), the data directory's free space, and the bytes
 * that requests still in progress were admitted with, so that two chunks at once cannot both take
 * the last of the room: a request is judged and its bytes held in one step.
 */
import fs from 'node:fs/promises';
import type { ServerContext } from './server-context';
import type { Room, Verdict } from './upload-limits';

export interface Limits {
  maxSizeBytes: number;
  room: Room;
}

/** Bytes a request may write to upload `id`, held until its `response` closes (answered, or cut). */
export interface Hold {
  response: { once(event: 'close', listener: () => void): unknown };
  id: string;
  bytes: number;
}

export class UploadRoom {
  private readonly held = new Set<Hold>();

  constructor(private readonly context: ServerContext) {}

  private async settings() {
    const settings = await this.context.callOwn('getSettings', undefined);
    if (!settings.ok) throw new Error(`ferry serve could not read its settings: ${settings.error.message}`);
    return settings.value;
  }

  /** The largest upload the settings allow (announced as Tus-Max-Size). */
  async maxSizeBytes(): Promise<number> {
    return (await this.settings()).uploads.maxSizeBytes;
  }

  /** Judges a request by the limits as they are now and, when admitted, holds its bytes (`hold`, if it sends any). */
  async admit(hold: Hold | undefined, decide: (limits: Limits) => Verdict): Promise<Verdict> {
    const settings = await this.settings();
    const disk = await fs.statfs(this.context.paths.dataDir);
    // From here to the hold nothing awaits: no other request is judged in between.
    const heldBytes = [...this.held].reduce((sum, one) => sum + one.bytes, 0);
    const verdict = decide({
      maxSizeBytes: settings.uploads.maxSizeBytes,
      room: { freeBytes: disk.bavail * disk.bsize, minFreeDiskBytes: settings.minFreeDiskBytes, heldBytes },
    });
    if (verdict.ok && hold) {
      this.held.add(hold);
      hold.response.once('close', () => this.held.delete(hold));
    }
    return verdict;
  }

  /** Whether a request is writing to upload `id` now (the sweep leaves it alone). */
  busy(id: string): boolean {
    return [...this.held].some((one) => one.id === id);
  }
}
