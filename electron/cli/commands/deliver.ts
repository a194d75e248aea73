/**
 * `ferry deliver <uid...|--all> --to TARGET...`: sends ready videos to delivery targets, whenever
 * the targets were added (the contract's `deliver`): a target a video already reached gets it
 * again from the start. Like retry, it queues the deliveries and ends; `ferry run`, or the app or
 * `ferry serve` working this data directory, sends them.
 */
import type { Selection } from '../../../shared/api';
import { call, uidFields, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { resolveTargets } from '../format-deliveries';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const deliverCommand: CliCommand = {
  name: 'deliver',
  summary: 'Send ready videos to delivery targets (added since, or again)',
  usage: `ferry deliver <uid...|--all> --to TARGET [--to TARGET]...

  --to TARGET  a delivery target's name or id (see ferry target list); repeat for several
  --all        every ready video
  A target that already has the video gets it again, from the start. Videos that are not ready
  are left out and counted. The deliveries are queued: ferry run sends them (or the app, or
  ferry serve, when it works this data directory).`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { to: { type: 'string', multiple: true }, all: { type: 'boolean' } },
      true,
    );
    if (!values.to?.length) throw new UsageError('Where to? Give a target with --to (see ferry target list).');
    if (values.all && positionals.length > 0) throw new UsageError('Give uids or --all, not both.');
    if (!values.all && positionals.length === 0)
      throw new UsageError('Which videos? Give their uids (see ferry list), or --all.');
    const selection: Selection = values.all ? { all: true } : { uids: [...new Set(positionals)] };
    return withEngine(context, async (engine) => {
      const targets = resolveTargets(values.to, await call(engine, 'listTargets', undefined));
      const uids = 'uids' in selection ? selection.uids : [];
      const answer = await call(engine, 'deliver', { ...selection, targets }, uidFields(uids));
      const left =
        answer.notReady > 0 ? `; ${count(answer.notReady, 'video is', 'videos are')} not ready, left out` : '';
      context.stdout(
        `ferry: queued ${count(answer.queued, 'delivery', 'deliveries')} of ${count(answer.videos, 'video', 'videos')}${left}. ferry run sends them.`,
      );
      return exitCodes.ok;
    });
  },
};
