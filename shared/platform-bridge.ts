/**
 * What the preload exposes as `window.ferryPlatform` beside the contract's `window.ferry`: the
 * window's abilities that are not engine commands. Main checks every path it is given against
 * the library; the renderer never sees a path it did not get from the user or the engine.
 */
export interface PlatformBridge {
  /** Electron's webUtils.getPathForFile: the dropped or picked file's path, '' for a File not from disk. */
  pathForFile(file: Blob & { readonly name: string }): string;
  /** Native open dialog; answers the chosen paths, none when cancelled. */
  pickPaths(options: { folders?: boolean; extensions?: readonly string[] }): Promise<string[]>;
  /** Shows a video's library folder (or the library) in the OS file manager; rejects with the reason. */
  openFolder(uid?: string): Promise<void>;
  /** The clipboard's plain text (Electron's clipboard module: no permission prompt). */
  readClipboard(): Promise<string>;
}

/** The PlatformBridge methods that main answers over IPC (pathForFile runs in the preload itself). */
export type PlatformCall = Exclude<keyof PlatformBridge, 'pathForFile'>;

/** Their IPC channels, shared by the preload and main as the contract's command channels are. */
export const platformChannels: Readonly<Record<PlatformCall, string>> = {
  pickPaths: 'ferry:platform:pickPaths',
  openFolder: 'ferry:platform:openFolder',
  readClipboard: 'ferry:platform:readClipboard',
};

export const platformCalls = Object.keys(platformChannels) as PlatformCall[];
