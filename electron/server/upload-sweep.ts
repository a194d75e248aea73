/**
 * Unfinished TUS uploads expire, 24 h after their creation by default (Cloudflare's rule for
 * direct creator uploads): @tus/server answers 410 for them from then on, and this sweep, run when
 * the server starts and then periodically, deletes their files. (@tus/file-store's own
 * cleanUpExpiredUploads is not used: it reads the offset from the `.json`, where it stays 0, so it
 * would delete finished uploads too, the source files of videos.)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '@tus/file-store';
import { uploadFiles } from '../engine/data-paths';
import { findUpload, type UploadVideos } from './upload-links';

export const defaultUploadExpiryMs = 24 * 3600 * 1000;

/** Half the expiry, so an expired upload does not linger long; at most hourly, and never a busy loop. Pure. */
export const sweepEveryMs = (expiryMs: number) => Math.min(3_600_000, Math.max(100, expiryMs / 2));

export interface UploadAge {
  /** Bytes received, and the declared length (undefined while deferred). */
  offset: number;
  size: number | undefined;
  /** ISO date-time the upload was created. */
  created: string;
}

/** Pure. */
export function isExpiredUnfinished(upload: UploadAge, expiryMs: number, now: number): boolean {
  const finished = upload.size !== undefined && upload.offset >= upload.size;
  return !finished && now > Date.parse(upload.created) + expiryMs;
}

async function ageOf(store: FileStore, directory: string, id: string): Promise<UploadAge> {
  const upload = await findUpload(store, id);
  if (upload?.creation_date) return { offset: upload.offset, size: upload.size, created: upload.creation_date };
  // Its file is missing or its record unreadable (cut short while being made): it is as old as its record.
  const record = await fs.stat(path.join(directory, `${id}.json`));
  return { offset: 0, size: undefined, created: record.mtime.toISOString() };
}

export interface Sweep {
  store: FileStore;
  directory: string;
  videos: UploadVideos;
  expiryMs: number;
  /** Uploads a request is writing to now: left for the next sweep. */
  busy(id: string): boolean;
}

/** Deletes the expired unfinished uploads; answers their ids. */
export async function sweepExpiredUploads(sweep: Sweep, now = Date.now()): Promise<string[]> {
  const swept: string[] = [];
  for (const id of sweep.videos.withoutVideo()) {
    if (sweep.busy(id)) continue;
    if (!isExpiredUnfinished(await ageOf(sweep.store, sweep.directory, id), sweep.expiryMs, now)) continue;
    for (const file of uploadFiles(path.join(sweep.directory, id))) await fs.rm(file, { force: true });
    swept.push(id);
  }
  return swept;
}
