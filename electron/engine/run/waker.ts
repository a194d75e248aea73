/** The scheduler's sleep between looks at the queue, which a finished task or a command ends early. */
export function createWaker() {
  let wake: (() => void) | undefined;
  return {
    /** Resolves after `ms`, or sooner when `notify` is called. */
    sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    notify(): void {
      wake?.();
    },
  };
}
export type Waker = ReturnType<typeof createWaker>;
