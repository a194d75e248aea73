/**
 * Copies the library's files to the new folder, each flushed to disk, keeping each source
 * file's size and SHA-256 as read; then reads every copy back and compares (verifyCopies).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LibraryFiles } from './library-files';

export interface CopiedFile {
  path: string;
  size: number;
  sha256: string;
}

const chunkBytes = 1024 * 1024;

/** Reads `file` through, feeding each chunk to `each`; answers its size and SHA-256. */
async function readThrough(
  file: string,
  each: (chunk: Buffer) => Promise<void>,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await each(chunk);
      size += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

async function copyFile(
  from: string,
  to: string,
  onBytes: (bytes: number) => void,
): Promise<{ size: number; sha256: string }> {
  const out = await fs.open(to, 'wx', 0o644);
  try {
    const read = await readThrough(from, async (chunk) => {
      await out.write(chunk);
      onBytes(chunk.length);
    });
    await out.sync();
    return read;
  } finally {
    await out.close();
  }
}

export interface CopyHooks {
  onBytes(bytes: number): void;
  /** After the first file is copied (a test's crash point). */
  afterFirstFile(): void;
}

export async function copyLibrary(
  from: string,
  to: string,
  listed: LibraryFiles,
  hooks: CopyHooks,
): Promise<CopiedFile[]> {
  await fs.mkdir(to, { recursive: true });
  for (const folder of listed.folders) await fs.mkdir(path.join(to, folder), { recursive: true });
  const copied: CopiedFile[] = [];
  for (const file of listed.files) {
    const read = await copyFile(path.join(from, file.path), path.join(to, file.path), hooks.onBytes);
    copied.push({ path: file.path, ...read });
    if (copied.length === 1) hooks.afterFirstFile();
  }
  return copied;
}

/** The first copy that differs from its source (size or SHA-256), or undefined when all match. */
export async function firstBadCopy(
  to: string,
  copied: readonly CopiedFile[],
  onBytes: (bytes: number) => void,
): Promise<string | undefined> {
  for (const file of copied) {
    const read = await readThrough(path.join(to, file.path), async (chunk) => onBytes(chunk.length));
    if (read.size !== file.size || read.sha256 !== file.sha256) return file.path;
  }
  return undefined;
}
