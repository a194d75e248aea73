/**
 * The engine behind `ferry serve`: by default in a process of its own (engine/host), restarted
 * with backoff when it dies, so that no download, SQLite transaction or crash of the engine holds
 * or takes down the server; or, `inline`, in the server's process as before (the benchmark's
 * single-process peer). Either way the server sees the same EngineLink, and callers in this
 * process (the CLI, tests) the contract's commands as functions.
 */
import type { FerryCommands } from '../../shared/api';
import { runningEngine, type EngineStatus } from '../../shared/engine-status';
import { createEngine } from '../engine/create-engine';
import { engineCommands } from '../engine/host/engine-commands';
import { inlineEngineLink, type EngineLink } from '../engine/host/engine-link';
import { forkEngineHost } from '../engine/host/fork-engine-host';
import type { HostOptions } from '../engine/host/host-options';
import { startEngineHost } from '../engine/host/start-engine-host';
import { watchQueue } from '../engine/host/watch-queue';
import { withLocalReads } from '../engine/host/local-reads';

/** What the server's engine is started with (ServeOptions extends it). */
export interface EngineServeOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** The engine's tuning (tests shorten waits); what survives the trip to the engine's process. */
  engine?: Omit<HostOptions, 'dataDir'>;
  /**
   * `own` (default): the engine in a process of its own, restarted when it dies, so nothing it
   * does holds the server. `inline`: in this process, as before (the benchmark's peer).
   */
  engineProcess?: 'own' | 'inline';
  /** Without allowPrivateNetworks: addresses or CIDR ranges links may reach anyway. */
  allowAddresses?: string[];
  /** Things the person running it should know (another process works the queue…). */
  onNotice?: (text: string) => void;
}

export type ServedEngine = EngineLink &
  FerryCommands & {
    /** The process the engine runs in (tests kill it). */
    pid(): number | undefined;
    status(): EngineStatus;
    /** Hands running work back to the queue and closes the engine (its process exits). */
    stop(): Promise<void>;
  };

function inlineEngine(host: HostOptions, options: EngineServeOptions): ServedEngine {
  const engine = createEngine({ ...host, env: options.env ?? process.env });
  const stopRun = new AbortController();
  const running = watchQueue(engine, stopRun.signal, (text) => options.onNotice?.(text)).then((ended) => {
    if (!ended.ok && !stopRun.signal.aborted) options.onNotice?.(`The queue stopped: ${ended.error.message}`);
  });
  const link = inlineEngineLink(engine);
  return {
    ...link,
    ...engineCommands(link),
    pid: () => process.pid,
    status: () => runningEngine,
    stop: async () => {
      stopRun.abort();
      await running;
      engine.close();
    },
  };
}

export async function serveEngine(options: EngineServeOptions): Promise<ServedEngine> {
  const host: HostOptions = {
    ...options.engine,
    dataDir: options.dataDir,
    // Links from HTTP are kept to public addresses one by one (public-only-calls.ts); links a local
    // user adds to the same data directory (the CLI) still reach a NAS.
    fetch: { ...options.engine?.fetch, allowAddresses: options.allowAddresses ?? [] },
  };
  if (options.engineProcess === 'inline') return inlineEngine(host, options);
  const started = await startEngineHost({
    host,
    spawn: await forkEngineHost(options.env ?? process.env),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
  });
  // Reads are answered here, from a read-only connection, however busy the engine's process is.
  const link = withLocalReads(started);
  return {
    ...link,
    ...engineCommands(link),
    stop: async () => {
      link.closeReads();
      await started.stop();
    },
  };
}
