/**
 * The contract over a WebSocket (`ferry serve`'s `/ws`), for a browser running the renderer. The
 * client signs in with its first message, then sends commands by name with an id of its choosing;
 * the server answers each with the engine's envelope under that id and pushes the engine's events.
 * Both sides parse what they receive with these schemas: a socket carries anything.
 */
import { z } from 'zod';
import { eventNames, type EventName, type FerryEvents } from './api';
import type { Envelope } from './ferry-error';

/** The path of the socket on `ferry serve`. */
export const socketPath = '/ws';

/** Largest message either side accepts; a list of links to add fits many times over. */
export const maxSocketMessageBytes = 1024 * 1024;

/**
 * Close codes the client acts on (4000–4999 are the application's, RFC 6455): a refused token
 * means "ask for another one", anything else means "try again".
 */
export const socketCloseCodes = {
  /** The token was wrong or missing: the client stops reconnecting and asks the user. */
  refused: 4401,
  /** No sign-in message in time. */
  signInTimeout: 4408,
  /** The client read too slowly and the server's buffer for it filled up: reconnect and reload. */
  tooSlow: 4429,
} as const;

/** The first message: the token (never in the URL, where proxies and logs would keep it). */
export const signInMessage = z.strictObject({ auth: z.string().min(1).max(512) });

export const commandMessage = z.strictObject({
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(100),
  input: z.unknown().optional(),
});
export type CommandMessage = z.infer<typeof commandMessage>;

export type ServerMessage =
  /** The token was right; commands may follow and events will come. */
  | { signedIn: true }
  /** The answer to command `id`; `id` is null when the message was too broken to carry one. */
  | { id: number | null; reply: Envelope<unknown> }
  | { [E in EventName]: { event: E; payload: FerryEvents[E] } }[EventName];

const envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).loose() }),
]);

/** What the client accepts from the server; the event payloads are the engine's own, not parsed again. */
export const serverMessage = z.union([
  z.object({ signedIn: z.literal(true) }),
  z.object({ id: z.number().int().nullable(), reply: envelope }),
  z.object({ event: z.enum(eventNames), payload: z.unknown() }),
]);

/** The id a broken message still carries, so its error answer reaches the caller that waits for it. */
export function messageId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
