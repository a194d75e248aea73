import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { noVideoFolder } from '../../electron/main/library-folder';
import { createPlatformHandlers, type PlatformDeps } from '../../electron/main/platform-handlers';
import { createOfferedLinksBox } from '../../electron/main/offered-links';
import { createPlatformBridge, type Invoke, type Listen } from '../../electron/preload/create-platform-bridge';
import { linksOfferedChannel, platformChannels } from '../../shared/platform-bridge';
import { tempDir } from '../helpers/temp-dir';

const uid = '0123456789abcdef0123456789abcdef';

/** Connects the preload's window.ferryPlatform straight to main's handlers, as ipcRenderer/ipcMain would. */
/** ipcRenderer.on/removeListener for the page's notices from main: `send` is webContents.send. */
function notices() {
  const listeners = new Map<string, Set<() => void>>();
  const listen: Listen = (channel, listener) => {
    const forChannel = listeners.get(channel) ?? new Set();
    listeners.set(channel, forChannel.add(listener));
    return () => forChannel.delete(listener);
  };
  const send = (channel: string) => listeners.get(channel)?.forEach((listener) => listener());
  return { listen, send };
}

function loopback(deps: Partial<PlatformDeps> = {}) {
  const library = path.join(tempDir('ferry-platform-bridge-'), 'library');
  fs.mkdirSync(path.join(library, uid), { recursive: true });
  const sender = { url: 'file:///app/index.html', isMainFrame: true };
  const fakes: PlatformDeps = {
    library,
    showOpenDialog: async () => ({ canceled: false, filePaths: ['/videos/a.mp4'] }),
    openPath: vi.fn(async () => ''),
    readClipboard: () => 'https://a.test/v.mp4',
    takeOfferedLinks: () => null,
    ...deps,
  };
  const handlers = createPlatformHandlers(fakes, (s) => s === sender);
  const invoke: Invoke = async (channel, input) => {
    const call = (Object.keys(platformChannels) as (keyof typeof platformChannels)[]).find(
      (name) => platformChannels[name] === channel,
    );
    if (!call) throw new Error(`No handler registered for '${channel}'`);
    return handlers[call](sender, structuredClone(input));
  };
  const pathOf = (file: Blob & { name: string }) => {
    if (!(file instanceof File)) throw new TypeError('not a File');
    return file.name === 'made-in-page.mp4' ? '' : `/dropped/${file.name}`;
  };
  const ipc = notices();
  return { platform: createPlatformBridge(invoke, pathOf, ipc.listen), fakes, library, send: ipc.send };
}

describe('window.ferryPlatform', () => {
  it('exposes exactly the PlatformBridge, all functions, and no IPC', () => {
    const { platform } = loopback();
    expect(Object.keys(platform).sort()).toEqual([
      'onLinksOffered',
      'openFolder',
      'pathForFile',
      'pickPaths',
      'readClipboard',
      'takeOfferedLinks',
    ]);
    for (const value of Object.values(platform)) expect(typeof value).toBe('function');
  });

  it("answers a file's path in the preload, '' for a File not from disk or anything else, never throwing", () => {
    const { platform } = loopback();
    expect(platform.pathForFile(new File(['x'], 'clip.mp4'))).toBe('/dropped/clip.mp4');
    expect(platform.pathForFile(new File(['x'], 'made-in-page.mp4'))).toBe('');
    expect(platform.pathForFile(new Blob(['x']) as Blob & { name: string })).toBe('');
  });

  it('answers values, not envelopes: picked paths, the clipboard, a shown folder', async () => {
    const { platform, fakes, library } = loopback();
    expect(await platform.pickPaths({ extensions: ['.mp4'] })).toEqual(['/videos/a.mp4']);
    expect(await platform.readClipboard()).toBe('https://a.test/v.mp4');
    await expect(platform.openFolder(uid)).resolves.toBeUndefined();
    await expect(platform.openFolder()).resolves.toBeUndefined();
    expect(fakes.openPath).toHaveBeenCalledWith(fs.realpathSync(path.join(library, uid)));
  });

  it("rejects with a plain Error carrying main's message, which is what survives the contextBridge", async () => {
    const { platform } = loopback({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    const missing = await platform.openFolder('f'.repeat(32)).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).message).toBe(noVideoFolder);
    await expect(platform.openFolder('../etc')).rejects.toThrow(/32 hexadecimal/);
    await expect(platform.pickPaths({ extensions: ['*.mp4'] })).rejects.toThrow(/not a file extension/);
    expect(await platform.pickPaths({ folders: true })).toEqual([]);
  });

  it('rejects when main answers something that is not an envelope', async () => {
    const platform = createPlatformBridge(
      async () => 'surprise',
      () => '',
      () => () => undefined,
    );
    await expect(platform.readClipboard()).rejects.toThrow(/answered something it should not/);
  });

  it("hears main's notice of offered links, takes them once, and stops hearing when asked", async () => {
    const box = createOfferedLinksBox();
    const { platform, send } = loopback({ takeOfferedLinks: () => box.take() });
    const heard: string[] = [];
    const stop = platform.onLinksOffered(() => heard.push('offered'));
    box.offer([{ url: 'https://a.test/v.mp4', name: 'V' }]);
    send(linksOfferedChannel);
    expect(heard).toEqual(['offered']);
    expect(await platform.takeOfferedLinks()).toEqual({
      links: [{ url: 'https://a.test/v.mp4', name: 'V' }],
      dropped: 0,
    });
    expect(await platform.takeOfferedLinks()).toBeNull();
    stop();
    send(linksOfferedChannel);
    expect(heard).toEqual(['offered']);
  });
});
