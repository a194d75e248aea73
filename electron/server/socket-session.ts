/**
 * One browser's WebSocket to `ferry serve`: the contract of shared/api.ts carried as the messages
 * of shared/socket-messages.ts. The first message must be the token (compared in constant time);
 * then each command goes through the engine's one door (`context.call`, which validates it and
 * refuses fields naming files of this machine) and is answered with its envelope, and the
 * engine's batched events are pushed, both as callers see them (caller-view.ts). Nothing a client
 * sends can throw out of here: a broken message gets an error envelope.
 */
import type { WebSocket } from 'ws';
import type { CommandName } from '../../shared/api';
import { eventNames } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import {
  commandMessage,
  messageId,
  signInMessage,
  socketCloseCodes,
  type ServerMessage,
} from '../../shared/socket-messages';
import { callerView } from './caller-view';
import { sameToken } from './check-token';
import type { ServerContext } from './server-context';

export interface SessionLimits {
  /** How long a new socket may stay without signing in. */
  signInMs: number;
  /** Commands of one socket running at once; reading pauses beyond it, so a flood queues in the socket. */
  maxInFlight: number;
  /** Bytes waiting to be sent to a client that reads too slowly before it is cut off (it reconnects and reloads). */
  maxBufferedBytes: number;
}

export const defaultSessionLimits: SessionLimits = {
  signInMs: 10_000,
  maxInFlight: 32,
  maxBufferedBytes: 32 * 1024 * 1024,
};

const invalid = (message: string): Envelope<unknown> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** The text of a message, or undefined when it is binary. */
function textOf(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): string | undefined {
  if (isBinary) return undefined;
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  return bytes.toString('utf8');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Not JSON: answered as INVALID_INPUT by the caller, which is all a client can act on.
    return { ok: false };
  }
}

export function serveSocket(socket: WebSocket, context: ServerContext, limits = defaultSessionLimits): void {
  let signedIn = false;
  let inFlight = 0;
  // What the browser gets is what an HTTP caller gets: media as URLs, no path of this machine.
  const view = callerView(context);
  const unsubscribe: (() => void)[] = [];

  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      socket.close(socketCloseCodes.tooSlow, 'Too many messages waiting; reconnect.');
      return;
    }
    socket.send(JSON.stringify(message));
  };

  const signInTimer = setTimeout(
    () => socket.close(socketCloseCodes.signInTimeout, 'Sign in with the token first.'),
    limits.signInMs,
  );

  const signIn = (message: unknown) => {
    clearTimeout(signInTimer);
    const parsed = signInMessage.safeParse(message);
    if (!parsed.success || !sameToken(parsed.data.auth, context.token)) {
      socket.close(socketCloseCodes.refused, 'The token is wrong.');
      return;
    }
    signedIn = true;
    send({ signedIn: true });
    for (const event of eventNames)
      unsubscribe.push(
        context.engine.on(event, (payload) => send({ event, payload: view.event(event, payload) } as ServerMessage)),
      );
    // A page that connects while the engine is down hears so at once, not at its next change.
    const engine = context.engine.status?.();
    if (engine && engine.state !== 'running') send({ event: 'engine', payload: engine });
  };

  const run = async (id: number, command: string, input: unknown) => {
    inFlight++;
    if (inFlight >= limits.maxInFlight) socket.pause();
    try {
      // The dispatcher checks the name at run time and answers UNKNOWN_COMMAND for one that is not in the contract.
      send({ id, reply: view.reply(command, await context.call(command as CommandName, input)) });
    } catch (error) {
      // The door never throws; if it ever does, the caller still gets an answer and the terminal says why.
      process.emitWarning(
        `ferry serve: a socket command failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      send({ id, reply: { ok: false, error: { code: 'INTERNAL', message: 'Ferry failed to answer this command.' } } });
    } finally {
      inFlight--;
      if (inFlight < limits.maxInFlight) socket.resume();
    }
  };

  socket.on('message', (data, isBinary) => {
    const text = textOf(data, isBinary);
    const json = text === undefined ? undefined : parseJson(text);
    if (!signedIn) return signIn(json?.ok ? json.value : undefined);
    if (!json?.ok)
      return send({ id: null, reply: invalid('A message must be JSON text: {"id", "command", "input"}.') });
    const parsed = commandMessage.safeParse(json.value);
    if (!parsed.success)
      return send({
        id: messageId(json.value),
        reply: invalid('A command message is {"id": a whole number, "command": a name, "input": its input}.'),
      });
    void run(parsed.data.id, parsed.data.command, parsed.data.input);
  });

  socket.on('close', () => {
    clearTimeout(signInTimer);
    for (const off of unsubscribe.splice(0)) off();
  });
}
