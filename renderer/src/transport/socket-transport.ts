/**
 * The renderer's transport in a browser: the contract over `ferry serve`'s WebSocket
 * (shared/socket-messages.ts), with the same FerryApi as IPC (envelopes unwrapped into thrown
 * FerryErrors). It signs in with the token, reconnects with a bounded backoff when the server
 * goes away, and says when it is back, so the page can reload what it shows. Commands issued
 * while it is away wait for it, for a while; a wrong token fails them with FORBIDDEN.
 */
import { commandNames, eventNames, type EventName, type FerryApi, type FerryEvents } from '../../../shared/api';
import { FerryError, unwrapEnvelope } from '../../../shared/ferry-error';
import { serverMessage, socketCloseCodes, socketPath } from '../../../shared/socket-messages';

/** `offline`: closed, or gave up after the backoff's attempts (`open()` starts again); `refused`: the token is wrong. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'refused';

export interface SocketTransport extends FerryApi {
  state(): ConnectionState;
  /** Called on every change; `open` with `resumed` true means the socket came back and what is shown may be stale. */
  onConnection(listener: (state: ConnectionState, resumed: boolean) => void): () => void;
  /** Connects (nothing is sent before), or connects again after `close()` or going offline. */
  open(): void;
  /** Closes the socket and stops reconnecting; commands waiting or in flight fail. */
  close(): void;
}

export interface SocketTransportOptions {
  /** The server's origin, `http://127.0.0.1:8787`; the socket is at its `/ws`. */
  origin: string;
  token: string;
  /** The WebSocket constructor (the browser's by default; the `ws` package in Node tests). */
  createSocket?: (url: string) => WebSocket;
  /** Delays between attempts: doubling from `firstMs` up to `maxMs`, `attempts` times before going offline. */
  backoff?: { firstMs: number; maxMs: number; attempts: number };
  /** How long a command waits for the connection before failing. */
  waitMs?: number;
}

interface Pending {
  resolve(reply: unknown): void;
  reject(error: FerryError): void;
}

const unreachable = () =>
  new FerryError('INTERNAL', 'Ferry cannot be reached: is `ferry serve` still running? Trying again…');
const droppedMidway = () =>
  new FerryError('INTERNAL', 'The connection to Ferry closed before it answered; the command may or may not have run.');
const refusedError = () => new FerryError('FORBIDDEN', 'Ferry refused the token; sign in again with the right one.');

export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  // About five minutes of attempts before giving up: a restart is seconds, a reboot of the host a minute or two.
  const backoff = options.backoff ?? { firstMs: 250, maxMs: 5_000, attempts: 70 };
  const waitMs = options.waitMs ?? 15_000;
  const url = `${options.origin.replace(/^http/, 'ws')}${socketPath}`;

  let state: ConnectionState = 'connecting';
  let socket: WebSocket | undefined;
  let everOpened = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const inFlight = new Map<number, Pending>();
  /** Commands waiting for the socket to open. */
  const waiting = new Set<{ send(): void; fail(error: FerryError): void }>();
  const connectionListeners = new Set<(state: ConnectionState, resumed: boolean) => void>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>(eventNames.map((e) => [e, new Set()]));

  const setState = (next: ConnectionState, resumed = false) => {
    state = next;
    for (const listener of connectionListeners) listener(next, resumed);
  };

  const failAll = (error: () => FerryError) => {
    for (const pending of inFlight.values()) pending.reject(error());
    inFlight.clear();
    for (const command of waiting) command.fail(error());
    waiting.clear();
  };

  const onMessage = (data: unknown) => {
    const parsed = serverMessage.safeParse(typeof data === 'string' ? JSON.parse(data) : undefined);
    if (!parsed.success) throw new Error('Ferry sent a message this page does not understand.');
    const message = parsed.data;
    if ('signedIn' in message) {
      const resumed = everOpened;
      everOpened = true;
      failures = 0;
      setState('open', resumed);
      for (const command of waiting) command.send();
      waiting.clear();
    } else if ('reply' in message) {
      if (message.id === null) return;
      inFlight.get(message.id)?.resolve(message.reply);
      inFlight.delete(message.id);
    } else {
      for (const listener of eventListeners.get(message.event) ?? []) listener(message.payload as never);
    }
  };

  const scheduleRetry = () => {
    if (failures >= backoff.attempts) {
      setState('offline');
      return failAll(unreachable);
    }
    const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** failures);
    failures++;
    setState('reconnecting');
    retryTimer = setTimeout(connect, delay);
  };

  function connect() {
    retryTimer = undefined;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => current.send(JSON.stringify({ auth: options.token }));
    current.onmessage = (event: MessageEvent) => onMessage(event.data);
    // A failed connection is followed by its close, which decides what to do next.
    current.onerror = () => undefined;
    current.onclose = (event: CloseEvent) => {
      if (socket !== current) return;
      socket = undefined;
      for (const pending of inFlight.values()) pending.reject(droppedMidway());
      inFlight.clear();
      if (event.code === socketCloseCodes.refused) {
        setState('refused');
        return failAll(refusedError);
      }
      if (state !== 'offline' && state !== 'refused') scheduleRetry();
    };
  }

  const send = (name: string, input: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (state === 'refused') return reject(refusedError());
      const transmit = () => {
        const id = nextId++;
        inFlight.set(id, { resolve, reject });
        socket?.send(JSON.stringify({ id, command: name, input }));
      };
      if (state === 'open') return transmit();
      const command = {
        send: () => {
          clearTimeout(timer);
          transmit();
        },
        fail: (error: FerryError) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiting.delete(command);
        reject(unreachable());
      }, waitMs);
      waiting.add(command);
    });

  const commands = Object.fromEntries(
    commandNames.map((name) => [name, async (input: unknown) => unwrapEnvelope(await send(name, input))]),
  );

  return {
    ...(commands as Omit<FerryApi, 'on'>),
    on: <E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void) => {
      const listeners = eventListeners.get(event) as Set<(payload: FerryEvents[E]) => void>;
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    state: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    open() {
      if (socket || retryTimer || state === 'refused') return;
      failures = 0;
      setState(everOpened ? 'reconnecting' : 'connecting');
      connect();
    },
    close() {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = socket;
      socket = undefined;
      setState('offline');
      current?.close();
      failAll(() => new FerryError('INTERNAL', 'This page closed its connection to Ferry.'));
    },
  };
}
