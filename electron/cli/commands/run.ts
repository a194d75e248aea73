import type { FerryCommands, QueueTotals } from '../../../shared/api';
import { describeEngineStatus } from '../../../shared/engine-status';
import type { Envelope } from '../../../shared/ferry-error';
import { unfinishedCount } from '../../../shared/video-states';
import type { Video } from '../../../shared/video';
import type { Engine } from '../../engine/create-engine';
import { engineCommands } from '../../engine/host/engine-commands';
import type { EngineLink } from '../../engine/host/engine-link';
import { forkEngineHost } from '../../engine/host/fork-engine-host';
import { startEngineHost } from '../../engine/host/start-engine-host';
import { call, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { queueNotices } from '../format-video';
import { createProgressDisplay } from '../progress-display';
import { interruptOnSignals, readVideos, workOrBusy } from '../work-queue';

/** "Queue: 4 ready, 1 failed, 2 paused, 3 waiting": the outcome counts always, the rest when there are any. */
function describeQueue(totals: QueueTotals): string {
  const { byState } = totals;
  const waiting = unfinishedCount(byState);
  const parts = [`${byState.ready} ready`, `${byState.error} failed`, `${byState.paused} paused`];
  if (waiting > 0) parts.push(`${waiting} waiting`);
  if (byState.canceled > 0) parts.push(`${byState.canceled} canceled`);
  return `Queue: ${parts.join(', ')}.`;
}

function describeRun(worked: readonly Video[]): string {
  if (worked.length === 0) return 'Nothing was worked on in this run.';
  const ready = worked.filter((v) => v.status.state === 'ready').length;
  const failed = worked.filter((v) => v.status.state === 'error').length;
  const other = worked.length - ready - failed;
  return `This run: ${ready} ready, ${failed} failed${other > 0 ? `, ${other} not finished` : ''}.`;
}

/**
 * Works the queue; without --wait, answers false when another process holds it (after saying so).
 * With --wait, says once whom it waits for.
 */
async function workQueue(
  engine: Engine,
  context: CliContext,
  options: { watch: boolean; wait: boolean; signal: AbortSignal },
): Promise<boolean> {
  const { watch, signal } = options;
  const busy = await workOrBusy(engine, { watch, signal });
  if (!busy || signal.aborted) return true;
  if (!options.wait) {
    context.stderr(`ferry: ${busy.message}`);
    return false;
  }
  context.stderr(`ferry: waiting for the other Ferry (process ${busy.runnerPid ?? '?'}) to finish… (Ctrl-C stops)`);
  await workOrBusy(engine, { watch, signal, waitForRunner: true });
  return true;
}

/** What a run reads: the contract's commands and the engine's events, in this process or in the engine's own. */
type RunEngine = FerryCommands & Pick<EngineLink, 'on'>;

/**
 * `ferry run --watch`: the engine in a process of its own (engine/host), restarted when it dies,
 * while this one shows progress; without --wait a run that finds the queue held ends BUSY.
 */
async function watchInHost(
  context: CliContext,
  values: { wait?: boolean; json?: boolean },
  signal: AbortSignal,
): Promise<number> {
  let runEnded: (ended: Envelope<void>) => void = () => {};
  const ended = new Promise<Envelope<void>>((resolve) => (runEnded = resolve));
  const host = await startEngineHost({
    host: { dataDir: context.dataDir, whenBusy: values.wait ? 'wait' : 'stop' },
    spawn: await forkEngineHost(context.env),
    onNotice: (text) => context.stderr(`ferry: ${text}`),
    onRunEnded: runEnded,
  });
  host.on('engine', (status) => context.stderr(`ferry: ${describeEngineStatus(status)}`));
  const aborted = new Promise<undefined>((resolve) => signal.addEventListener('abort', () => resolve(undefined)));
  try {
    return await runAndReport(
      { ...host, ...engineCommands(host) },
      context,
      { ...values, watch: true },
      signal,
      async () => {
        const first = await Promise.race([ended, aborted]);
        if (!first || first.ok || first.error.code !== 'BUSY') return true;
        context.stderr(`ferry: ${first.error.message}`);
        return false;
      },
    );
  } finally {
    await host.stop();
  }
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Work the queue until it is empty (or, with --watch, until stopped)',
  usage: `ferry run [--watch] [--wait] [--json]

  Downloads, checks and transcodes the waiting videos (queued by ferry import --queue-only, an
  interrupted ingest, or the app), showing their progress on stderr, then prints a summary.
  One process at a time works a data directory's queue: videos are never worked twice.
  --watch   keep going: wait for new videos until Ctrl-C or SIGTERM (the engine runs in a process
            of its own, restarted if it dies)
  --wait    when another Ferry works this queue, wait for it to stop, then work (default: exit 3)
  --json    print {"videos": [...], "totals": {...}} on stdout: the videos this run worked on, as
            they ended, and the queue's totals

  A paused queue (ferry pause --queue) starts nothing: resume it with ferry resume --queue.
  Ctrl-C or SIGTERM stops the run; work in flight goes back to the queue at the stage it was at.
  Exits 0 when no video failed during the run, 1 when any did or a full disk paused the queue, 2 for a
  usage error, 3 when another Ferry is working the queue (without --wait), 130 when stopped.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { watch: { type: 'boolean' }, wait: { type: 'boolean' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const interrupt = interruptOnSignals();
    try {
      if (values.watch) return await watchInHost(context, values, interrupt.signal);
      const wait = values.wait ?? false;
      return await withEngine(context, (engine) =>
        runAndReport(engine, context, values, interrupt.signal, () =>
          workQueue(engine, context, { watch: false, wait, signal: interrupt.signal }),
        ),
      );
    } finally {
      interrupt.dispose();
    }
  },
};

async function runAndReport(
  engine: RunEngine,
  context: CliContext,
  values: { watch?: boolean; json?: boolean },
  signal: AbortSignal,
  work: () => Promise<boolean>,
): Promise<number> {
  const watch = values.watch ?? false;
  if (watch) {
    // Otherwise a watching run on a paused queue would sit silent.
    for (const notice of queueNotices(await call(engine, 'totals', undefined))) context.stderr(`ferry: ${notice}`);
  }
  // Whatever this run works on, as it last saw it (a video removed meanwhile keeps its last look).
  const worked = new Map<string, Video>();
  const display = createProgressDisplay(context, [], { follow: true });
  const unsubscribe = engine.on('videos', (batch) => {
    for (const video of batch) worked.set(video.uid, video);
    display.update(batch);
  });
  let ran: boolean;
  try {
    ran = await work();
  } finally {
    unsubscribe();
  }
  if (!ran) return exitCodes.busy;
  const current = new Map((await readVideos(engine, [...worked.keys()])).map((v) => [v.uid, v]));
  const final = [...worked.values()].map((v) => current.get(v.uid) ?? v);
  display.finish(final);

  const totals = await call(engine, 'totals', undefined);
  const say = values.json ? context.stderr : context.stdout;
  if (values.json) context.stdout(JSON.stringify({ videos: final, totals }, null, 2));
  say(`${describeRun(final)} ${describeQueue(totals)}`);
  for (const notice of queueNotices(totals)) say(notice);
  if (signal.aborted) return exitCodes.interrupted;
  // Stopped by a full disk with work left: not done, though nothing failed.
  const stoppedByDisk = totals.queue.disk?.kind === 'full' && unfinishedCount(totals.byState) > 0;
  return stoppedByDisk || final.some((v) => v.status.state === 'error') ? exitCodes.failure : exitCodes.ok;
}
