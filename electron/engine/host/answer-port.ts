/**
 * The engine's side of one port (the starter's channel, or a window's MessagePort): each call is
 * answered through the dispatcher under its id, and every event of the engine is posted. What is
 * not a call is left to the caller of this function (the starter's own messages).
 */
import { eventNames, type EventName, type FerryEvents } from '../../../shared/api';
import { isCallMessage, type FromEngine } from '../../../shared/engine-messages';
import { dispatch } from '../api/dispatch';
import type { Engine } from '../create-engine';

export interface EnginePort {
  post(message: FromEngine): void;
  /** Answers the function that stops listening. */
  listen(listener: (message: unknown) => void): () => void;
}

export function answerPort(engine: Engine, port: EnginePort): () => void {
  const stopListening = port.listen((message) => {
    if (!isCallMessage(message)) return;
    void dispatch(engine, message.name, message.input).then((envelope) =>
      port.post({ type: 'answer', id: message.id, envelope }),
    );
  });
  const forward = <E extends EventName>(event: E) =>
    engine.on(event, (payload: FerryEvents[E]) => port.post({ type: 'event', event, payload } as FromEngine));
  const unsubscribes = eventNames.map(forward);
  return () => {
    stopListening();
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
