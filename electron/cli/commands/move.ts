/**
 * `ferry move <uid> --up|--down|--top|--bottom|--before UID`: reorders the queue as dragging a row
 * does in the app (the engine's `move`). `ferry list --sort queue` shows the order it will run in.
 */
import type { QueueMove } from '../../../shared/api';
import { call, fieldsByPrefix, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { describeSource } from '../format-video';

const places = ['up', 'down', 'top', 'bottom'] as const;

export const moveCommand: CliCommand = {
  name: 'move',
  summary: 'Move a waiting video in the queue',
  usage: `ferry move <uid> --up | --down | --top | --bottom | --before <uid>

  --up, --down    one place, among the videos waiting as it is (or running, or paused…)
  --top           ahead of every other (as ferry top)
  --bottom        behind every other
  --before UID    just ahead of that video

  ferry list --sort queue lists the queue in the order it will run.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        up: { type: 'boolean' },
        down: { type: 'boolean' },
        top: { type: 'boolean' },
        bottom: { type: 'boolean' },
        before: { type: 'string' },
      },
      true,
    );
    const [uid, ...extra] = positionals;
    if (!uid) throw new UsageError('Which video? Give its uid (see ferry list --sort queue).');
    if (extra.length > 0) throw new UsageError(`One video at a time; unexpected "${extra[0]}".`);
    const chosen = places.filter((place) => values[place]);
    const to = chosen[0];
    if (chosen.length + (values.before === undefined ? 0 : 1) !== 1)
      throw new UsageError('Say where to: one of --up, --down, --top, --bottom or --before <uid>.');
    const input: QueueMove = to === undefined ? { uid, before: values.before ?? '' } : { uid, to };
    return withEngine(context, async (engine) => {
      const video = await call(engine, 'move', input, fieldsByPrefix({ uid: `"${uid}"`, before: '--before' }));
      const where =
        'before' in input
          ? `before ${input.before}`
          : { up: 'up', down: 'down', top: 'to the top', bottom: 'to the bottom' }[input.to];
      context.stdout(`moved ${uid} (${video.meta.name ?? describeSource(video)}) ${where}`);
      return exitCodes.ok;
    });
  },
};
