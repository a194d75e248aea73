/**
 * The handlers behind window.ferryPlatform: the native open dialog, showing a library folder in
 * the OS file manager, the clipboard's text, and the links ferry:// links brought. Each checks the sender like the command
 * handlers do and answers an Envelope, never throws: ipcMain would pass on only a mangled
 * message. Electron's modules come in as `PlatformDeps`, so the tests run without Electron.
 */
import type { OpenDialogOptions } from 'electron';
import type { Envelope } from '../../shared/ferry-error';
import { existingLibraryFolder } from './library-folder';
import { openDialogOptions, pickRequest } from './pick-paths';
import type { OfferedLinks, PlatformCall } from '../../shared/platform-bridge';
import { refusal, type SenderInfo } from './trusted-sender';

export interface PlatformDeps {
  library: string;
  /** dialog.showOpenDialog, attached to the window. */
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** shell.openPath: answers an error message, '' when it worked. */
  openPath(path: string): Promise<string>;
  /** clipboard.readText. */
  readClipboard(): string;
  /** The offered-links box's take (offered-links.ts). */
  takeOfferedLinks(): OfferedLinks | null;
}

export type PlatformHandler = (sender: SenderInfo, input: unknown) => Promise<Envelope<unknown>>;

type Work = (input: unknown) => Promise<Envelope<unknown>>;

function work(deps: PlatformDeps): Record<PlatformCall, Work> {
  return {
    async pickPaths(input) {
      const request = pickRequest(input);
      if (!request.ok) return request;
      const picked = await deps.showOpenDialog(openDialogOptions(request.value));
      return { ok: true, value: picked.canceled ? [] : picked.filePaths };
    },
    async openFolder(uid) {
      const folder = await existingLibraryFolder(deps.library, uid);
      if (!folder.ok) return folder;
      const problem = await deps.openPath(folder.value);
      return problem
        ? { ok: false, error: { code: 'INTERNAL', message: `Could not open ${folder.value}: ${problem}` } }
        : { ok: true, value: undefined };
    },
    async readClipboard() {
      return { ok: true, value: deps.readClipboard() };
    },
    async takeOfferedLinks() {
      return { ok: true, value: deps.takeOfferedLinks() };
    },
  };
}

export function createPlatformHandlers(
  deps: PlatformDeps,
  isTrusted: (sender: SenderInfo) => boolean,
): Record<PlatformCall, PlatformHandler> {
  const calls = work(deps);
  const guarded = (name: PlatformCall): PlatformHandler => {
    return async (sender, input) => {
      if (!isTrusted(sender)) return refusal(name, sender);
      try {
        return await calls[name](input);
      } catch (error) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
        };
      }
    };
  };
  return {
    pickPaths: guarded('pickPaths'),
    openFolder: guarded('openFolder'),
    readClipboard: guarded('readClipboard'),
    takeOfferedLinks: guarded('takeOfferedLinks'),
  };
}
