/**
 * One process at a time works a data directory: the runner lock in the database says which, and
 * its holder renews it while it runs so that a dead holder's lock can be taken over.
 */
import { FerryError } from '../../../shared/ferry-error';
import type { EngineContext } from '../context/engine-context';
import type { Waker } from './waker';
import { isDiskFullError } from './disk-full';
import { pauseForFullDisk } from './pause-on-full-disk';

const runnerBeatMs = 5_000;

/** Another process holds the data directory's runner lock; `holderPid` says which. */
export class QueueBusyError extends FerryError {
  constructor(
    readonly holderPid: number,
    dataDir: string,
  ) {
    super(
      'BUSY',
      `Another Ferry (process ${holderPid}) is working the queue in ${dataDir}. ` +
        'It will do the queued work; stop it first, or wait for it (ferry run --wait).',
    );
  }
}

/**
 * Answers whether the lock is ours; false when stopped while waiting for it (nothing to do then).
 * Without `waitForRunner`, another holder is a QueueBusyError at once.
 */
export async function takeRunnerLock(
  context: EngineContext,
  waker: Waker,
  options: { waitForRunner?: boolean; signal?: AbortSignal },
): Promise<boolean> {
  for (;;) {
    const claim = context.control.claimRunner(context.store.owner);
    if (claim.ok) return true;
    if (!options.waitForRunner) throw new QueueBusyError(claim.holder.pid, context.paths.dataDir);
    if (options.signal?.aborted) return false;
    await waker.sleep(runnerBeatMs);
  }
}

/** Renews the lock taken until `release` gives it up. */
export function keepRunnerLock(context: EngineContext): { release(): void } {
  const owner = context.store.owner;
  const beat = setInterval(() => orOnFullDisk(context, () => context.control.claimRunner(owner)), runnerBeatMs);
  return {
    release() {
      clearInterval(beat);
      orOnFullDisk(context, () => context.control.releaseRunner(owner));
    },
  };
}

/**
 * Writes the lock, unless the database has no room left: then the queue pauses saying so. A lock
 * left held is taken over by the next runner (its owner ended, or it goes stale).
 */
function orOnFullDisk(context: EngineContext, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (!isDiskFullError(error)) throw error;
    pauseForFullDisk(context, undefined);
  }
}
