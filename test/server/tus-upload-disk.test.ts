/**
 * `ferry serve` (startServer) on a data directory in a small real file system, an 80 MiB tmpfs:
 * an upload that does not fit its free space less `minFreeDiskBytes` is refused with 507, at its
 * creation and chunk by chunk, so however a client sends, the disk keeps that much free. (Mounting
 * needs root on Linux; elsewhere the test is skipped.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './stream-fixture';
import { chunkSize, createUpload, patchUpload, refusal } from './tus-client';

const MiB = 1024 * 1024;
const canMount = process.platform === 'linux' && process.getuid?.() === 0;
const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-small-disk-'));

beforeAll(() => {
  if (canMount) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=80m', 'tmpfs', mount]);
});

afterAll(() => {
  if (canMount) execFileSync('umount', [mount]);
  fs.rmSync(mount, { recursive: true, force: true });
});

const freeBytes = () => {
  const disk = fs.statfsSync(mount);
  return disk.bavail * disk.bsize;
};

describe.skipIf(!canMount)('uploads on a small disk', () => {
  it('are refused with 507 when they do not fit the free space less minFreeDiskBytes, at creation and chunk by chunk', async () => {
    const api = await serve({ dataDir: path.join(mount, 'data') });
    await api.server.engine.setSettings({ minFreeDiskBytes: 20 * MiB });
    const create = (headers: Record<string, string>) => createUpload(api.server.baseUrl, api.server.token, headers);
    const bearer = { Authorization: `Bearer ${api.server.token}` };

    const larger = await create({ 'Upload-Length': String(100 * MiB) });
    expect(larger.status).toBe(507);
    expect(await refusal(larger)).toMatch(
      /^This upload is 104857600 bytes \(100 MiB\); the data directory has room for \d+ bytes .* minFreeDiskBytes/,
    );

    // A deferred upload fed 5 MiB at a time: chunks go in until the next would cross the threshold.
    const deferred = await create({ 'Upload-Defer-Length': '1' });
    const location = deferred.headers.get('location')!;
    let offset = 0;
    let last: Response | undefined;
    for (let chunk = 0; chunk < 20; chunk++) {
      last = await patchUpload(location, offset, Buffer.alloc(chunkSize, chunk), bearer);
      if (last.status !== 204) break;
      offset += chunkSize;
    }
    expect(last?.status).toBe(507);
    expect(await refusal(last!)).toMatch(/^This chunk is 5242880 bytes \(5\.0 MiB\); the data directory has room for/);
    expect(offset).toBeGreaterThanOrEqual(5 * chunkSize);
    expect(freeBytes()).toBeGreaterThanOrEqual(20 * MiB);
    expect(fs.statSync(path.join(mount, 'data', 'uploads', deferred.headers.get('stream-media-id')!)).size).toBe(
      offset,
    );
  }, 60_000);

  it('refuse a direct creator upload (a form to its one-time URL) that does not fit, before reading it', async () => {
    const api = await serve({ dataDir: path.join(mount, 'direct') });
    // Whatever the first test left, 16 MiB more would cross a threshold set just under the free space.
    await api.server.engine.setSettings({ minFreeDiskBytes: freeBytes() - 8 * MiB });
    const created = await fetch(`${api.server.apiBase}/direct_upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ maxDurationSeconds: 60 }),
    });
    const { result } = (await created.json()) as { result: { uploadURL: string } };
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(16 * MiB, 1)]), 'clip.mp4');

    const before = freeBytes();
    const posted = await fetch(result.uploadURL, { method: 'POST', body: form });

    expect(posted.status).toBe(507);
    expect(await refusal(posted)).toMatch(/the data directory has room for \d+ bytes .* minFreeDiskBytes/);
    expect(before - freeBytes()).toBeLessThan(MiB);
  }, 60_000);
});
