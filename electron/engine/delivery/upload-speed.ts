/**
 * An upload's speed over the last few seconds, from the bytes sent so far: what the delivery
 * shows with its ETA. A window rather than the average since the start, so a stall shows.
 */
const windowMs = 5000;

export class UploadSpeed {
  private readonly samples: { at: number; bytes: number }[] = [];

  /** `bytes`: the total sent so far. Answers bytes a second over the window (0 until two samples). */
  update(bytes: number, at = Date.now()): number {
    this.samples.push({ at, bytes });
    let first = this.samples[0] ?? { at, bytes };
    while (this.samples.length > 2 && at - first.at > windowMs) {
      this.samples.shift();
      first = this.samples[0] ?? first;
    }
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? Math.max(0, (bytes - first.bytes) / seconds) : 0;
  }
}
