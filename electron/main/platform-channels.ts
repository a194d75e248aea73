/**
 * The IPC channels behind window.ferryPlatform, one per PlatformBridge method that needs main
 * (pathForFile runs in the preload). The preload keeps the same table in
 * electron/preload/platform-channels.ts: main and the preload may not import each other
 * (test/architecture), and test/preload checks that the two tables are equal.
 */
import type { PlatformBridge } from '../../shared/platform-bridge';

export type PlatformCall = Exclude<keyof PlatformBridge, 'pathForFile'>;

export const platformChannels: Readonly<Record<PlatformCall, string>> = {
  pickPaths: 'ferry:platform:pickPaths',
  openFolder: 'ferry:platform:openFolder',
  readClipboard: 'ferry:platform:readClipboard',
};

export const platformCalls = Object.keys(platformChannels) as PlatformCall[];
