/**
 * Working the queue through the same door as the commands: the engine's run, its failure as an
 * envelope (BUSY, with the pid of the process that holds the queue, when another one works it).
 * Not a contract command: the process that owns the engine decides when it works (the app, `ferry
 * run`, `ferry serve`), never a caller of the API.
 */
import type { Envelope } from '../../../shared/ferry-error';
import type { Engine, RunOptions } from '../create-engine';
import { failed } from './error-envelope';

export async function runEngine(engine: Engine, options: RunOptions = {}): Promise<Envelope<void>> {
  try {
    await engine.run(options);
    return { ok: true, value: undefined };
  } catch (error) {
    return failed(error);
  }
}
