/**
 * Reads answered beside the engine, not by it: `get`, `getMany`, `list` and `history` go to a
 * read-only connection in the caller's own process (open-video-reader.ts), so the server of
 * `ferry serve` answers them however busy the engine's process is (a 1 GiB download, a 20,000-link
 * import). Everything else, and every write, goes to the engine. Both sides go through the same
 * dispatcher, so the answers are the same, failures included.
 */
import type { CommandName, FerryCommands } from '../../../shared/api';
import { dispatch } from '../api/dispatch';
import { openVideoReader, type VideoReader } from '../open-video-reader';
import { readCommandNames } from '../read-commands';
import { engineCommands } from './engine-commands';
import type { EngineLink } from './engine-link';

const isRead = (name: CommandName): boolean => (readCommandNames as readonly string[]).includes(name);

export function withLocalReads<L extends EngineLink>(link: L): L & { closeReads(): void } {
  // Opened at the first read: the engine's process has made and migrated the database by then.
  let reader: VideoReader | undefined;
  let commands: FerryCommands | undefined;
  const local = () => {
    reader ??= openVideoReader(link.paths);
    commands ??= { ...engineCommands(link), ...reader.commands };
    return commands;
  };
  return {
    ...link,
    call: (name, input) => (isRead(name) ? dispatch(local(), name, input) : link.call(name, input)),
    closeReads: () => {
      reader?.close();
      reader = undefined;
      commands = undefined;
    },
  };
}
