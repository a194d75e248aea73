/**
 * Works the queue (`watch`) for whoever runs an engine that answers callers meanwhile (the engine
 * host, `ferry serve`'s inline peer): when another process holds the queue, says so and takes it
 * over once that one stops, or, `whenBusy: 'stop'`, ends BUSY.
 */
import type { Envelope } from '../../../shared/ferry-error';
import { runEngine } from '../api/run-engine';
import type { Engine } from '../create-engine';

export async function watchQueue(
  engine: Engine,
  signal: AbortSignal,
  onNotice: (text: string) => void,
  whenBusy: 'wait' | 'stop' = 'wait',
): Promise<Envelope<void>> {
  const first = await runEngine(engine, { watch: true, signal });
  if (first.ok || first.error.code !== 'BUSY' || whenBusy === 'stop') return first;
  onNotice(
    `Another Ferry (process ${first.error.runnerPid ?? '?'}) is working this queue; the API answers, and this ` +
      'one takes the queue over when that one stops.',
  );
  return runEngine(engine, { watch: true, signal, waitForRunner: true });
}
