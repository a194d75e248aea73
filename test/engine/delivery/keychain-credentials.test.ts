/**
 * Delivery target credentials in a real OS keychain: gnome-keyring's Secret Service under a
 * private D-Bus session (Debian packages gnome-keyring and dbus-daemon, see .ci/run). Each step
 * runs in its own process, as the app and the CLI do, against one keyring kept in a temporary home.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrations';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { dataDirBytes } from '../../helpers/data-dir-bytes';
import { finished, repoRoot } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';

const steps = path.join(repoRoot, 'test/helpers/credential-steps.ts');
const bin = path.join(repoRoot, 'bin/ferry.mjs');

/**
 * gnome-keyring unlocks (and on first use creates) the login keyring with the password on its
 * stdin, here an empty one; its secrets component then answers on the session bus.
 */
const underKeyring = `printf '\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" --import tsx "$@"`;

async function step<T>(home: string, args: string[]): Promise<T> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data') };
  // The child must find the keychain, never a file store or a bus of this machine's own session.
  delete env.FERRY_CREDENTIALS;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', underKeyring, process.execPath, steps, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = await finished(child, 30_000);
  expect(done.code, done.stderr).toBe(0);
  return JSON.parse(done.stdout) as T;
}

describe.skipIf(process.platform !== 'linux')('credentials in the OS keychain (gnome-keyring)', () => {
  it('saves in one process, reads in another, never writes the database, and removes', async () => {
    const home = tempDir();
    const dataDir = tempDir();
    const secret = 'Bearer keychain-s3cret-7f1c';
    const saved = await step<DeliveryTarget>(home, ['save', dataDir, 'archive', secret]);
    expect(saved).toMatchObject({ name: 'archive', hasCredential: true });
    expect(JSON.stringify(saved)).not.toContain(secret);
    expect(dataDirBytes(dataDir)).not.toContain(secret);
    expect(fs.readdirSync(dataDir)).not.toContain('credentials.json');

    expect(await step(home, ['read', dataDir, saved.id])).toEqual({ credential: secret });
    expect(await step(home, ['remove', dataDir, saved.id])).toEqual({ removed: true });
    expect(await step(home, ['read', dataDir, saved.id])).toEqual({ credential: null });
  });

  it('moves a credential an older Ferry stored in clear, and leaves no copy in ferry.db', async () => {
    const home = tempDir();
    const dataDir = tempDir();
    const secret = 'Bearer clear-s3cret-93ab';
    const file = path.join(dataDir, 'ferry.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, file, 5);
    old
      .prepare(
        `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, credential, created, modified)
         VALUES ('0123456789abcdef', 'old', 'tus', 'tus', 'https://tus.test/files/', ?, '2026-01-01', '2026-01-01')`,
      )
      .run(secret);
    old.close();
    expect(fs.readFileSync(file).toString('latin1')).toContain(secret);

    expect(await step(home, ['read', dataDir, '0123456789abcdef'])).toEqual({ credential: secret });
    expect(dataDirBytes(dataDir)).not.toContain(secret);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT credential, has_credential FROM delivery_targets').get()).toEqual({
      credential: null,
      has_credential: 1,
    });
    db.close();
  });
});

describe('without a reachable keychain', () => {
  it('refuses to save a credential, saying what to do, and saves nothing', async () => {
    const dataDir = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    delete env.FERRY_CREDENTIALS;
    const child = spawn(process.execPath, ['--import', 'tsx', steps, 'save', dataDir, 'archive', 'Bearer x'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = await finished(child, 30_000);
    expect(done.code).not.toBe(0);
    expect(done.stderr).toMatch(/OS keychain cannot save the credential.*FERRY_CREDENTIALS=file/);
    const db = new Database(path.join(dataDir, 'ferry.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM delivery_targets').pluck().get()).toBe(0);
    db.close();
  });

  it('makes ferry doctor warn', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    delete env.FERRY_CREDENTIALS;
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'doctor', '--json', '--data-dir', tempDir()], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = await finished(child, 60_000);
    const report = JSON.parse(done.stdout) as { warnings: string[] };
    expect(report.warnings.join('\n')).toMatch(/OS keychain cannot be reached.*FERRY_CREDENTIALS=file/);
  });
});
