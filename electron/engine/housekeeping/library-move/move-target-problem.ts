/**
 * Whether a folder can take the library, decided from what was found on disk: every refusal
 * names the problem and the fix. Pure (check-move-target.ts gathers the facts).
 */
import path from 'node:path';
import { formatBytes } from '../../../../shared/format-units';

export interface MoveTargetFacts {
  /** The library in use, its real path. */
  from: string;
  /** The target as given. */
  to: string;
  /** The target's real path (its nearest existing folder's, plus the rest). */
  realTo: string;
  kind: 'absent' | 'folder' | 'other';
  /** Entries in the target folder when it exists. */
  entries: number;
  /** Null when the target (or the folder it would be made in) can be written; else the error code. */
  notWritable: string | null;
  freeBytes: number;
  /** The library's bytes, plus room for its folders. */
  neededBytes: number;
}

export function moveTargetProblem(facts: MoveTargetFacts): string | undefined {
  const { from, to, realTo } = facts;
  if (!path.isAbsolute(to)) return `${to} is not an absolute path: give the full path of the new library folder`;
  if (realTo === from) return `${to} is the library already: give another folder`;
  if (realTo.startsWith(from + path.sep))
    return `${to} is inside the current library (${from}): choose a folder outside it`;
  if (facts.kind === 'other') return `${to} is a file, not a folder: give a folder's path`;
  if (facts.kind === 'folder' && facts.entries > 0)
    return `${to} is not empty (${facts.entries} entries): choose an empty or new folder`;
  if (facts.notWritable !== null)
    return `${to} cannot be written (${facts.notWritable}): choose a folder you may write to, or change its permissions`;
  if (facts.freeBytes < facts.neededBytes)
    return (
      `${to} is on a volume with ${formatBytes(facts.freeBytes)} free, and the library needs ` +
      `${formatBytes(facts.neededBytes)}: free some space there or choose another volume`
    );
  return undefined;
}
