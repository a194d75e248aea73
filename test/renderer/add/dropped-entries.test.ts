// @vitest-environment happy-dom
/**
 * A folder dropped in a browser is read with the File System API, recursively, its files named
 * by their path in the drop; a folder read in batches (Chromium gives at most 100 at a time) is
 * read to the end.
 */
import { describe, expect, it } from 'vitest';
import { expandFolders, pickedFiles, type DroppedFile } from '../../../renderer/src/features/add/dropped-entries';
import { planDrop } from '../../../renderer/src/features/add/plan-drop';

/** A file entry as the browser gives it. */
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (resolve: (file: File) => void) => resolve(new File(['x'], name)),
  } as unknown as FileSystemFileEntry;
}

/** A folder entry whose reader answers its children `batch` at a time, then nothing. */
function folderEntry(fullPath: string, children: FileSystemEntry[], batch = 2): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(children.slice(next, next + batch));
          next += batch;
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('a dropped folder in a browser', () => {
  it('is read recursively and in batches, then planned: videos uploaded, the rest skipped', async () => {
    const trip = folderEntry('/trip', [
      fileEntry('/trip/day1.mp4'),
      fileEntry('/trip/notes.txt'),
      folderEntry('/trip/raw', [
        fileEntry('/trip/raw/a.MOV'),
        fileEntry('/trip/raw/b.mkv'),
        fileEntry('/trip/raw/c.jpg'),
      ]),
      fileEntry('/trip/.DS_Store'),
    ]);
    const dropped: DroppedFile[] = [
      { name: 'trip', folder: true, file: null, entry: trip },
      { name: 'loose.webm', folder: false, file: new File(['x'], 'loose.webm'), entry: null },
    ];
    const files = await expandFolders(dropped);
    expect(files.map((f) => f.name).sort()).toEqual([
      'loose.webm',
      'trip/.DS_Store',
      'trip/day1.mp4',
      'trip/notes.txt',
      'trip/raw/a.MOV',
      'trip/raw/b.mkv',
      'trip/raw/c.jpg',
    ]);
    const plan = planDrop(files, { importAlone: false });
    expect(plan.kind === 'add' && plan.videos.map((f) => f.name).sort()).toEqual([
      'loose.webm',
      'trip/day1.mp4',
      'trip/raw/a.MOV',
      'trip/raw/b.mkv',
    ]);
    expect(plan.kind === 'add' && plan.skipped.map((s) => s.item.name).sort()).toEqual([
      'trip/notes.txt',
      'trip/raw/c.jpg',
    ]);
  });

  it('picked with a folder picker, files are named by their path in the folder', () => {
    const file = new File(['x'], 'day1.mp4');
    Object.defineProperty(file, 'webkitRelativePath', { value: 'trip/day1.mp4' });
    expect(pickedFiles([file, new File(['x'], 'solo.mp4')]).map((f) => f.name)).toEqual(['trip/day1.mp4', 'solo.mp4']);
  });
});
