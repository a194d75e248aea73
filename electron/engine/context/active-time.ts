/**
 * How long the queue has actually been working, and how many videos it finished in that time:
 * the basis of the overall ETA. Idle and paused time is left out, so an ETA after a night with
 * the queue paused is still right.
 */
export class ActiveTime {
  private since: number | undefined;
  private total = 0;
  finished = 0;

  start(now = Date.now()): void {
    this.since ??= now;
  }

  stop(now = Date.now()): void {
    if (this.since === undefined) return;
    this.total += now - this.since;
    this.since = undefined;
  }

  activeMs(now = Date.now()): number {
    return this.total + (this.since === undefined ? 0 : now - this.since);
  }
}
