/**
 * Where Ferry keeps its files inside a data directory (docs/architecture.md, "Data directory"):
 * the one place their names are written, so every reader and writer agrees on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DataPaths {
  dataDir: string;
  /** The SQLite queue and every store (with its -wal and -shm beside it). */
  database: string;
  /**
   * Finished videos, one folder each (`library/<uid>`), attempts in progress (`<uid>.<attempt>.partial`)
   * and what of them plays already (`<uid>.live`). The data directory's `library` unless the
   * library was moved: then where `libraryPointer` says, read again whenever that file changes.
   */
  readonly library: string;
  /** Which library is in use when it is not the data directory's own (`library.json`, housekeeping/library-move). */
  libraryPointer: string;
  /** A library move under way: its journal, so that a restart finishes or rolls it back. */
  libraryMoveJournal: string;
  /** Downloaded originals (`originals/<uid>/`), kept until transcoded unless settings keep them. */
  originals: string;
  /** `ferry serve`'s TUS uploads: each finished one is the source file of a video. */
  uploads: string;
  /** Crash logs of the engine host. */
  logs: string;
  /** Targets' credentials when FERRY_CREDENTIALS=file (otherwise they are in the keychain). */
  credentials: string;
  /** `ferry serve`'s API token, generated on first run unless one is given. */
  serveToken: string;
  /** The key that signs `ferry serve`'s playback tokens and one-time upload URLs. */
  serveSigningKey: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = path.resolve(dataDir);
  const inRoot = (name: string) => path.join(root, name);
  const libraryPointer = inRoot('library.json');
  const library = libraryInUse(libraryPointer, inRoot('library'));
  return {
    dataDir: root,
    database: inRoot('ferry.db'),
    get library() {
      return library();
    },
    libraryPointer,
    libraryMoveJournal: inRoot('library-move.json'),
    originals: inRoot('originals'),
    uploads: inRoot('uploads'),
    logs: inRoot('logs'),
    credentials: inRoot('credentials.json'),
    serveToken: inRoot('serve-token'),
    serveSigningKey: inRoot('serve-signing.key'),
  };
}

/**
 * The library the pointer file names, or `own` without one. The pointer is replaced by a rename
 * (one durable write), so every process sees the old library or the new one; it is read again
 * only when its inode or change time differ, a stat per look.
 */
function libraryInUse(pointer: string, own: string): () => string {
  let seen: { stamp: string; library: string } | undefined;
  return () => {
    const stat = fs.statSync(pointer, { throwIfNoEntry: false });
    if (!stat) return own;
    const stamp = `${stat.ino}:${stat.ctimeMs}:${stat.size}`;
    if (seen?.stamp !== stamp) seen = { stamp, library: readPointer(pointer) };
    return seen.library;
  };
}

function readPointer(pointer: string): string {
  const parsed = JSON.parse(fs.readFileSync(pointer, 'utf8')) as { library?: unknown };
  if (typeof parsed.library !== 'string' || !path.isAbsolute(parsed.library))
    throw new Error(
      `${pointer} does not name a library folder: write {"library": "/absolute/path"}, or delete it to use the data directory's own.`,
    );
  return parsed.library;
}

/** The files at the top of a data directory that hold secrets, besides the database. */
export const secretFiles = (paths: DataPaths): string[] => [paths.credentials, paths.serveToken, paths.serveSigningKey];

/** A video's published outputs. */
export const videoFolder = (paths: DataPaths, uid: string) => path.join(paths.library, uid);

/** Where a link's original is downloaded to. */
export const originalsFolder = (paths: DataPaths, uid: string) => path.join(paths.originals, uid);

const partialSuffix = '.partial';

/** One attempt's temporary folder beside a video's final one: renamed to `finalDir` when complete. */
export const partialFolder = (finalDir: string, attempt: string) => `${finalDir}.${attempt}${partialSuffix}`;

/** The uid a library entry's attempt folder belongs to, or undefined when the entry is not one. */
export function partialFolderOwner(entry: string): string | undefined {
  return entry.endsWith(partialSuffix) ? entry.split('.')[0] : undefined;
}

const liveSuffix = '.live';

/**
 * A video's outputs while its ladder is still being encoded: growing (EVENT) playlists and a
 * dynamic MPD over the segments written so far, served until the finished folder replaces them.
 */
export const liveFolder = (finalDir: string) => `${finalDir}${liveSuffix}`;

/** The uid a library entry's live folder belongs to, or undefined when the entry is not one. */
export function liveFolderOwner(entry: string): string | undefined {
  return entry.endsWith(liveSuffix) ? entry.slice(0, -liveSuffix.length) : undefined;
}

/**
 * An upload's files: the bytes (`uploads/<id>`), @tus/file-store's `<id>.json` and the server's
 * `<id>.video` (the uid it became). Removing the upload's video removes all three.
 */
export const uploadFiles = (upload: string) => [upload, `${upload}.json`, `${upload}.video`];

/**
 * The CLI's data directory when neither --data-dir nor FERRY_DATA_DIR is given: the same folder
 * Electron uses as userData for an app named Ferry, so the CLI and the app share one queue.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Ferry');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Ferry');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Ferry');
}
