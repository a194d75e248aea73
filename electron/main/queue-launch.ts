/**
 * Hands what a launch or the OS brought to where it goes: the files and links the user named to
 * the queue through the one door, the links of ferry:// links to the box the window takes them
 * from (queued only once the user confirms them in the paste sheet), and says what could not be
 * queued. No Electron here: the caller tells the window and shows the problems.
 */
import type { FerryCommands } from '../../shared/api';
import { dispatch } from '../engine/api/dispatch';
import type { LaunchRequest } from './launch-args';
import type { OfferedLinksBox } from './offered-links';

export interface LaunchOutcome {
  queued: number;
  /** Links put in the box for the window's paste sheet (the ones beyond its bound are not). */
  offered: number;
  /** One line per thing not queued (a duplicate is not a problem: it is already there). */
  problems: string[];
}

export async function queueLaunch(
  engine: FerryCommands,
  request: LaunchRequest,
  offers: OfferedLinksBox,
): Promise<LaunchOutcome> {
  const refused = request.offered.length > 0 ? offers.offer(request.offered) : 0;
  const outcome: LaunchOutcome = { queued: 0, offered: request.offered.length - refused, problems: [] };
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
