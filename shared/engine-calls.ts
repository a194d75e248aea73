/**
 * The caller's side of the engine's message protocol (engine-messages.ts), for any port: the
 * server's and main's channel to the engine's process, a window's MessagePort. Each call gets an
 * id and waits for the answer under it; events go to their listeners. When the engine's process
 * dies, the calls it had not answered fail with ENGINE_RESTARTING (whether they took effect is
 * unknown); calls made while no engine is attached wait for the next one.
 */
import type { EventName, FerryEvents } from './api';
import type { Envelope } from './ferry-error';
import type { FromEngine, ToEngine } from './engine-messages';

export interface EngineCalls {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void): () => void;
  /** Hands every message from the engine here; answers and events are taken, the rest returned. */
  receive(message: FromEngine): void;
  /** Sends through this port from now on, and sends the calls that waited for one. */
  attach(post: (message: ToEngine) => void): void;
  /** The port is gone: calls it carried fail with `why`; new ones wait for the next attach. */
  detach(why: string): void;
  /** No engine will come (shut down, or it gave up restarting): waiting calls and new ones fail with `why` until the next attach. */
  refuse(why: string): void;
}

type Listener = (payload: never) => void;

const restarting = (why: string): Envelope<never> => ({
  ok: false,
  error: { code: 'ENGINE_RESTARTING', message: why },
});

export function engineCalls(): EngineCalls {
  let post: ((message: ToEngine) => void) | undefined;
  let refusing: string | undefined;
  let nextId = 1;
  const sent = new Map<number, (answer: Envelope<unknown>) => void>();
  const waiting: { name: string; input: unknown; settle: (answer: Envelope<unknown>) => void }[] = [];
  const listeners = new Map<EventName, Set<Listener>>();

  const send = (name: string, input: unknown, settle: (answer: Envelope<unknown>) => void, to: typeof post) => {
    const id = nextId++;
    sent.set(id, settle);
    to?.({ type: 'call', id, name, input });
  };

  return {
    call(name, input) {
      return new Promise((settle) => {
        if (refusing !== undefined) settle(restarting(refusing));
        else if (post) send(name, input, settle, post);
        else waiting.push({ name, input, settle });
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    receive(message) {
      if (message.type === 'answer') {
        const settle = sent.get(message.id);
        sent.delete(message.id);
        settle?.(message.envelope);
      } else if (message.type === 'event') {
        for (const listener of listeners.get(message.event) ?? [])
          (listener as (payload: unknown) => void)(message.payload);
      }
    },
    attach(to) {
      post = to;
      refusing = undefined;
      for (const call of waiting.splice(0)) send(call.name, call.input, call.settle, to);
    },
    detach(why) {
      post = undefined;
      for (const settle of sent.values()) settle(restarting(why));
      sent.clear();
    },
    refuse(why) {
      refusing = why;
      for (const call of waiting.splice(0)) call.settle(restarting(why));
    },
  };
}
