import type { Video } from '../../../shared/video';
import type { VideoEvent } from '../../../shared/api';
import type { Engine } from '../../engine/create-engine';
import { call, uidFields, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { targetNames } from '../format-deliveries';
import { formatVideoDetails } from '../format-video';

/** One video (`get`), or several (`getMany`): a uid with no video is named on stderr and makes the exit code 1. */
async function readShown(engine: Engine, context: CliContext, uids: string[]): Promise<Video[]> {
  if (uids.length === 1) return [await call(engine, 'get', { uid: uids[0] as string }, uidFields(uids))];
  const videos = await call(engine, 'getMany', { uids }, uidFields(uids));
  const found = new Set(videos.map((v) => v.uid));
  for (const uid of uids) if (!found.has(uid)) context.stderr(`ferry: no video with uid ${uid} in ${context.dataDir}.`);
  return videos;
}

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Show videos, with their history if asked',
  usage: `ferry show <uid...> [--json] [--history]

  --json      print the Video object (an array of them for several uids)
  --history   also print each video's history: state changes, retries, webhook attempts…
  Exits 1 when a uid has no video.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, history: { type: 'boolean' } },
      true,
    );
    if (positionals.length === 0) throw new UsageError('Which video? Give its uid (see ferry list).');
    const uids = [...new Set(positionals)];
    return withEngine(context, async (engine) => {
      const videos = await readShown(engine, context, uids);
      const histories = new Map<string, VideoEvent[]>();
      if (values.history)
        for (const video of videos) histories.set(video.uid, await call(engine, 'history', { uid: video.uid }));
      const shown = videos.map((video) => {
        const history = histories.get(video.uid);
        return history ? { ...video, history } : video;
      });
      if (values.json) {
        context.stdout(JSON.stringify(uids.length === 1 ? shown[0] : shown, null, 2));
      } else {
        const names = targetNames(await call(engine, 'listTargets', undefined));
        const blocks = videos.map((video) => {
          const events = (histories.get(video.uid) ?? []).map((e) => `${e.at}  ${e.type}  ${JSON.stringify(e.data)}`);
          return [formatVideoDetails(video, names), ...events].join('\n');
        });
        if (blocks.length > 0) context.stdout(blocks.join('\n\n'));
      }
      return videos.length === uids.length ? exitCodes.ok : exitCodes.failure;
    });
  },
};
