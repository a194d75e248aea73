/**
 * A link's credentials in a real OS keychain (gnome-keyring's Secret Service under a private D-Bus
 * session), through the real `ferry` CLI: `ingest --header` keeps the token in the keychain, not
 * in the data directory, the download still sends it, and `remove` takes it out of the keychain.
 * Without a keychain and without FERRY_CREDENTIALS=file, the link is refused, saying what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { bin, ferry } from '../../cli/ferry-process';
import { dataDirBytes } from '../../helpers/data-dir-bytes';
import { runUnderKeyring } from '../../helpers/keyring-session';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { repoRoot } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';

const steps = path.join(repoRoot, 'test/helpers/credential-steps.ts');
const token = 'Bearer keyring-tok-3c9d';
const origins: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.close();
});

function vaultRef(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'ferry.db'), { readonly: true });
  try {
    const stored = db.prepare('SELECT request_headers FROM videos').pluck().get() as string;
    return (JSON.parse(stored) as { secret: { ref: string } }).secret.ref;
  } finally {
    db.close();
  }
}

describe.skipIf(process.platform !== 'linux')("a link's credentials in the OS keychain (gnome-keyring)", () => {
  it('are kept there by ferry ingest, sent to the origin, and removed by ferry remove', async () => {
    const video = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({
      '/clip.avi': { kind: 'file', body: video, requireHeader: ['Authorization', token] },
    });
    origins.push(origin);
    const home = tempDir();
    const dataDir = tempDir();
    const ingest = ['ingest', origin.url('/clip.avi'), '--header', `Authorization: ${token}`, '--no-transcode'];
    const done = await runUnderKeyring(home, bin, [...ingest, '--json', '--data-dir', dataDir]);
    expect(done.code, done.stderr).toBe(0);
    const [ready] = JSON.parse(done.stdout) as Video[];
    expect(ready!.status.state).toBe('ready');
    expect(origin.served.requests.length).toBeGreaterThan(0);
    expect(dataDirBytes(dataDir)).not.toContain(token);
    expect(fs.readdirSync(dataDir)).not.toContain('credentials.json');

    const read = async () => {
      const step = await runUnderKeyring(home, steps, ['read', dataDir, `headers:${vaultRef(dataDir)}`]);
      expect(step.code, step.stderr).toBe(0);
      return JSON.parse(step.stdout) as { credential: string | null };
    };
    const kept = await read();
    expect(JSON.parse(kept.credential ?? '{}')).toEqual({ Authorization: token });

    const ref = vaultRef(dataDir);
    const removed = await runUnderKeyring(home, bin, ['remove', ready!.uid, '--data-dir', dataDir]);
    expect(removed.code, removed.stderr).toBe(0);
    const step = await runUnderKeyring(home, steps, ['read', dataDir, `headers:${ref}`]);
    expect(JSON.parse(step.stdout)).toEqual({ credential: null });
  });
});

describe('without a reachable keychain', () => {
  it('refuses a link with credentials, saying how to keep them in a file, and queues nothing', async () => {
    const dataDir = tempDir();
    const env: NodeJS.ProcessEnv = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', FERRY_CREDENTIALS: '' };
    const link = 'https://media.example/v.mp4';
    const done = await ferry(['ingest', link, '--header', `Authorization: ${token}`, '--data-dir', dataDir], env);
    expect(done.code).not.toBe(0);
    expect(done.stderr).toMatch(
      /OS keychain cannot save the credential of a link's request headers.*FERRY_CREDENTIALS=file/,
    );
    const list = await ferry(['list', '--json', '--data-dir', dataDir], { FERRY_CREDENTIALS: 'file' });
    expect(JSON.parse(list.stdout)).toMatchObject({ videos: [], total: 0 });
    expect(dataDirBytes(dataDir)).not.toContain(token);
  });
});
