/**
 * The desktop app's own `ferry serve`, switched by its settings (`serve.enabled`, `serve.port`):
 * off by default, on 127.0.0.1 only, over the app's engine (which already works the queue).
 * `planServe` decides, pure; `createServeSwitch` applies, one change at a time.
 */
import type { Settings } from '../../shared/api';
import type { EngineLink } from '../engine/host/engine-link';
import { listenOnEngine, type Listening, type ListenOptions } from '../server/start-server';

type Wanted = Settings['serve'];

export type ServePlan = 'start' | 'stop' | 'restart' | 'keep';

/** What to do to get from the server that runs (its port, or null) to the one the settings want. */
export function planServe(wanted: Wanted, running: { port: number } | null): ServePlan {
  if (!wanted.enabled) return running ? 'stop' : 'keep';
  if (!running) return 'start';
  return running.port === wanted.port ? 'keep' : 'restart';
}

export interface ServeSwitch {
  /** Brings the server in line with the settings; answers the sign-in link while it runs. */
  apply(wanted: Wanted): Promise<{ signInUrl: string } | null>;
  close(): Promise<void>;
}

export function createServeSwitch(
  engine: EngineLink,
  dataDir: string,
  listen: (engine: EngineLink, options: ListenOptions) => Promise<Listening> = listenOnEngine,
): ServeSwitch {
  let current: { port: number; listening: Listening } | null = null;
  // Settings can change again while a server starts: each change waits for the one before.
  let last: Promise<unknown> = Promise.resolve();

  const change = async (wanted: Wanted) => {
    const plan = planServe(wanted, current);
    if (plan === 'stop' || plan === 'restart') {
      await current?.listening.close();
      current = null;
    }
    if (plan === 'start' || plan === 'restart') {
      // The app is a desktop user's own: on loopback only; links that arrive over HTTP reach public addresses only.
      const listening = await listen(engine, { dataDir, port: wanted.port, host: '127.0.0.1' });
      current = { port: wanted.port, listening };
    }
    return current ? { signInUrl: current.listening.signInUrl } : null;
  };

  return {
    apply(wanted) {
      const next = last.then(() => change(wanted));
      // The caller hears of a failure through `next`; the chain only needs to know it is over.
      last = next.then(
        () => undefined,
        () => undefined,
      );
      return next;
    },
    close() {
      return this.apply({ enabled: false, port: current?.port ?? 0 }).then(() => undefined);
    },
  };
}
