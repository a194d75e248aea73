/**
 * Writes that survive a crash or a power cut: file contents flushed before they are renamed into
 * place, and the folder flushed after, since a rename is atomic but durable only then.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Flushes a file or a folder. */
export async function flush(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Windows cannot flush a folder; its renames are atomic all the same.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

/** Flushes every folder of `root` (files are flushed as they are written). */
export async function flushFolders(root: string, folders: readonly string[]): Promise<void> {
  for (const folder of folders) await flush(path.join(root, folder));
  await flush(root);
}

/**
 * Replaces `file` with `text` in one step: written beside it, flushed, renamed over it, folder
 * flushed. `beforeRename` runs between the flush and the rename (a test's crash point).
 */
export async function replaceFile(file: string, text: string, beforeRename: () => void = () => {}): Promise<void> {
  const temporary = `${file}.new`;
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  beforeRename();
  await fs.rename(temporary, file);
  await flush(path.dirname(file));
}

/** Removes `file` durably, and the temporary copy `replaceFile` may have left. */
export async function removeFile(file: string): Promise<void> {
  await fs.rm(`${file}.new`, { force: true });
  await fs.rm(file, { force: true });
  await flush(path.dirname(file));
}
