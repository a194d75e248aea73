/**
 * What the upload limits are measured against, read when a request arrives: the settings
 * (`uploads.maxSizeBytes`, `minFreeDiskBytes`), the data directory's free space, and the bytes
 * that requests still in progress were admitted with, so that two chunks at once cannot both take
 * the last of the room.
 */
import fs from 'node:fs/promises';
import type { ServerContext } from './server-context';
import type { Room } from './upload-limits';

export interface Measured {
  maxSizeBytes: number;
  room: Room;
}

export class UploadRoom {
  private readonly held = new Map<object, { id: string; bytes: number }>();

  constructor(private readonly context: ServerContext) {}

  async measure(): Promise<Measured> {
    const settings = await this.context.callOwn('getSettings', undefined);
    if (!settings.ok) throw new Error(`ferry serve could not read its settings: ${settings.error.message}`);
    const disk = await fs.statfs(this.context.paths.dataDir);
    const heldBytes = [...this.held.values()].reduce((sum, hold) => sum + hold.bytes, 0);
    return {
      maxSizeBytes: settings.value.uploads.maxSizeBytes,
      room: { freeBytes: disk.bavail * disk.bsize, minFreeDiskBytes: settings.value.minFreeDiskBytes, heldBytes },
    };
  }

  /** Holds `bytes` of the room for upload `id` until the request's `response` closes (answered, or cut). */
  hold(response: { once(event: 'close', listener: () => void): unknown }, id: string, bytes: number): void {
    this.held.set(response, { id, bytes });
    response.once('close', () => this.held.delete(response));
  }

  /** Whether a request is writing to upload `id` now (the sweep leaves it alone). */
  busy(id: string): boolean {
    return [...this.held.values()].some((hold) => hold.id === id);
  }
}
