/** `ferry status`: the queue's totals (the contract's `totals`), on one line or as JSON. */
import { call, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { formatQueueTotals } from '../format-video';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Sum up the queue: videos by state, speed, time left, whether it is paused',
  usage: `ferry status [--json]

  --json   print the queue's totals: byState, total, bytesPerSecond, etaSeconds (-1 when unknown),
           batch { done, total, bytesDone, bytesTotal } (the videos added since the queue was last
           empty) and queue { paused, stopAfterCurrent, lowDiskSpace }`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    return withEngine(context, async (engine) => {
      const totals = await call(engine, 'totals', undefined);
      context.stdout(values.json ? JSON.stringify(totals, null, 2) : formatQueueTotals(totals));
      return exitCodes.ok;
    });
  },
};
