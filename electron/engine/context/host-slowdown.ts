/**
 * Hosts that asked us to slow down (429, 503). One video's "too many requests" is about the
 * host, not that video: no new download starts on the host until its Retry-After (or backoff)
 * has passed, and for a while after that only one runs there at a time.
 */
export class HostSlowdown {
  private readonly hosts = new Map<string, { until: number; calmUntil: number }>();

  constructor(private readonly calmMs = 60_000) {}

  slowDown(host: string, delayMs: number, now = Date.now()): void {
    const until = Math.max(now + delayMs, this.hosts.get(host)?.until ?? 0);
    this.hosts.set(host, { until, calmUntil: until + this.calmMs });
  }

  /** Downloads allowed at once per slowed host right now (0 while it waits, then 1). */
  allowance(now = Date.now()): Map<string, number> {
    const allowed = new Map<string, number>();
    for (const [host, { until, calmUntil }] of this.hosts) {
      if (now >= calmUntil) this.hosts.delete(host);
      else allowed.set(host, now < until ? 0 : 1);
    }
    return allowed;
  }

  /** Until when (epoch ms) nothing may go to this host; undefined when it may now. */
  blockedUntil(host: string, now = Date.now()): number | undefined {
    const until = this.hosts.get(host)?.until;
    return until !== undefined && until > now ? until : undefined;
  }

  /** When the allowance next changes, so the scheduler can look again then. */
  nextChangeAt(now = Date.now()): number | undefined {
    let next: number | undefined;
    for (const { until, calmUntil } of this.hosts.values()) {
      const at = now < until ? until : calmUntil;
      next = next === undefined ? at : Math.min(next, at);
    }
    return next;
  }
}
