/**
 * Builds `window.ferryPlatform` (shared/platform-bridge.ts). Unlike window.ferry's commands, which
 * hand envelopes to the renderer's transport, these answer the value itself and reject with a
 * plain Error carrying main's message: that is what the PlatformBridge interface promises, and
 * a plain Error's message is the one thing of an error that survives the contextBridge.
 * pathForFile runs here (webUtils is a renderer module) and never throws; onLinksOffered hands the
 * page main's notice without its IPC event.
 */
import type { Envelope } from '../../shared/ferry-error';
import type { OfferedLinks, PlatformBridge } from '../../shared/platform-bridge';
import { linksOfferedChannel, platformChannels, type PlatformCall } from '../../shared/platform-bridge';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
/** webUtils.getPathForFile: throws for anything that is not a File. */
export type PathForFile = (file: Blob & { readonly name: string }) => string;
/** ipcRenderer.on for `channel`, answering the function that removes the listener. */
export type Listen = (channel: string, listener: () => void) => () => void;

const isEnvelope = (answer: unknown): answer is Envelope<unknown> =>
  typeof answer === 'object' && answer !== null && typeof (answer as { ok?: unknown }).ok === 'boolean';

export function createPlatformBridge(invoke: Invoke, pathOf: PathForFile, listen: Listen): PlatformBridge {
  async function call<T>(name: PlatformCall, input?: unknown): Promise<T> {
    const answer = await invoke(platformChannels[name], input);
    if (!isEnvelope(answer)) throw new Error(`Ferry's ${name} answered something it should not.`);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  }
  return {
    pathForFile(file) {
      try {
        return pathOf(file);
      } catch {
        return ''; // not a File: no path, as for a File made in the page
      }
    },
    pickPaths: (options) => call<string[]>('pickPaths', options),
    openFolder: (uid) => call<undefined>('openFolder', uid),
    readClipboard: () => call<string>('readClipboard'),
    takeOfferedLinks: () => call<OfferedLinks | null>('takeOfferedLinks'),
    onLinksOffered: (listener) => listen(linksOfferedChannel, listener),
  };
}
