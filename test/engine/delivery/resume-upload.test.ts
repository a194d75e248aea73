/**
 * An upload stopped mid-way (paused by the user, or its process killed) continues from the
 * server's offset instead of starting again: the server receives the file about once in all,
 * counted on its side, and ends with the same bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { openStore } from '../../helpers/open-store';
import { sha256 } from '../../helpers/origin-server';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';
import { startTusServer, type TusTestServer } from '../../helpers/tus-server';
import { until } from '../../helpers/wait-for';

const worker = path.join(repoRoot, 'test/helpers/engine-worker.ts');
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-resume-media-'));
let file: string;
let size: number;
let tus: TusTestServer;
const engines: Engine[] = [];

beforeAll(async () => {
  file = await make.noisyMp4(mediaDir, 1);
  size = fs.statSync(file).size;
});
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.close();
  await tus?.close();
});

/** A data directory with the file queued for delivery, not transcoded; answers the engine and the video's uid. */
async function queued(dataDir: string): Promise<{ engine: Engine; uid: string }> {
  tus = await startTusServer();
  const engine = createEngine({ dataDir, delivery: { retryBaseMs: 20, chunkSize: 1024 * 1024 } });
  engines.push(engine);
  const target = await engine.saveTarget({ name: 'archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint });
  const added = await engine.addFiles({ paths: [file], options: { transcode: false, deliverTo: [target.id] } });
  return { engine, uid: added.queued[0]!.uid };
}

/** The delivery's row as another process sees it. */
function deliveryRow(dataDir: string): { upload_url: string | null; upload_offset: number; state: string } {
  const db = new Database(path.join(dataDir, 'ferry.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT upload_url, upload_offset, state FROM deliveries').get() as ReturnType<
      typeof deliveryRow
    >;
  } finally {
    db.close();
  }
}

function expectDelivered(received: number, before: number): void {
  const [upload] = tus.uploads();
  expect(tus.uploads()).toHaveLength(1);
  expect(sha256(tus.file(upload!))).toBe(sha256(fs.readFileSync(file)));
  // Sent again from the start, the server would have had `before` bytes and then the whole file.
  expect(received).toBeLessThan(size + before);
  expect(tus.requests.some((r) => r.method === 'HEAD' && r.status === 200)).toBe(true);
}

describe('a stopped upload continues from the server offset', () => {
  it('after a pause, a restart of the engine and a resume', async () => {
    const dataDir = tempDir();
    const { engine: first, uid } = await queued(dataDir);
    let engine = first;
    tus.throttle(size / 2);
    const running = engine.run();
    await until(() => tus.totalReceived() > 256 * 1024, 20_000);
    expect(await engine.pause({ uids: [uid] })).toEqual({ changed: 1 });
    await running;
    const before = tus.totalReceived();
    expect(before).toBeLessThan(size);
    const paused = await engine.get({ uid });
    expect(paused.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(paused.deliveries[0]).toMatchObject({ state: 'queued', remoteId: tus.uploads()[0] });
    expect((await engine.history({ uid })).map((e) => e.type)).toContain('deliveries-paused');

    // A new engine on the same data directory: the delivery is still paused, and no run touches it.
    engine.close();
    engine = createEngine({ dataDir, delivery: { retryBaseMs: 20, chunkSize: 1024 * 1024 } });
    engines.push(engine);
    const requests = tus.requests.length;
    await engine.run();
    expect(tus.requests).toHaveLength(requests);
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'queued' });

    tus.throttle(null);
    expect(await engine.resume({ uids: [uid] })).toEqual({ changed: 1 });
    await engine.run();
    const video = await engine.get({ uid });
    expect(video.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', pctComplete: 100, remoteId: tus.uploads()[0] });
    expectDelivered(tus.totalReceived(), before);
  });

  it('after the whole queue is paused and resumed', async () => {
    const { engine, uid } = await queued(tempDir());
    tus.throttle(size / 2);
    const running = engine.run();
    await until(() => tus.totalReceived() > 256 * 1024, 20_000);
    await engine.pauseQueue();
    await running;
    const before = tus.totalReceived();
    expect(before).toBeLessThan(size);
    // Still waiting at the deliver stage, unclaimed, for when the queue goes on.
    expect((await engine.get({ uid })).status).toMatchObject({ state: 'ready', step: 'deliver' });
    const opened = openStore(engine.paths.dataDir);
    expect(opened.store.leaseHolder(uid)).toBeNull();
    opened.close();

    tus.throttle(null);
    await engine.resumeQueue();
    await engine.run();
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'ready', pctComplete: 100 });
    expectDelivered(tus.totalReceived(), before);
  });

  it('after its engine process is killed, in the next run', async () => {
    const dataDir = tempDir();
    const { engine, uid } = await queued(dataDir);
    engine.close();
    engines.length = 0;
    tus.throttle(size / 2);
    const child = spawnTs(worker, [dataDir]);
    const done = finished(child, 60_000);
    await until(() => tus.totalReceived() > 256 * 1024, 20_000);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const before = tus.totalReceived();
    expect(before).toBeLessThan(size);
    // The upload URL was saved as soon as the server made it.
    expect(deliveryRow(dataDir)).toMatchObject({ state: 'uploading', upload_url: expect.stringContaining('/files/') });

    tus.throttle(null);
    const again = await finished(spawnTs(worker, [dataDir]), 60_000);
    expect(again.code, again.stderr).toBe(0);
    const reader = createEngine({ dataDir });
    engines.push(reader);
    const video = await reader.get({ uid });
    expect(video.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', remoteId: tus.uploads()[0] });
    expect(deliveryRow(dataDir).upload_offset).toBe(size);
    expectDelivered(tus.totalReceived(), before);
  });
});
