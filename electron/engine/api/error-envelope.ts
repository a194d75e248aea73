/**
 * Every error the engine can throw, as the contract's failure (shared/ferry-error.ts): a
 * FerryError keeps its code, an illegal state change is ILLEGAL_TRANSITION, a second runner is
 * BUSY with its pid, and anything else is INTERNAL with the original message. Pure.
 */
import type { Envelope, FailureInfo } from '../../../shared/ferry-error';
import { FerryError } from '../../../shared/ferry-error';
import { IllegalTransitionError } from '../../../shared/video-states';
import { QueueBusyError } from '../create-engine';

const databaseFull =
  "The disk holding Ferry's data directory is full: ferry.db could not be written, so nothing was changed. " +
  'Free some space on that disk, or move the library to a larger one (ferry settings library <path>), then try again.';

export function failureOf(error: unknown): FailureInfo {
  if (error instanceof QueueBusyError) return { code: 'BUSY', message: error.message, runnerPid: error.holderPid };
  if (error instanceof FerryError)
    return { code: error.code, message: error.message, ...(error.issues ? { issues: [...error.issues] } : {}) };
  if (error instanceof IllegalTransitionError) return { code: 'ILLEGAL_TRANSITION', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_FULL') return { code: 'INTERNAL', message: databaseFull };
  return { code: 'INTERNAL', message: message || 'Ferry failed without saying why.' };
}

export const failed = (error: unknown): Envelope<never> => ({ ok: false, error: failureOf(error) });
