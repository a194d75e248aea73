/** Where Ferry keeps its files inside a data directory (design.md, "Files on disk"). */
import os from 'node:os';
import path from 'node:path';

export interface DataPaths {
  dataDir: string;
  database: string;
  library: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = path.resolve(dataDir);
  return { dataDir: root, database: path.join(root, 'ferry.db'), library: path.join(root, 'library') };
}

/** Where `ferry serve` keeps TUS uploads: each finished one is the source file of a video. */
export const uploadsFolder = (paths: DataPaths) => path.join(paths.dataDir, 'uploads');

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
