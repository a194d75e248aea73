/**
 * Download speed smoothed with an exponential moving average (as Uppy's status bar does), so the
 * ETA does not jump with every chunk.
 */
export class SpeedMeter {
  private speed = 0;
  private lastAt: number;
  private lastBytes: number;

  constructor(
    startBytes: number,
    now = Date.now(),
    private readonly halfLifeMs = 2000,
  ) {
    this.lastAt = now;
    this.lastBytes = startBytes;
  }

  /** Feeds the total bytes so far; returns bytes per second. */
  update(bytes: number, now = Date.now()): number {
    const elapsed = now - this.lastAt;
    if (elapsed <= 0) return this.speed;
    const instant = ((bytes - this.lastBytes) * 1000) / elapsed;
    const weight = 1 - 0.5 ** (elapsed / this.halfLifeMs);
    this.speed = this.speed === 0 ? instant : this.speed + weight * (instant - this.speed);
    this.lastAt = now;
    this.lastBytes = bytes;
    return this.speed;
  }

  /** Seconds left at the current speed, or -1 when unknown. */
  eta(remainingBytes: number): number {
    return this.speed > 0 ? remainingBytes / this.speed : -1;
  }
}
