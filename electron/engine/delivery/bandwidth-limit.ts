/**
 * A bandwidth limit: one budget of bytes a second shared by every transfer at once, as a token
 * bucket. Uploads pass their file slices through it on their way to the connection; downloads
 * wait on it (admit) before reading more of a body. Written here because
 * the stream throttles on npm (throttle, stream-throttle) limit each stream on its own or are no
 * longer kept; a budget shared across concurrent uploads, changeable while they run, is this much.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Bytes released at a time: small enough that several uploads interleave fairly under a low limit. */
const pieceBytes = 16 * 1024;

export class BandwidthLimit {
  private rate: number | null = null;
  private tokens = 0;
  private refilledAt = Date.now();
  private turn: Promise<void> = Promise.resolve();

  /** Bytes a second for all transfers together; null lifts the limit (waiting pieces go at once). */
  setRate(bytesPerSecond: number | null): void {
    if (bytesPerSecond === this.rate) return;
    this.rate = bytesPerSecond;
    this.tokens = 0;
    this.refilledAt = Date.now();
  }

  /** A stream that lets bytes through as the budget allows. */
  throttle(): Transform {
    const take = (bytes: number) => this.take(bytes);
    return new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        void (async () => {
          for (let at = 0; at < chunk.length; at += pieceBytes) {
            const piece = chunk.subarray(at, at + pieceBytes);
            await take(piece.length);
            this.push(piece);
          }
        })().then(() => done(), done);
      },
    });
  }

  /**
   * Without a limit, undefined at once (a download reads on without a promise per chunk);
   * with one, `take`.
   */
  admit(bytes: number): Promise<void> | undefined {
    return this.rate === null ? undefined : this.take(bytes);
  }

  /** Resolves when `bytes` may be sent; callers are served in turn. */
  take(bytes: number): Promise<void> {
    const mine = this.turn.then(() => this.waitFor(bytes));
    this.turn = mine;
    return mine;
  }

  private async waitFor(bytes: number): Promise<void> {
    // Each pass sleeps until the missing bytes have refilled, so it ends after a bounded wait.
    for (let rate = this.rate; rate !== null; rate = this.rate) {
      const now = Date.now();
      // A quarter second of burst: enough to keep a connection busy, little enough to stay near the limit.
      const burst = Math.max(pieceBytes, rate / 4);
      this.tokens = Math.min(burst, this.tokens + ((now - this.refilledAt) / 1000) * rate);
      this.refilledAt = now;
      // A piece larger than the burst goes once the bucket is full, leaving it in debt: the
      // long-run rate holds, and no piece waits forever for more than the bucket can hold.
      const needed = Math.min(bytes, burst);
      if (this.tokens >= needed) {
        this.tokens -= bytes;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, ((needed - this.tokens) / rate) * 1000));
    }
  }
}
