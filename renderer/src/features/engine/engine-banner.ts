/**
 * What the window shows for each `engine` event, pure: a banner while the engine's process is
 * away (restarting, or stopped with Retry), and when it is back, a reload of what is shown (the
 * events it would have sent while away are lost) and, for a few seconds, that nothing was lost.
 */
import { describeEngineStatus, type EngineStatus } from '../../../../shared/engine-status';

/** `back`: passing, gone after `backShownMs`. */
export type EngineBanner = { kind: 'restarting' | 'stopped' | 'back'; text: string } | null;

export const backShownMs = 8_000;

export interface EngineChange {
  banner: EngineBanner;
  /** Load the list, totals and open page again. */
  reload: boolean;
}

/** Whether `next` says anything new after `known`: an answer to Retry repeats the event that came with it. */
export function isNewStatus(known: EngineStatus, next: EngineStatus): boolean {
  return known.state !== next.state || known.crashes !== next.crashes || known.reason !== next.reason;
}

export function engineChange(status: EngineStatus): EngineChange {
  const text = describeEngineStatus(status);
  if (status.state === 'running') return { banner: { kind: 'back', text }, reload: true };
  return { banner: { kind: status.state, text }, reload: false };
}
