/**
 * Where a TUS upload is reached and what it became. An upload made with the API token lives at
 * `/tus/{id}` and needs the token on every request; a direct creator upload lives at
 * `/tus/{ticket}`, a signed, expiring capability for that one upload that needs no token. Once
 * the file is complete it is queued as a video, whose uid is kept beside the upload (`<id>.video`)
 * for as long as the engine's uid is not the one announced in `stream-media-id`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import type { DataPaths } from '../engine/data-paths';
import { claimedSubject, signToken, verifyToken } from './signed-token';

/** An upload's id, in the form of the engine's uids (32 hex digits), reserved when it is created. */
export const newUploadId = () => randomUUID().replaceAll('-', '');

const uploadIdPattern = /^[0-9a-f]{32}$/;

export type UploadRef = { kind: 'id'; id: string } | { kind: 'ticket'; id: string } | { kind: 'invalid' };

/** What the last segment of an upload URL names. Pure. */
export function readUploadRef(key: Buffer, ref: string, nowEpochSeconds: number): UploadRef {
  if (uploadIdPattern.test(ref)) return { kind: 'id', id: ref };
  const id = claimedSubject(ref);
  return id !== undefined && uploadIdPattern.test(id) && verifyToken(key, ref, 'upload', id, nowEpochSeconds)
    ? { kind: 'ticket', id }
    : { kind: 'invalid' };
}

export function uploadTicket(key: Buffer, id: string, expiresAtEpochSeconds: number): string {
  return signToken(key, 'upload', id, expiresAtEpochSeconds);
}

export class UploadVideos {
  constructor(private readonly directory: string) {}

  private file(id: string) {
    return path.join(this.directory, `${id}.video`);
  }

  /** The uid of the video an upload became, once it was queued. */
  videoOf(id: string): string | undefined {
    if (!uploadIdPattern.test(id)) return undefined;
    try {
      return fs.readFileSync(this.file(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Uploads with no video yet (complete or not: the caller looks), from @tus/server's `<id>.json` files. */
  withoutVideo(): string[] {
    if (!fs.existsSync(this.directory)) return [];
    return fs
      .readdirSync(this.directory)
      .flatMap((name) => (name.endsWith('.json') ? [name.slice(0, -'.json'.length)] : []))
      .filter((id) => uploadIdPattern.test(id) && this.videoOf(id) === undefined);
  }

  remember(id: string, videoUid: string): void {
    fs.writeFileSync(this.file(id), videoUid);
  }
}

/**
 * The uid of the video an id names: itself, or, for the id a TUS creation announced in
 * `stream-media-id`, the video its upload became (once complete). For the routes that take a uid.
 */
export function videoUidFor(paths: DataPaths, id: string): string {
  return new UploadVideos(paths.uploads).videoOf(id) ?? id;
}

/** The upload an id names, or undefined when there is none (or no longer), which @tus/server answers for itself. */
export async function findUpload(store: FileStore, id: string): Promise<Upload | undefined> {
  try {
    return await store.getUpload(id);
  } catch (error) {
    // @tus/server's errors are plain objects with a status: not found, no longer there.
    if (typeof error === 'object' && error !== null && 'status_code' in error) return undefined;
    throw error;
  }
}
