/**
 * The IPC channels behind window.ferryPlatform. The same table as electron/main/platform-channels.ts:
 * the preload may import only shared/ (test/architecture), and test/preload checks the two are equal.
 */
import type { PlatformBridge } from '../../shared/platform-bridge';

export type PlatformCall = Exclude<keyof PlatformBridge, 'pathForFile'>;

export const platformChannels: Readonly<Record<PlatformCall, string>> = {
  pickPaths: 'ferry:platform:pickPaths',
  openFolder: 'ferry:platform:openFolder',
  readClipboard: 'ferry:platform:readClipboard',
};
