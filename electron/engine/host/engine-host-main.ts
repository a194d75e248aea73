/**
 * The engine's own process: opens the engine on the data directory its starter names, answers
 * the contract over its channel and over every window's port it is handed, and works the queue
 * until told to stop. Started by the server of `ferry serve` and by `ferry run --watch`
 * (child_process.fork) and by the app's main process (utilityProcess.fork), so that nothing the
 * engine does (downloads, SQLite, a crash) holds or takes down the process that answers the user.
 */
import os from 'node:os';
import type { ToEngine } from '../../../shared/engine-messages';
import { createEngine, type Engine } from '../create-engine';
import { answerPort } from './answer-port';
import { hostChannel, type HostChannel } from './host-channel';
import { readHostOptions, type HostOptions } from './host-options';
import { watchQueue } from './watch-queue';

/** Exit code of a host that died of an error nothing caught (EX_SOFTWARE). */
export const fatalExitCode = 70;

const channel = hostChannel();

function die(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Ferry's engine stopped on an uncaught error: ${message}\n`);
  channel.post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = fatalExitCode;
  // Long enough for the message to leave; the state after an uncaught error is not to be trusted further.
  setTimeout(() => process.exit(fatalExitCode), 100);
}
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

/** Works the queue until told to stop; a run that fails without being asked to stop is a crash. */
async function work(engine: Engine, signal: AbortSignal, whenBusy: HostOptions['whenBusy']): Promise<void> {
  const ended = await watchQueue(engine, signal, (text) => channel.post({ type: 'notice', text }), whenBusy);
  channel.post({ type: 'runEnded', envelope: ended });
  // BUSY with whenBusy 'stop' is an answer, not a crash; any other failure: the starter restarts this process.
  if (!ended.ok && ended.error.code !== 'BUSY' && !signal.aborted) die(new Error(ended.error.message));
}

function serve(options: HostOptions, channel: HostChannel): void {
  const engine = createEngine({ ...options, env: process.env });
  const stopRun = new AbortController();
  answerPort(engine, channel);
  channel.onPort((port, closed) => closed(answerPort(engine, port)));
  const running = work(engine, stopRun.signal, options.whenBusy);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopRun.abort();
    void running.finally(() => {
      engine.close();
      process.exit(0);
    });
  };
  channel.listen((message) => {
    const sent = message as ToEngine;
    if (sent.type === 'serveAt') engine.serveAt(sent.baseUrl);
    if (sent.type === 'stop') stop();
  });
  channel.onGone(stop);
  channel.post({ type: 'ready', dataDir: engine.paths.dataDir, schemaVersion: engine.schemaVersion });
}

/**
 * A little below the processes that answer the user (the window, main, the server): when the
 * machine is short of CPU, they come first; alone, the engine still gets every core it can use.
 * Its ffmpeg runs lower still (media/run-ffmpeg.ts).
 */
const enginePriority = 10;
try {
  os.setPriority(enginePriority);
} catch (error) {
  channel.post({ type: 'notice', text: `The engine runs at normal priority: ${(error as Error).message}` });
}

const options = readHostOptions(process.argv.slice(2));
if (typeof options === 'string') die(new Error(options));
else {
  try {
    serve(options, channel);
  } catch (error) {
    die(error);
  }
}
