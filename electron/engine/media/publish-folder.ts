/**
 * Makes a finished output folder appear all at once: its files are flushed to disk, then the
 * folder is renamed into place and the parent directory flushed, so that after a crash a video
 * folder is either complete or absent (a rename is atomic, but durable only after the parent's
 * fsync).
 *
 * Only the flushes, which wait for the disk, go to the thread pool. Opening, listing, closing
 * and renaming on the local data directory take microseconds, less than the thread-pool round
 * trip an async call costs; with thousands of small videos those round trips were most of the
 * queue's overhead.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { partialFolder } from '../data-paths';

const fsync = promisify(fs.fsync);

async function fsyncPath(target: string): Promise<void> {
  const fd = fs.openSync(target, 'r');
  try {
    await fsync(fd);
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EPERM')
      throw error;
  } finally {
    fs.closeSync(fd);
  }
}

async function fsyncTree(dir: string): Promise<void> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await fsyncTree(full);
    else if (entry.isFile()) await fsyncPath(full);
  }
  await fsyncPath(dir);
}

export async function publishFolder(workDir: string, finalDir: string): Promise<void> {
  await fsyncTree(workDir);
  try {
    fs.renameSync(workDir, finalDir);
  } catch (error) {
    // The usual case needs no look first; these are the unusual ones: the first video in a new
    // data directory (no library folder yet), or an earlier attempt's outputs in the way.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    else if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM')
      await fs.promises.rm(finalDir, { recursive: true, force: true });
    else throw error;
    fs.renameSync(workDir, finalDir);
  }
  await fsyncPath(path.dirname(finalDir));
}

/**
 * A new temporary folder for one attempt at a video's outputs, beside where they will be
 * published. Each attempt gets its own: an ffmpeg left running by a killed Ferry (it ignores
 * SIGPIPE, so it outlives us) can only ever write into its own attempt's folder, never the next.
 */
export function workFolderFor(finalDir: string): string {
  return partialFolder(finalDir, randomBytes(4).toString('hex'));
}
