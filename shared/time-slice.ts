/**
 * Long loops in slices: a loop over thousands of items (a list's lines, a folder's files, rows to
 * insert) calls `turn()` on each one, and every `budgetMs` of work it gives the event loop a
 * turn, so the process keeps answering (IPC, the socket, timers) while it works. A plain
 * setTimeout, not setImmediate, since shared code also runs in the browser. Written here because
 * the whole need is these few lines.
 */
export const defaultSliceMs = 10;

export class TimeSlice {
  private started = performance.now();

  constructor(private readonly budgetMs = defaultSliceMs) {}

  /** Whether this slice has spent its budget (for loops that want to check without awaiting on every item). */
  due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Waits for the next turn of the event loop once the budget is spent; resolves at once otherwise. */
  async turn(): Promise<void> {
    if (!this.due()) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.started = performance.now();
  }
}
