/**
 * Gathers a piece's chunks (up to 64 KiB each as they come off the socket) and writes them at
 * their place in the file in batches, one pwritev each, one batch in flight while the next is
 * gathered. `add` answers a promise only when the reader must wait for the disk: with a disk that
 * keeps up, the socket is never paused, and a chunk costs no promise.
 */
export class BatchWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private received: number;
  private inFlight: Promise<void> | null = null;

  constructor(
    start: number,
    private readonly batchBytes: number,
    /** Writes the buffers one after another from byte `at` of the file. */
    private readonly write: (batch: Buffer[], at: number) => Promise<void>,
    /** Told once bytes are on disk: the first byte after them, and how many they were. */
    private readonly onWritten: (upTo: number, bytes: number) => void,
  ) {
    this.received = start;
  }

  add(chunk: Buffer): Promise<void> | undefined {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.received += chunk.length;
    if (this.pendingBytes < this.batchBytes) return undefined;
    if (!this.inFlight) return void this.issue();
    return this.inFlight.then(() => this.issue());
  }

  /** Writes what was gathered; resolves once every byte is on disk, or rejects with the first write's failure. */
  async drain(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (this.pendingBytes === 0) return;
    this.issue();
    await this.inFlight;
  }

  /** Lets a write in flight end, whatever its outcome (its failure would say less than the caller's), and drops the rest. */
  async abandon(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.inFlight?.catch(() => undefined);
  }

  private issue(): void {
    const [batch, bytes] = [this.pending, this.pendingBytes];
    const at = this.received - bytes;
    this.pending = [];
    this.pendingBytes = 0;
    const written: Promise<void> = this.write(batch, at).then(() => {
      if (this.inFlight === written) this.inFlight = null;
      this.onWritten(at + bytes, bytes);
    });
    // A failure is kept for whoever waits next (add, drain); this only keeps it from counting
    // as unhandled until then.
    written.catch(() => undefined);
    this.inFlight = written;
  }
}
