/**
 * What goes between the engine's process and whoever talks to it (the server, the app's main
 * process, a window over its own MessagePort): the contract's commands by name with an id, their
 * envelopes under that id, and the engine's events. The process that started the engine also
 * tells it where `ferry serve` serves (`serveAt`) and when to stop, and hears when it is ready,
 * when its queue run ends and why it failed.
 */
import type { EventName, FerryEvents } from './api';
import type { Envelope } from './ferry-error';

export type ToEngine =
  | { type: 'call'; id: number; name: string; input: unknown }
  /** From the starter only: the base URL webhooks name media by, or null once the server stops. */
  | { type: 'serveAt'; baseUrl: string | null }
  /** From the starter only: hand running work back to the queue, close the database, exit. */
  | { type: 'stop' }
  /** From the app's main process only: a window's port (the message's first transferred port). */
  | { type: 'connect' };

export type EventMessage = { [E in EventName]: { type: 'event'; event: E; payload: FerryEvents[E] } }[EventName];

export type FromEngine =
  | { type: 'ready'; dataDir: string; schemaVersion: number }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | EventMessage
  /** Something the person running it should know (another process works the queue…). */
  | { type: 'notice'; text: string }
  /** The queue's run ended: after `stop`, or on a failure it could not survive. */
  | { type: 'runEnded'; envelope: Envelope<void> }
  /** An error nothing caught; the process exits right after. */
  | { type: 'fatal'; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A call as the engine's side accepts it; anything else a port carries is dropped there. */
export function isCallMessage(value: unknown): value is Extract<ToEngine, { type: 'call' }> {
  return isRecord(value) && value.type === 'call' && typeof value.id === 'number' && typeof value.name === 'string';
}
