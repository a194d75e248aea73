/** Looks at a move's target on disk and refuses it, before anything is copied, when it cannot take the library. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { FerryError } from '../../../../shared/ferry-error';
import { freeDiskBytes } from '../run-housekeeping';
import { moveTargetProblem, type MoveTargetFacts } from './move-target-problem';

/** Room for the folders' own blocks and the file systems' rounding, besides the files' bytes. */
const slackBytes = 16 * 1024 * 1024;

/** The deepest folder of `target` (or `target` itself) that exists. */
export async function nearestExisting(target: string): Promise<string> {
  let at = target;
  for (;;) {
    const found = await fs.stat(at).catch(() => undefined);
    if (found) return at;
    const parent = path.dirname(at);
    if (parent === at) return at;
    at = parent;
  }
}

async function realLibrary(library: string): Promise<string> {
  return fs.realpath(library).catch(() => path.resolve(library));
}

export async function moveTargetFacts(library: string, to: string, libraryBytes: number): Promise<MoveTargetFacts> {
  const from = await realLibrary(library);
  const resolved = path.resolve(to);
  const existing = await nearestExisting(resolved);
  const realTo = path.join(await fs.realpath(existing), path.relative(existing, resolved));
  const stat = await fs.stat(resolved).catch(() => undefined);
  const kind = !stat ? 'absent' : stat.isDirectory() ? 'folder' : 'other';
  const entries = kind === 'folder' ? (await fs.readdir(resolved)).length : 0;
  const notWritable = await fs.access(existing, fs.constants.W_OK).then(
    () => null,
    (error: NodeJS.ErrnoException) => error.code ?? 'EACCES',
  );
  const freeBytes = await freeDiskBytes(existing);
  return { from, to, realTo, kind, entries, notWritable, freeBytes, neededBytes: libraryBytes + slackBytes };
}

/** Throws INVALID_INPUT naming the problem and the fix; answers the facts when the target will do. */
export async function checkMoveTarget(library: string, to: string, libraryBytes: number): Promise<MoveTargetFacts> {
  const facts = await moveTargetFacts(library, to, libraryBytes);
  const problem = moveTargetProblem(facts);
  if (problem) throw new FerryError('INVALID_INPUT', `Cannot move the library: ${problem}.`);
  return facts;
}
