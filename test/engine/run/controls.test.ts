import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin, type FileRoute } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { piecesOnDisk, until } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(routes: Parameters<typeof startOrigin>[0]) {
  const origin = await startOrigin(routes);
  const engine: Engine = createEngine({ dataDir: tempDir(), fetch: { baseMs: 20, idleTimeoutMs: 5000 } });
  cleanups.push(
    () => origin.close(),
    () => engine.close(),
  );
  return { origin, engine };
}

describe('pause, resume and retry', () => {
  it('pauses a download keeping its bytes, and resumes it from there', async () => {
    const source = await make.variableFrameRate(tempDir());
    const big = await make.incompressible(source);
    const body = fs.readFileSync(big);
    const { origin, engine } = await setup({
      '/v.mkv': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 20 } },
    });
    const [video] = (await engine.addLinks({ links: [{ url: origin.url('/v.mkv') }], options: { ladder: [240] } }))
      .queued;
    const uid = video!.uid;
    const running = engine.run();
    // Pause once at least two pieces are safely on disk (bounded wait).
    await until(() => piecesOnDisk(engine.paths.dataDir, uid, 'v.mkv') >= 2);
    expect(await engine.pause({ uids: [uid] })).toEqual({ changed: 1 });
    await running;
    expect((await engine.get({ uid })).status.state).toBe('paused');
    const servedWhenPaused = origin.served.bytes.get('/v.mkv') ?? 0;

    await engine.run(); // a paused video is not picked up
    expect((await engine.get({ uid })).status.state).toBe('paused');

    expect(await engine.resume({ all: true })).toEqual({ changed: 1 });
    (origin.routes['/v.mkv'] as FileRoute).trickle = undefined;
    await engine.run();
    const done = await engine.get({ uid });
    expect(done.status.state).toBe('ready');
    expect(sha256(fs.readFileSync(done.source.path!))).toBe(sha256(body));
    const resent = (origin.served.bytes.get('/v.mkv') ?? 0) - body.length;
    expect(resent).toBeLessThan(servedWhenPaused);
  });

  it('retries a failed download once the origin is fixed', async () => {
    const video = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const { origin, engine } = await setup({ '/v.avi': { kind: 'status', status: 404 } });
    const [queued] = (await engine.addLinks({ links: [{ url: origin.url('/v.avi') }], options: { ladder: [240] } }))
      .queued;
    await engine.run();
    expect((await engine.get({ uid: queued!.uid })).status.errorReasonCode).toBe('ERR_FETCH_NOT_FOUND');
    origin.routes['/v.avi'] = { kind: 'file', body: video };
    expect(await engine.retry({ uids: [queued!.uid] })).toEqual({ changed: 1 });
    await engine.run();
    expect((await engine.get({ uid: queued!.uid })).status.state).toBe('ready');
  });

  it('retries from the stage that failed, without downloading again', async () => {
    const broken = fs.readFileSync(await make.truncatedAfterIndex(tempDir()));
    const { origin, engine } = await setup({ '/v.mp4': { kind: 'file', body: broken } });
    const [queued] = (await engine.addLinks({ links: [{ url: origin.url('/v.mp4') }] })).queued;
    await engine.run();
    const failed = await engine.get({ uid: queued!.uid });
    expect(failed.status).toMatchObject({ state: 'error', step: 'transcode', errorReasonCode: 'ERR_MALFORMED_VIDEO' });
    const gets = origin.served.gets.get('/v.mp4');
    await engine.retry({ all: true });
    expect((await engine.get({ uid: queued!.uid })).status).toMatchObject({ state: 'queued', step: 'transcode' });
    await engine.run();
    expect((await engine.get({ uid: queued!.uid })).status.state).toBe('error');
    expect(origin.served.gets.get('/v.mp4')).toBe(gets);
  });
});
