/** Bounded waits for what tests watch from outside: a condition, the pieces of a download on disk. */
import fs from 'node:fs';
import path from 'node:path';

/** Resolves once `check` holds; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How many pieces of a link's download are safely on disk (from its `.part.json`). */
export function piecesOnDisk(dataDir: string, uid: string, fileName: string): number {
  const stateFile = path.join(dataDir, 'originals', uid, `${fileName}.part.json`);
  return fs.existsSync(stateFile)
    ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { done: number[] }).done.length
    : 0;
}

/** Calls `sample` every `everyMs` until `work` settles (bounded by the work itself); a slow sample is never overlapped. */
export async function sampling<T>(work: Promise<T>, sample: () => void | Promise<void>, everyMs = 20): Promise<T> {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void Promise.resolve()
      .then(sample)
      .finally(() => (busy = false));
  }, everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
