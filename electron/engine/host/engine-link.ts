/**
 * The engine as the processes that answer users see it (the server of `ferry serve`, the app's
 * main process): the contract's commands through one door, its events, where its data lives and
 * where `ferry serve` serves. Usually a client of the engine's own process (start-engine-host.ts);
 * `inlineEngineLink` is the same over an engine in this process (the benchmark's single-process
 * peer, and tests that look inside the engine).
 */
import type { CommandName, CommandOutput, EventName, FerryEvents } from '../../../shared/api';
import type { EngineStatus } from '../../../shared/engine-status';
import type { Envelope } from '../../../shared/ferry-error';
import { dispatch } from '../api/dispatch';
import type { Engine } from '../create-engine';
import type { DataPaths } from '../data-paths';

export interface EngineLink {
  readonly paths: DataPaths;
  /** The engine's one door (api/dispatch.ts): validated input in, the contract's envelope out; never throws. */
  call<K extends CommandName>(name: K, input: unknown): Promise<Envelope<CommandOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void): () => void;
  /** Where `ferry serve` serves this engine's media (its base URL), or null once it stops. */
  serveAt(baseUrl: string | null): void;
  /** Whether the engine's process is up (an engine in this process always is). */
  status?(): EngineStatus;
}

export function inlineEngineLink(engine: Engine): EngineLink {
  return {
    paths: engine.paths,
    call: (name, input) => dispatch(engine, name, input),
    on: (event, listener) => engine.on(event, listener),
    serveAt: (baseUrl) => engine.serveAt(baseUrl),
  };
}
