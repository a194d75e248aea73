/**
 * What was dropped, read from the drop's DataTransfer. The entries must be taken while the drop
 * event runs (the browser empties the DataTransfer after it); folders are then read recursively
 * with the File System API (webkitGetAsEntry), so a browser can upload a folder's videos too.
 */
import type { DroppedItem } from './plan-drop';

export interface DroppedFile extends DroppedItem {
  /** The file; for a folder, what the platform gives for it (Electron can tell its path), or null. */
  file: File | null;
  entry: FileSystemEntry | null;
}

/** Enough for a big folder; a drop of a whole disk stops here rather than freezing the page. */
const maxFiles = 10_000;

/** Call in the drop handler itself, before any await. */
export function takeDropped(data: DataTransfer): DroppedFile[] {
  const taken: DroppedFile[] = [];
  for (const item of data.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    const file = item.getAsFile();
    const name = entry?.name ?? file?.name;
    if (name) taken.push({ name, folder: entry?.isDirectory ?? false, file, entry });
  }
  return taken;
}

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;

/** One batch of a folder's entries; Chromium answers at most 100 a call, and none once all were given. */
const readBatch = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
const readFile = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** The dropped files with each folder replaced by the files inside it, named by their path in the drop. */
export async function expandFolders(dropped: readonly DroppedFile[]): Promise<DroppedFile[]> {
  const files: DroppedFile[] = [];
  const pending: FileSystemEntry[] = [];
  for (const item of dropped) {
    if (item.folder && item.entry) pending.push(item.entry);
    else files.push(item);
  }
  while (pending.length > 0 && files.length < maxFiles) {
    const entry = pending.shift();
    if (!entry) break;
    if (isFile(entry)) {
      const file = await readFile(entry);
      files.push({ name: entry.fullPath.replace(/^\//, ''), folder: false, file, entry });
    } else if (isDirectory(entry)) {
      const reader = entry.createReader();
      for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader))
        pending.push(...batch);
    }
  }
  return files;
}

/** Picked files as dropped ones: a folder pick gives its files with their path in the folder. */
export function pickedFiles(files: readonly File[]): DroppedFile[] {
  return files.map((file) => ({ name: file.webkitRelativePath || file.name, folder: false, file, entry: null }));
}
