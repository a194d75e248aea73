/**
 * The data directory is its owner's alone on POSIX: created 0700 with ferry.db, its -wal and -shm
 * 0600, and tightened at open when an older Ferry left them readable by others. Through a real
 * engine on a real SQLite file, with a link queued so that the WAL exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { tempDir } from '../../helpers/temp-dir';

const engines: Engine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

async function openAndQueue(dataDir: string): Promise<Engine> {
  const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
  engines.push(engine);
  const reply = await dispatch(engine, 'addLinks', {
    links: [{ url: 'https://media.example/v.mp4', headers: { Authorization: 'Bearer t' } }],
  });
  expect(reply.ok).toBe(true);
  return engine;
}

function modes(dataDir: string): Record<string, number> {
  const files = ['ferry.db', 'ferry.db-wal', 'ferry.db-shm', 'credentials.json'];
  return Object.fromEntries([['.', modeOf(dataDir)], ...files.map((name) => [name, modeOf(path.join(dataDir, name))])]);
}

const ownerOnly = {
  '.': 0o700,
  'ferry.db': 0o600,
  'ferry.db-wal': 0o600,
  'ferry.db-shm': 0o600,
  'credentials.json': 0o600,
};

describe.skipIf(process.platform === 'win32')('the data directory on POSIX', () => {
  it('is created 0700, with ferry.db, its WAL and shared memory 0600', async () => {
    const dataDir = path.join(tempDir(), 'new', 'Ferry');
    const previous = process.umask(0o022);
    try {
      await openAndQueue(dataDir);
    } finally {
      process.umask(previous);
    }
    expect(modes(dataDir)).toEqual(ownerOnly);
  });

  it('is tightened at open when an older Ferry left it readable by others', async () => {
    const dataDir = path.join(tempDir(), 'Ferry');
    const first = await openAndQueue(dataDir);
    first.close();
    engines.splice(0);
    fs.chmodSync(dataDir, 0o755);
    for (const name of ['ferry.db', 'credentials.json']) fs.chmodSync(path.join(dataDir, name), 0o644);
    fs.writeFileSync(path.join(dataDir, 'ferry.db-wal'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'ferry.db-wal'), 0o644);

    // Opened and read only: nothing rewrites credentials.json, the open itself must tighten it.
    const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    engines.push(engine);
    expect((await engine.list({})).total).toBe(1);
    expect(modes(dataDir)).toEqual(ownerOnly);
  });
});
