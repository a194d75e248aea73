/**
 * `ferry serve` answers reads beside the engine: with the engine's process frozen (SIGSTOP, as a
 * process starved of CPU or stuck in a long transaction would be), get, list, getMany and history
 * still answer, the same as the engine would, while a write waits for the engine.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/server/start-server';
import { tempDir } from '../../helpers/temp-dir';

let server: RunningServer | undefined;
afterEach(async () => {
  const pid = server?.engine.pid();
  if (pid) process.kill(pid, 'SIGCONT');
  await server?.stop();
});

it('answers reads while the engine is frozen, and writes once it runs again', async () => {
  server = await startServer({ dataDir: path.join(tempDir(), 'data'), port: 0 });
  const { engine } = server;
  await engine.pauseQueue();
  const { queued } = await engine.addLinks({ links: [{ url: 'https://example.com/talk.mp4', name: 'Talk' }] });
  const uid = queued[0]!.uid;
  const fromEngine = { video: await engine.get({ uid }), history: await engine.history({ uid }) };

  process.kill(engine.pid()!, 'SIGSTOP');
  let wrote = false;
  const write = engine.edit({ uid, changes: { meta: { name: 'Keynote' } } }).then(() => (wrote = true));
  expect(await engine.get({ uid })).toEqual(fromEngine.video);
  expect(await engine.getMany({ uids: [uid, 'f'.repeat(32)] })).toEqual([fromEngine.video]);
  expect((await engine.list({})).videos.map((video) => video.uid)).toEqual([uid]);
  expect(await engine.history({ uid })).toEqual(fromEngine.history);
  expect(await engine.call('get', { uid: 'f'.repeat(32) })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringContaining('f'.repeat(32)) },
  });
  expect(await engine.call('list', { limit: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(wrote).toBe(false);

  process.kill(engine.pid()!, 'SIGCONT');
  await write;
  expect((await engine.get({ uid })).meta.name).toBe('Keynote');
});
