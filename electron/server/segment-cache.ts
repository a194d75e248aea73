/**
 * Media segments kept in memory, most recently used first, within a byte budget. Why not
 * @fastify/static for them: it reads every request from disk through a stream, and on this
 * 2-core machine under load bench/serve.ts measured it at 0.6x nginx's requests per second for a
 * 2 MiB segment (nginx sends from the page cache with sendfile, which Node cannot); answering
 * from a Buffer is one write. A file is read again whenever its size or mtime changed, so an
 * answer is never older than the file.
 */
import fs from 'node:fs';

export interface CachedFile {
  body: Buffer;
  modified: Date;
}

interface Entry extends CachedFile {
  mtimeMs: number;
}

export class SegmentCache {
  private readonly entries = new Map<string, Entry>();
  private usedBytes = 0;

  constructor(
    private readonly budgetBytes: number,
    /** Larger files are not kept (the caller streams them). */
    readonly largestBytes: number,
  ) {}

  /** The file's bytes; 'missing' when there is no such file, 'large' when it is not kept. */
  async read(file: string): Promise<CachedFile | 'missing' | 'large'> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
    if (!stat.isFile()) return 'missing';
    if (stat.size > this.largestBytes) return 'large';
    const kept = this.entries.get(file);
    if (kept && kept.mtimeMs === stat.mtimeMs && kept.body.length === stat.size) {
      this.entries.delete(file);
      this.entries.set(file, kept);
      return kept;
    }
    const body = await fs.promises.readFile(file);
    const entry: Entry = { body, modified: stat.mtime, mtimeMs: stat.mtimeMs };
    // Changed while being read: answered, not kept.
    if (body.length !== stat.size) return entry;
    this.forget(file);
    this.entries.set(file, entry);
    this.usedBytes += body.length;
    for (const [oldest, old] of this.entries) {
      if (this.usedBytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.usedBytes -= old.body.length;
    }
    return entry;
  }

  private forget(file: string): void {
    const kept = this.entries.get(file);
    if (!kept) return;
    this.entries.delete(file);
    this.usedBytes -= kept.body.length;
  }
}
