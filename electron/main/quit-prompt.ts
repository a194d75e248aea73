/** The question asked before quitting while work runs, from the queue's totals. Pure. */
import type { QueueTotals } from '../../shared/api';
import { workInProgress } from './queue-activity';

export interface QuitPrompt {
  message: string;
  detail: string;
  buttons: string[];
  /** The index of the button that quits. */
  quitButton: number;
  defaultId: number;
  cancelId: number;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** Nothing to ask (undefined) when no work runs. */
export function quitPrompt(totals: QueueTotals): QuitPrompt | undefined {
  const working = totals.byState.downloading + totals.byState.inprogress;
  const waiting = workInProgress(totals) - working;
  if (working + waiting === 0) return undefined;
  const parts = [
    working > 0 ? `${plural(working, 'video is', 'videos are')} being worked on` : '',
    waiting > 0 ? `${plural(waiting, 'video is', 'videos are')} waiting` : '',
  ].filter(Boolean);
  return {
    message: 'Quit Ferry while videos are in progress?',
    // The engine hands interrupted work back to its stage on the next start (queue recovery).
    detail: `${parts.join(' and ')}. They stop now and continue when you open Ferry again.`,
    buttons: ['Quit', 'Keep Working'],
    quitButton: 0,
    defaultId: 1,
    cancelId: 1,
  };
}
