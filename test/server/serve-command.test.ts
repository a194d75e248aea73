/**
 * `ferry serve` as a user runs it: a real process that prints the link that signs the UI in,
 * keeps its token and signing key readable by the owner only, answers the API with that token,
 * and on SIGTERM closes, hands the download in flight back to the queue and exits 130.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, statesByUid, waitFor } from '../cli/ferry-process';
import { startOrigin } from '../helpers/origin-server';
import { finished, spawnTs } from '../helpers/spawn-ts';
import { tempDir } from '../helpers/temp-dir';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('ferry serve', () => {
  it('prints the sign-in link, keeps the token 0600, serves the API, and exits 130 on SIGTERM handing work back', async () => {
    const origin = await startOrigin({
      // A slow origin: the download is still in flight when the server is stopped.
      '/slow.mp4': {
        kind: 'file',
        body: Buffer.alloc(4 * 1024 * 1024),
        trickle: { chunkBytes: 16 * 1024, everyMs: 100 },
      },
    });
    closers.push(() => origin.close());
    const dataDir = tempDir();
    const child = spawnTs(bin, ['serve', '--port', '0', '--allow-private-networks', '--data-dir', dataDir]);
    const ended = finished(child, 120_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    closers.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended.catch(() => undefined);
    });
    await waitFor(() => stdout.includes('Ctrl-C stops'), 'the sign-in link');

    const token = fs.readFileSync(path.join(dataDir, 'serve-token'), 'utf8').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(path.join(dataDir, 'serve-token')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'serve-signing.key')).mode & 0o777).toBe(0o600);
    const signIn = /Open the app, signed in:\s+(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(stdout);
    expect(signIn?.[2]).toBe(token);
    const apiBase = /API base:\s+(\S+)/.exec(stdout)?.[1] ?? '';
    expect(apiBase).toBe(`${signIn?.[1]}/client/v4/accounts/local/stream`);
    expect(stdout).not.toContain(fs.readFileSync(path.join(dataDir, 'serve-signing.key'), 'utf8').trim());

    const auth = { Authorization: `Bearer ${token}` };
    const copied = await fetch(`${apiBase}/copy`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: origin.url('/slow.mp4') }),
    });
    expect(copied.status).toBe(200);
    const uid = ((await copied.json()) as { result: { uid: string } }).result.uid;
    let state = '';
    const poll = setInterval(() => {
      void fetch(`${apiBase}/${uid}`, { headers: auth })
        .then((r) => r.json() as Promise<{ result: { status: { state: string } } }>)
        .then(
          (body) => (state = body.result.status.state),
          () => undefined,
        );
    }, 100);
    try {
      await waitFor(() => state === 'downloading', 'the download to start', 30_000);
    } finally {
      clearInterval(poll);
    }

    child.kill('SIGTERM');
    const result = await ended;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('went back to the queue');
    expect(await statesByUid(dataDir)).toEqual({ [uid]: 'queued' });
    // The port is closed.
    await expect(fetch(`${apiBase}/${uid}`, { headers: auth })).rejects.toThrow();
  }, 120_000);
});
