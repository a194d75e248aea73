/**
 * `ferry pause|resume|cancel|retry|remove <uid...|--all>`, the queue switches (`pause --queue`,
 * `pause --after-current`, `resume --queue`) and `ferry top <uid>`. Each opens the data directory,
 * changes the queue and ends; a `ferry run` or the app working the queue in another process sees
 * the change within a second or so and stops or starts work to match.
 */
import type { Selection } from '../../../shared/api';
import { unfinishedCount } from '../../../shared/video-states';
import type { Engine } from '../../engine/create-engine';
import { call, uidFields, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { describeSource } from '../format-video';
import { readVideos } from '../work-queue';

function parseSelection(uids: string[], all: boolean | undefined): Selection {
  if (all && uids.length > 0) throw new UsageError('Give uids or --all, not both.');
  if (all) return { all: true };
  if (uids.length === 0) throw new UsageError('Which videos? Give their uids (see ferry list), or --all.');
  return { uids: [...new Set(uids)] };
}

const videos = (n: number) => `${n} video${n === 1 ? '' : 's'}`;

type Verb = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove';

interface VerbSpec {
  /** "paused 3 videos" */
  done(count: number): string;
  /** Which videos the command can change, said when it changed fewer than were named. */
  appliesTo: string;
  apply(engine: Engine, selection: Selection, deleteOutputs: boolean): Promise<number>;
}

const verbs: Record<Verb, VerbSpec> = {
  pause: {
    done: (n) => `paused ${videos(n)}`,
    appliesTo: 'only queued and working videos pause',
    apply: async (engine, selection) => (await call(engine, 'pause', selection)).changed,
  },
  resume: {
    done: (n) => `resumed ${videos(n)}`,
    appliesTo: 'only paused videos resume',
    apply: async (engine, selection) => (await call(engine, 'resume', selection)).changed,
  },
  cancel: {
    done: (n) => `canceled ${videos(n)}`,
    appliesTo: 'ready and canceled videos stay as they are',
    apply: async (engine, selection) => (await call(engine, 'cancel', selection)).changed,
  },
  retry: {
    done: (n) => `queued ${videos(n)} again`,
    appliesTo: 'only failed and canceled videos are retried',
    apply: async (engine, selection) => (await call(engine, 'retry', selection)).changed,
  },
  remove: {
    done: (n) => `removed ${videos(n)}`,
    appliesTo: 'already gone',
    apply: async (engine, selection, deleteOutputs) =>
      (await call(engine, 'remove', { ...selection, ...(deleteOutputs ? { deleteOutputs: true } : {}) })).removed,
  },
};

/** Applies the verb; uids with no video are named on stderr and make the exit code 1. */
async function applyVerb(
  verb: Verb,
  selection: Selection,
  context: CliContext,
  deleteOutputs = false,
): Promise<number> {
  const spec = verbs[verb];
  const named = 'uids' in selection ? selection.uids : [];
  return withEngine(context, async (engine) => {
    // A malformed uid is a usage error before anything changes; then the uids with no video are named.
    const existing = new Set((await readVideos(engine, named)).map((v) => v.uid));
    const missing = named.filter((uid) => !existing.has(uid));
    for (const uid of missing) context.stderr(`ferry: no video with uid ${uid} in ${context.dataDir}.`);
    const found: Selection = 'uids' in selection ? { uids: named.filter((u) => existing.has(u)) } : selection;
    const changed = 'uids' in found && found.uids.length === 0 ? 0 : await spec.apply(engine, found, deleteOutputs);
    const count = 'uids' in found ? found.uids.length : undefined;
    const left =
      count !== undefined && changed < count ? ` (${count - changed} left as they were: ${spec.appliesTo})` : '';
    context.stdout(`${spec.done(changed)}${left}`);
    return missing.length > 0 ? exitCodes.failure : exitCodes.ok;
  });
}

type QueueSwitch = 'pauseQueue' | 'resumeQueue' | 'stopAfterCurrent';

async function switchQueue(
  context: CliContext,
  command: QueueSwitch,
  describe: (waiting: number) => string,
): Promise<number> {
  return withEngine(context, async (engine) => {
    const { byState } = await call(engine, command, undefined);
    context.stdout(describe(unfinishedCount(byState)));
    return exitCodes.ok;
  });
}

const selectionHelp = `  <uid>...   the videos (see ferry list)
  --all      every video in the data directory`;

export const pauseCommand: CliCommand = {
  name: 'pause',
  summary: 'Pause videos, or the whole queue',
  usage: `ferry pause <uid...|--all>
       ferry pause --queue | --after-current

  A paused download keeps its bytes; a paused transcode starts over when resumed.
${selectionHelp}
  --queue           pause the whole queue: running work goes back to the queue, nothing new starts,
                    in this and every other Ferry process, until ferry resume --queue (even after a restart)
  --after-current   let the running work finish, then pause the queue`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { all: { type: 'boolean' }, queue: { type: 'boolean' }, 'after-current': { type: 'boolean' } },
      true,
    );
    const queueFlag = values.queue ? '--queue' : values['after-current'] ? '--after-current' : undefined;
    if (values.queue && values['after-current']) throw new UsageError('--queue or --after-current, not both.');
    if (queueFlag && (values.all || positionals.length > 0))
      throw new UsageError(`${queueFlag} is for the whole queue; leave out the uids and --all.`);
    if (values.queue)
      return switchQueue(
        context,
        'pauseQueue',
        () => 'paused the queue: nothing new starts (resume with: ferry resume --queue)',
      );
    if (values['after-current'])
      return switchQueue(
        context,
        'stopAfterCurrent',
        () => 'the queue pauses once the running work is done (resume with: ferry resume --queue)',
      );
    return applyVerb('pause', parseSelection(positionals, values.all), context);
  },
};

export const resumeCommand: CliCommand = {
  name: 'resume',
  summary: 'Resume paused videos, or the whole queue',
  usage: `ferry resume <uid...|--all>
       ferry resume --queue

  Each paused video waits in the queue again, at the stage where it stopped.
${selectionHelp}
  --queue    resume the whole queue after ferry pause --queue or --after-current`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { all: { type: 'boolean' }, queue: { type: 'boolean' } },
      true,
    );
    if (values.queue && (values.all || positionals.length > 0))
      throw new UsageError('--queue is for the whole queue; leave out the uids and --all.');
    if (values.queue)
      return switchQueue(
        context,
        'resumeQueue',
        (waiting) => `resumed the queue (${videos(waiting)} waiting; a running ferry run or the app works them)`,
      );
    return applyVerb('resume', parseSelection(positionals, values.all), context);
  },
};

function simpleVerbCommand(verb: 'cancel' | 'retry', summary: string, detail: string): CliCommand {
  return {
    name: verb,
    summary,
    usage: `ferry ${verb} <uid...|--all>\n\n${selectionHelp}\n\n  ${detail}`,
    async run(args, context) {
      const { values, positionals } = parseCommandArgs(args, { all: { type: 'boolean' } }, true);
      return applyVerb(verb, parseSelection(positionals, values.all), context);
    },
  };
}

export const cancelCommand = simpleVerbCommand(
  'cancel',
  'Cancel videos: their work stops and they stay in the list as canceled',
  'Running work stops at once. ferry retry queues a canceled video again.',
);

export const retryCommand = simpleVerbCommand(
  'retry',
  'Queue failed or canceled videos again',
  'Each goes back to the stage that failed (a failed transcode does not download again).',
);

export const removeCommand: CliCommand = {
  name: 'remove',
  summary: 'Remove videos from the list',
  usage: `ferry remove <uid...|--all> [--delete-outputs]

${selectionHelp}
  --delete-outputs   also delete what Ferry made for them (library/<uid>/ and downloaded originals);
                     files you added are never deleted

  Running work stops first. An unfinished video's partial download always goes.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { all: { type: 'boolean' }, 'delete-outputs': { type: 'boolean' } },
      true,
    );
    return applyVerb('remove', parseSelection(positionals, values.all), context, values['delete-outputs'] ?? false);
  },
};

export const topCommand: CliCommand = {
  name: 'top',
  summary: 'Put a waiting video ahead of every other',
  usage: `ferry top <uid>

  The video is the next one started at its stage (download, check, transcode).`,
  async run(args, context) {
    const { positionals } = parseCommandArgs(args, {}, true);
    const [uid, ...extra] = positionals;
    if (!uid) throw new UsageError('Which video? Give its uid (see ferry list).');
    if (extra.length > 0) throw new UsageError(`One video at a time; unexpected "${extra[0]}".`);
    return withEngine(context, async (engine) => {
      const video = await call(engine, 'moveToTop', { uid }, uidFields([uid]));
      context.stdout(`moved ${uid} (${video.meta.name ?? describeSource(video)}) to the top of the queue`);
      return exitCodes.ok;
    });
  },
};
