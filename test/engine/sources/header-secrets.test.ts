/**
 * A link's credentials (Authorization, Cookie, X-Api-Key, …) are kept in the credential vault,
 * never in ferry.db: the download reads them back, removing the last video that needs them
 * removes them, and rows an older Ferry wrote in clear are moved at the first open. Through the
 * real dispatcher on a real engine, with the opt-in file vault (the keychain's own test is in
 * header-secrets-keychain.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { ferry, fileStore } from '../../cli/ferry-process';
import { tempDir } from '../../helpers/temp-dir';
import { openLinkEngine, originForTest, videoForFile } from './link-engine';

const token = 'Bearer tok-5d1e0a';
const cookie = 'sid=c00k-77b2';
const apiKey = 'key-9a8b7c';
const video = videoForFile();

/** ferry.db, its -wal and -shm, as text. */
function databaseBytes(dataDir: string): string {
  return ['ferry.db', 'ferry.db-wal', 'ferry.db-shm']
    .map((name) => path.join(dataDir, name))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('\n');
}

const vaultText = (dataDir: string) => {
  const file = path.join(dataDir, 'credentials.json');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
};

function protectedOrigin() {
  return originForTest({
    '/a.mp4': { kind: 'file', body: video(), requireHeader: ['Authorization', token] },
    '/b.mp4': { kind: 'file', body: video(), requireHeader: ['X-Api-Key', apiKey] },
  });
}

describe("a link's credentials", () => {
  it('go to the vault, not ferry.db, reach the origin, and leave with the last video that needs them', async () => {
    const origin = await protectedOrigin();
    const dataDir = tempDir();
    const engine = openLinkEngine(dataDir);
    const headers = { Authorization: token, Cookie: cookie, 'X-Api-Key': apiKey, 'X-Tenant': 'north' };
    const added = await dispatch(engine, 'addLinks', {
      links: [
        { url: origin.url('/a.mp4'), headers },
        { url: origin.url('/b.mp4'), headers },
      ],
      options: { transcode: false },
    });
    if (!added.ok) throw new Error(added.error.message);
    const [a, b] = added.value.queued.map((v) => v.uid) as [string, string];
    for (const secret of [token, cookie, apiKey]) {
      expect(databaseBytes(dataDir)).not.toContain(secret);
      expect(vaultText(dataDir)).toContain(JSON.stringify(secret).slice(1, -1));
    }

    await engine.run();
    expect((await engine.get({ uid: a })).status.state).toBe('ready');
    expect((await engine.get({ uid: b })).status.state).toBe('ready');
    expect(origin.served.requests.every((request) => request.headers.cookie === cookie)).toBe(true);
    expect(origin.served.requests.every((request) => request.headers['x-tenant'] === 'north')).toBe(true);
    expect(databaseBytes(dataDir)).not.toContain(token);

    await dispatch(engine, 'remove', { uids: [a] });
    expect(vaultText(dataDir)).toContain(apiKey);
    await dispatch(engine, 'remove', { uids: [b] });
    expect(vaultText(dataDir)).not.toContain(apiKey);
    expect(vaultText(dataDir)).not.toContain(token);
  });

  it('stored in clear by an older Ferry are moved to the vault at the first open, and still sent', async () => {
    const origin = await protectedOrigin();
    const dataDir = tempDir();
    const older = openLinkEngine(dataDir);
    const added = await older.addLinks({ links: [{ url: origin.url('/a.mp4') }], options: { transcode: false } });
    const uid = added.queued[0]!.uid;
    older.close();
    // What Ferry wrote before the vault kept them: every header, in clear, in the row.
    const db = new Database(path.join(dataDir, 'ferry.db'));
    db.prepare('UPDATE videos SET request_headers = ? WHERE uid = ?').run(
      JSON.stringify({ Authorization: token, 'X-Tenant': 'north' }),
      uid,
    );
    db.close();
    expect(databaseBytes(dataDir)).toContain(token);

    const engine = openLinkEngine(dataDir);
    expect(databaseBytes(dataDir)).not.toContain(token);
    expect(vaultText(dataDir)).toContain(token);
    await engine.run();
    expect((await engine.get({ uid })).status.state).toBe('ready');
    expect(origin.served.requests.every((request) => request.headers['x-tenant'] === 'north')).toBe(true);
  });

  it('missing from the vault end the video in an error that says what to do, without a request', async () => {
    const origin = await protectedOrigin();
    const dataDir = tempDir();
    const engine = openLinkEngine(dataDir);
    const added = await engine.addLinks({ links: [{ url: origin.url('/a.mp4'), headers: { Authorization: token } }] });
    fs.writeFileSync(path.join(dataDir, 'credentials.json'), '{}', { mode: 0o600 });
    await engine.run();
    const { status } = await engine.get({ uid: added.queued[0]!.uid });
    expect(status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR' });
    expect(status.errorReasonText).toMatch(/request headers Authorization are not in the credentials file.*again/);
    expect(origin.served.requests).toEqual([]);
  });

  it('named secret by the user are kept in the vault too (ingest option secretHeaders, ferry ingest --secret-header)', async () => {
    const pass = 'origin-pass-61f0';
    const origin = await originForTest({
      '/c.mp4': { kind: 'file', body: video(), requireHeader: ['X-Origin-Pass', pass] },
    });
    const dataDir = tempDir();
    const engine = openLinkEngine(dataDir);
    const added = await dispatch(engine, 'addLinks', {
      links: [{ url: origin.url('/c.mp4'), headers: { 'X-Origin-Pass': pass } }],
      options: { secretHeaders: ['x-origin-pass'], transcode: false },
    });
    expect(added.ok).toBe(true);
    expect(databaseBytes(dataDir)).not.toContain(pass);
    expect(vaultText(dataDir)).toContain(pass);
    engine.close();

    const cliDir = tempDir();
    const args = ['ingest', origin.url('/c.mp4'), '--secret-header', `X-Origin-Pass: ${pass}`, '--no-transcode'];
    const done = await ferry([...args, '--data-dir', cliDir], fileStore);
    expect(done.code, done.stderr).toBe(0);
    expect(databaseBytes(cliDir)).not.toContain(pass);
    expect(vaultText(cliDir)).toContain(pass);
  });
});
