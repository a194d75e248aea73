/**
 * Hands what a launch, a `ferry://` link or the OS brought (files, links) to the queue through the
 * one door, and says what could not be queued. No Electron here: the caller shows the problems.
 */
import type { FerryCommands } from '../../shared/api';
import { dispatch } from '../engine/api/dispatch';
import type { LaunchRequest } from './launch-args';

export interface LaunchOutcome {
  queued: number;
  /** One line per thing not queued (a duplicate is not a problem: it is already there). */
  problems: string[];
}

export async function queueLaunch(engine: FerryCommands, request: LaunchRequest): Promise<LaunchOutcome> {
  const outcome: LaunchOutcome = { queued: 0, problems: [] };
  const answers = await Promise.all([
    request.files.length > 0 ? dispatch(engine, 'addFiles', { paths: request.files }) : undefined,
    request.links.length > 0 ? dispatch(engine, 'addLinks', { links: request.links }) : undefined,
  ]);
  for (const answer of answers) {
    if (!answer) continue;
    if (!answer.ok) {
      outcome.problems.push(answer.error.message);
      continue;
    }
    outcome.queued += answer.value.queued.length;
    outcome.problems.push(...answer.value.invalid.map(({ input, reason }) => `${input}: ${reason}`));
  }
  return outcome;
}
