import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  existingLibraryFolder,
  libraryFolderPath,
  noLibraryFolder,
  noVideoFolder,
} from '../../electron/main/library-folder';
import { openDialogOptions, pickRequest } from '../../electron/main/pick-paths';
import { platformCalls, platformChannels } from '../../shared/platform-bridge';
import { createPlatformHandlers, type PlatformDeps } from '../../electron/main/platform-handlers';
import type { SenderInfo } from '../../electron/main/trusted-sender';
import { tempDir } from '../helpers/temp-dir';

const uid = '0123456789abcdef0123456789abcdef';
const unfinished = 'fedcba9876543210fedcba9876543210';
const escaping = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const appFrame: SenderInfo = { url: 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html', isMainFrame: true };
const elsewhere: SenderInfo = { url: 'https://evil.example/', isMainFrame: true };

let dataDir: string;
let library: string;

beforeEach(() => {
  dataDir = tempDir('ferry-platform-');
  library = path.join(dataDir, 'library');
  fs.mkdirSync(path.join(library, uid), { recursive: true });
  // A video folder that is a symlink to a folder outside the library.
  fs.mkdirSync(path.join(dataDir, 'outside'));
  fs.symlinkSync(path.join(dataDir, 'outside'), path.join(library, escaping));
});

function handlers(deps: Partial<PlatformDeps> = {}) {
  const fakes = {
    library,
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/videos/a.mp4', '/videos/b.mov'] })),
    openPath: vi.fn(async () => ''),
    readClipboard: vi.fn(() => 'https://a.test/v.mp4'),
    takeOfferedLinks: vi.fn(() => null),
  };
  return { fakes, handle: createPlatformHandlers({ ...fakes, ...deps }, (sender) => sender === appFrame) };
}

describe('the platform channels', () => {
  it('are one per PlatformBridge method that needs main, apart from the commands', () => {
    expect(platformCalls.sort()).toEqual(['openFolder', 'pickPaths', 'readClipboard', 'takeOfferedLinks']);
    expect(Object.values(platformChannels)).toEqual([
      'ferry:platform:pickPaths',
      'ferry:platform:openFolder',
      'ferry:platform:readClipboard',
      'ferry:platform:takeOfferedLinks',
    ]);
  });
});

describe('the open dialog', () => {
  it('picks several files, filtered by the extensions given with or without a dot, all files still offered', () => {
    const request = pickRequest({ extensions: ['.mp4', 'mov', 'MP4', 'mov'] });
    expect(request).toEqual({ ok: true, value: { folders: false, extensions: ['mp4', 'mov', 'MP4'] } });
    expect(openDialogOptions(request.ok ? request.value : { folders: false, extensions: [] })).toEqual({
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Supported files', extensions: ['mp4', 'mov', 'MP4'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('picks any files without extensions, and several folders (never filtered) with folders: true', () => {
    expect(openDialogOptions({ folders: false, extensions: [] })).toEqual({
      properties: ['openFile', 'multiSelections'],
    });
    expect(openDialogOptions({ folders: true, extensions: ['mp4'] })).toEqual({
      properties: ['openDirectory', 'multiSelections'],
    });
    expect(pickRequest({ folders: true })).toEqual({ ok: true, value: { folders: true, extensions: [] } });
    expect(pickRequest({})).toEqual({ ok: true, value: { folders: false, extensions: [] } });
  });

  it.each([
    ['nothing', undefined],
    ['a list', []],
    ['folders that is not a boolean', { folders: 'yes' }],
    ['extensions that are not a list', { extensions: 'mp4' }],
    ['a wildcard', { extensions: ['*.mp4'] }],
    ['a path', { extensions: ['../mp4'] }],
    ['a number', { extensions: [4] }],
    ['too many', { extensions: Array.from({ length: 201 }, (_, i) => `e${i}`) }],
    ['an unknown option', { folders: true, defaultPath: '/etc' }],
  ])('refuses %s', (_case, input) => {
    expect(pickRequest(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe("a video's folder", () => {
  it('is the uid folder of the library, or the library itself without a uid', () => {
    expect(libraryFolderPath(library, uid)).toEqual({ ok: true, value: path.join(library, uid) });
    expect(libraryFolderPath(library, undefined)).toEqual({ ok: true, value: path.resolve(library) });
  });

  it.each([['..'], ['../../etc'], [`${uid}/..`], ['/etc'], [uid.toUpperCase()], [''], [42], [null]])(
    'is never named by %j',
    (input) => {
      expect(libraryFolderPath(library, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('must exist: an unfinished video has none, and says so', async () => {
    expect(await existingLibraryFolder(library, uid)).toEqual({
      ok: true,
      value: fs.realpathSync(path.join(library, uid)),
    });
    expect(await existingLibraryFolder(library, unfinished)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: noVideoFolder },
    });
    expect(noVideoFolder).toBe('This video has no folder yet: it is not finished.');
    expect(await existingLibraryFolder(path.join(dataDir, 'nowhere'), undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: noLibraryFolder },
    });
  });

  it('must stay inside the library once symlinks are followed, and be a folder', async () => {
    expect(await existingLibraryFolder(library, escaping)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    fs.writeFileSync(path.join(library, unfinished), 'a file, not a folder');
    expect(await existingLibraryFolder(library, unfinished)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the platform handlers', () => {
  it("refuse every call from a page that is not Ferry's window, doing nothing", async () => {
    const { fakes, handle } = handlers();
    for (const call of platformCalls) {
      expect(await handle[call](elsewhere, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await handle.openFolder({ ...appFrame, isMainFrame: false }, uid)).toMatchObject({ ok: false });
    expect(fakes.showOpenDialog).not.toHaveBeenCalled();
    expect(fakes.openPath).not.toHaveBeenCalled();
    expect(fakes.readClipboard).not.toHaveBeenCalled();
    expect(fakes.takeOfferedLinks).not.toHaveBeenCalled();
  });

  it('pick paths with the dialog, none when cancelled, and refuse a wrong request without a dialog', async () => {
    const { fakes, handle } = handlers();
    expect(await handle.pickPaths(appFrame, { extensions: ['mp4'] })).toEqual({
      ok: true,
      value: ['/videos/a.mp4', '/videos/b.mov'],
    });
    expect(fakes.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
    fakes.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignored'] });
    expect(await handle.pickPaths(appFrame, { folders: true })).toEqual({ ok: true, value: [] });
    expect(await handle.pickPaths(appFrame, { extensions: ['*'] })).toMatchObject({ ok: false });
    expect(fakes.showOpenDialog).toHaveBeenCalledTimes(2);
  });

  it("open a finished video's folder or the library, and nothing else", async () => {
    const { fakes, handle } = handlers();
    expect(await handle.openFolder(appFrame, uid)).toEqual({ ok: true, value: undefined });
    expect(await handle.openFolder(appFrame, undefined)).toEqual({ ok: true, value: undefined });
    expect(fakes.openPath.mock.calls).toEqual([[fs.realpathSync(path.join(library, uid))], [fs.realpathSync(library)]]);
    expect(await handle.openFolder(appFrame, unfinished)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: noVideoFolder },
    });
    expect(await handle.openFolder(appFrame, '../..')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle.openFolder(appFrame, escaping)).toMatchObject({ ok: false });
    expect(fakes.openPath).toHaveBeenCalledTimes(2);
  });

  it('say why the file manager did not open, and answer an envelope when something throws', async () => {
    const { handle } = handlers({
      openPath: async () => 'No application is registered for folders.',
      readClipboard: () => {
        throw new Error('The clipboard is busy.');
      },
    });
    expect(await handle.openFolder(appFrame, uid)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('No application is registered for folders.') },
    });
    expect(await handle.readClipboard(appFrame, undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The clipboard is busy.' },
    });
  });

  it("read the clipboard's text", async () => {
    expect(await handlers().handle.readClipboard(appFrame, undefined)).toEqual({
      ok: true,
      value: 'https://a.test/v.mp4',
    });
  });
});
