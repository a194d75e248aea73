/**
 * `ferry settings library PATH`: moves the library through moveLibrary in this process (the
 * queue pauses meanwhile, in whichever process runs it), saying each step on stderr as it begins.
 */
import type { LibraryMove } from '../../shared/api';
import { formatBytes } from '../../shared/format-units';
import type { Engine } from '../engine/create-engine';
import { call } from './call-engine';
import type { CliContext } from './cli-context';

const watchEveryMs = 250;

const stepText: Record<LibraryMove['phase'], string> = {
  'stopping-work': 'pausing the queue and stopping running work',
  copying: 'copying',
  verifying: 'reading every copy back against its checksum',
  switching: 'switching to the new library',
  removing: 'removing the old copies',
  unfinished: 'finishing a move cut short',
};

export async function moveLibraryFromCli(
  engine: Engine,
  to: string,
  context: CliContext,
  json: boolean,
): Promise<void> {
  const before = await call(engine, 'libraryStatus', undefined);
  let said: LibraryMove['phase'] | undefined;
  const watch = setInterval(() => {
    void call(engine, 'libraryStatus', undefined).then(
      ({ move }) => {
        if (!move || move.phase === said) return;
        said = move.phase;
        const size = move.phase === 'copying' ? ` ${formatBytes(move.bytesTotal / 2)}` : '';
        context.stderr(`Moving the library: ${stepText[move.phase]}${size}…`);
      },
      (error: Error) => context.stderr(`Could not read the move's progress: ${error.message}`),
    );
  }, watchEveryMs);
  try {
    const moved = await call(engine, 'moveLibrary', { to }, (field) => (field === 'to' ? 'PATH' : undefined));
    context.stdout(json ? JSON.stringify(moved, null, 2) : `library = ${moved.library} (moved from ${before.library})`);
  } finally {
    clearInterval(watch);
  }
}
