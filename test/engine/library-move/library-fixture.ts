/**
 * A data directory with finished videos to move, made once per file (two tiny transcodes) and
 * put back at the same path before each case, so the database's paths stay true; and what a
 * user checks after a move: every video's outputs found in the library in use, byte for byte
 * the ones it had, nothing left in the other place, the queue not left paused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Video } from '../../../shared/video';
import { createEngine } from '../../../electron/engine/create-engine';
import { dataPaths } from '../../../electron/engine/data-paths';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { solidColor } from '../../helpers/media-fixtures';

export interface LibraryFixture {
  dataDir: string;
  /** The library's files at the start, by path inside it, with their SHA-256. */
  files: Map<string, string>;
  /** Puts the data directory back as it was made. */
  restore(): void;
}

/** Every file under `root`, by its path inside it, with its SHA-256. */
export function treeHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  if (!fs.existsSync(root)) return hashes;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(root, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return hashes;
}

export async function makeLibraryFixture(base: string, videos = 2): Promise<LibraryFixture> {
  const dataDir = path.join(base, 'data');
  fs.mkdirSync(dataDir);
  const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
  try {
    const sources = [];
    for (const color of ['navy', 'teal', 'olive', 'maroon'].slice(0, videos))
      sources.push(await solidColor(base, color, '160x90', 1));
    await engine.addFiles({ paths: sources });
    await engine.run();
  } finally {
    engine.close();
  }
  const snapshot = path.join(base, 'snapshot');
  fs.cpSync(dataDir, snapshot, { recursive: true });
  return {
    dataDir,
    files: treeHashes(dataPaths(dataDir).library),
    restore() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(snapshot, dataDir, { recursive: true });
    },
  };
}

/** Each file a ready video names (manifests, MP4, thumbnail). */
const outputsOf = (video: Video) =>
  [video.playback?.hls, video.playback?.dash, video.downloads?.default, video.thumbnail].filter(
    (file): file is string => typeof file === 'string',
  );

/** The library in use is `library`, whole and byte-identical; `other` holds no copy; no move is left over. */
export async function expectWholeLibrary(fixture: LibraryFixture, library: string, other: string): Promise<void> {
  const engine = createEngine({ dataDir: fixture.dataDir, credentials: new FileVault(fixture.dataDir) });
  try {
    // A run finishes or rolls back a move cut short before anything else.
    await engine.run();
    expect((await engine.getSettings()).library).toBe(library);
    expect(treeHashes(library)).toEqual(fixture.files);
    expect(treeHashes(other)).toEqual(new Map());
    const { videos } = await engine.list({});
    expect(videos.length).toBeGreaterThan(0);
    for (const video of videos) {
      expect(video.status.state).toBe('ready');
      const outputs = outputsOf(video);
      expect(outputs.length).toBe(4);
      for (const file of outputs) {
        expect(file.startsWith(path.join(library, video.uid) + path.sep)).toBe(true);
        expect(fs.existsSync(file)).toBe(true);
      }
    }
    expect((await engine.totals()).queue.paused).toBe(false);
    const { libraryMoveJournal, libraryPointer } = dataPaths(fixture.dataDir);
    expect(fs.existsSync(libraryMoveJournal)).toBe(false);
    expect(fs.existsSync(`${libraryPointer}.new`)).toBe(false);
  } finally {
    engine.close();
  }
}
