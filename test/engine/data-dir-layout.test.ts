/**
 * A data directory is laid out as DataPaths says: the credential vault, `ferry serve`'s secrets,
 * the database, the owner-only tightening at open and the start-up cleanup of half-made videos
 * all use its names, which are the ones a user finds on disk. Real files, real SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths, secretFiles, videoFolder } from '../../electron/engine/data-paths';
import { FileVault } from '../../electron/engine/delivery/file-vault';
import { cleanPartialFolders } from '../../electron/engine/housekeeping/clean-partial-folders';
import { workFolderFor } from '../../electron/engine/media/publish-folder';
import { serveSecrets } from '../../electron/server/serve-secrets';
import { newLinks, openStore } from '../helpers/open-store';
import { tempDir } from '../helpers/temp-dir';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** What the vault, the server and the engine write at the top of a fresh data directory. */
function fillDataDir(dataDir: string) {
  new FileVault(dataDir).set('target-1', 'Bearer file-s3cret');
  const secrets = serveSecrets(dataDir);
  const opened = openStore(dataDir);
  closers.push(opened.close);
  return { secrets, store: opened.store };
}

describe('a data directory', () => {
  it('holds the credentials, the server secrets and the database under the names DataPaths gives', () => {
    const dataDir = tempDir();
    const paths = dataPaths(dataDir);
    const { secrets } = fillDataDir(dataDir);

    expect(fs.readdirSync(dataDir)).toEqual(
      expect.arrayContaining(['credentials.json', 'serve-token', 'serve-signing.key', 'ferry.db']),
    );
    expect(fs.readFileSync(paths.credentials, 'utf8')).toContain('file-s3cret');
    expect(fs.readFileSync(paths.serveToken, 'utf8').trim()).toBe(secrets.token);
    expect(fs.readFileSync(paths.serveSigningKey, 'utf8').trim()).toBe(secrets.signingKey.toString('hex'));
    expect(fs.statSync(paths.database).isFile()).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('has every secret the vault and the server write tightened at open', () => {
    const dataDir = tempDir();
    fillDataDir(dataDir);
    for (const close of closers.splice(0)) close();
    const secrets = secretFiles(dataPaths(dataDir));
    expect(secrets.map((file) => path.basename(file))).toEqual([
      'credentials.json',
      'serve-token',
      'serve-signing.key',
    ]);
    for (const file of secrets) fs.chmodSync(file, 0o644);

    closers.push(openStore(dataDir).close);

    expect(secrets.map((file) => fs.statSync(file).mode & 0o777)).toEqual([0o600, 0o600, 0o600]);
  });

  it('has a half-made video folder recognised and removed at start-up, its finished folder kept', () => {
    const dataDir = tempDir();
    const paths = dataPaths(dataDir);
    const { store } = fillDataDir(dataDir);
    const uid = store.insertMany(newLinks(1))[0]!;
    const finished = videoFolder(paths, uid);
    const halfMade = workFolderFor(finished);
    fs.mkdirSync(finished, { recursive: true });
    fs.mkdirSync(halfMade);

    expect(path.dirname(halfMade)).toBe(paths.library);
    expect(cleanPartialFolders(paths.library, store)).toEqual([path.basename(halfMade)]);
    expect(fs.readdirSync(paths.library)).toEqual([uid]);
  });
});
