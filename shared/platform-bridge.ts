/**
 * What the preload exposes as `window.ferryPlatform` beside the contract's `window.ferry`: the
 * window's abilities that are not engine commands. Main checks every path it is given against
 * the library; the renderer never sees a path it did not get from the user or the engine.
 */
import type { NewLink } from './api';

/**
 * At most this many links are offered from what `ferry://add?url=…` links bring before the user
 * has taken them: a web page can open such a link, so it must not hand over thousands.
 */
export const maxOfferedLinks = 100;

/**
 * Links that arrived from `ferry://add?url=…` links (which any web page can open): never queued
 * by main, offered in the paste sheet, and queued only once the user confirms there.
 */
export interface OfferedLinks {
  /** http(s) links, each a single line, with a name when the ferry:// link gave one for its one url. */
  links: NewLink[];
  /** How many more links there were than maxOfferedLinks: refused, never queued. */
  dropped: number;
}

export interface PlatformBridge {
  /** Electron's webUtils.getPathForFile: the dropped or picked file's path, '' for a File not from disk. */
  pathForFile(file: Blob & { readonly name: string }): string;
  /** Native open dialog; answers the chosen paths, none when cancelled. */
  pickPaths(options: { folders?: boolean; extensions?: readonly string[] }): Promise<string[]>;
  /** Shows a video's library folder (or the library) in the OS file manager; rejects with the reason. */
  openFolder(uid?: string): Promise<void>;
  /** The clipboard's plain text (Electron's clipboard module: no permission prompt). */
  readClipboard(): Promise<string>;
  /** Takes the links ferry:// links brought since the last take (null when none): main keeps them until then. */
  takeOfferedLinks(): Promise<OfferedLinks | null>;
  /** Calls `listener` when main has links to take; answers a function that stops listening. */
  onLinksOffered(listener: () => void): () => void;
}

/** The PlatformBridge methods that main answers over IPC (pathForFile runs in the preload, onLinksOffered listens). */
export type PlatformCall = Exclude<keyof PlatformBridge, 'pathForFile' | 'onLinksOffered'>;

/** Their IPC channels, shared by the preload and main as the contract's command channels are. */
export const platformChannels: Readonly<Record<PlatformCall, string>> = {
  pickPaths: 'ferry:platform:pickPaths',
  openFolder: 'ferry:platform:openFolder',
  readClipboard: 'ferry:platform:readClipboard',
  takeOfferedLinks: 'ferry:platform:takeOfferedLinks',
};

/** What main sends the window when ferry:// links brought links to take. */
export const linksOfferedChannel = 'ferry:platform:linksOffered';

export const platformCalls = Object.keys(platformChannels) as PlatformCall[];
