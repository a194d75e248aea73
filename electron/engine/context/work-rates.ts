/**
 * The rates the queue's time left is measured at: one download's speed (kept from the last
 * time downloads ran, so a moment with none running does not lose it) and one transcode's pace
 * in seconds of media per second, from the transcodes this process finished.
 */
export class WorkRates {
  private download: number | undefined;
  private mediaSeconds = 0;
  private transcodeMs = 0;

  /** The speed of one download now (all running downloads' speed over their number). */
  noteDownloadRate(bytesPerSecond: number): void {
    if (bytesPerSecond > 0) this.download = bytesPerSecond;
  }

  downloadRate(): number | undefined {
    return this.download;
  }

  /** A transcode finished: this much media took this long. */
  noteTranscode(mediaSeconds: number, elapsedMs: number): void {
    if (mediaSeconds <= 0 || elapsedMs <= 0) return;
    this.mediaSeconds += mediaSeconds;
    this.transcodeMs += elapsedMs;
  }

  /** Seconds of media one transcode does per second; undefined until one finished. */
  transcodeRate(): number | undefined {
    return this.transcodeMs > 0 ? this.mediaSeconds / (this.transcodeMs / 1000) : undefined;
  }
}
