import { FerryError } from '../../../shared/ferry-error';
import { createEngine } from '../../engine/create-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { targetNames } from '../format-deliveries';
import { formatVideoDetails } from '../format-video';

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Show one video',
  usage: `ferry show <uid> [--json] [--history]

  --json      print the Video object
  --history   also print the video's event history`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, history: { type: 'boolean' } },
      true,
    );
    const [uid, ...extra] = positionals;
    if (!uid) throw new UsageError('Which video? Give its uid (see ferry list).');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (!/^[0-9a-f]{32}$/.test(uid)) throw new UsageError(`"${uid}" is not a video uid (32 hexadecimal characters).`);
    const engine = createEngine({ dataDir: context.dataDir });
    try {
      const video = await engine.get({ uid });
      const history = values.history ? engine.store.history(uid) : undefined;
      if (values.json) {
        context.stdout(JSON.stringify(history ? { ...video, history } : video, null, 2));
      } else {
        context.stdout(formatVideoDetails(video, targetNames(await engine.listTargets())));
        for (const event of history ?? []) context.stdout(`${event.at}  ${event.type}  ${JSON.stringify(event.data)}`);
      }
      return exitCodes.ok;
    } catch (error) {
      if (error instanceof FerryError && error.code === 'NOT_FOUND') {
        context.stderr(error.message);
        return exitCodes.failure;
      }
      throw error;
    } finally {
      engine.close();
    }
  },
};
