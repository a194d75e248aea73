/**
 * A video made from a TUS upload to `ferry serve` reads its source from the data directory's
 * `uploads/`: Ferry's own copy, not a file of the user's, so it goes with its video, whichever
 * door removed it (the API, the socket, `ferry remove`), unless another video still reads it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { uploadFiles } from '../data-paths';
import type { EngineContext } from '../context/engine-context';

/** The upload files among these videos' sources; read before the videos are removed. */
export function uploadedSources(context: EngineContext, uids: readonly string[]): string[] {
  const folder = context.paths.uploads;
  return uids.flatMap((uid) => {
    const source = context.store.get(uid)?.source.path;
    return source !== undefined && path.dirname(source) === folder ? [source] : [];
  });
}

/** Deletes each upload (with its sidecar files) that no remaining video reads. */
export async function deleteUploadedSources(context: EngineContext, sources: readonly string[]): Promise<void> {
  for (const source of sources) {
    // The search matches paths by substring; the upload's 32-digit id makes the page short.
    const readers = context.store.list({ search: source, limit: 1000 }).videos;
    if (readers.some((video) => video.source.path === source)) continue;
    for (const file of uploadFiles(source)) await fs.rm(file, { force: true });
  }
}
