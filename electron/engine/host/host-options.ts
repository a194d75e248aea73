/**
 * What the engine's process is started with (its first argument, as JSON): the data directory
 * and the engine's tuning. Only what survives JSON: a credential vault or a stage wrapper cannot
 * cross into another process (tests that need them use an engine in their own process).
 */
import type { EngineOptions } from '../create-engine';

export type HostOptions = Pick<EngineOptions, 'dataDir' | 'fetch' | 'delivery' | 'webhooks' | 'webhookDrainMs'> & {
  /**
   * When another process works the queue: `wait` (default: the app and `ferry serve` answer and
   * take over when it stops), or `stop` (`ferry run --watch` without --wait: its run ends BUSY).
   */
  whenBusy?: 'wait' | 'stop';
};

export const hostOptionsArgument = (options: HostOptions): string => JSON.stringify(options);

/** The options in `argv`, or a message naming what is wrong (the starter is ours, so this is a bug if it happens). */
export function readHostOptions(argv: readonly string[]): HostOptions | string {
  const [text] = argv;
  if (!text) return 'The engine host was started without its options (a JSON argument).';
  try {
    const options = JSON.parse(text) as HostOptions;
    return typeof options.dataDir === 'string' ? options : 'The engine host options name no dataDir.';
  } catch {
    return 'The engine host options are not JSON.';
  }
}
