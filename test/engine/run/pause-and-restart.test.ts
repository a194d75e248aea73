/**
 * Pause in each stage, restart the process, resume: the work goes on from where it was saved.
 * The engine works in its own process; the user's commands come from another, as when the CLI
 * talks to the same data directory as a running app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import type { Video } from '../../../shared/video';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin, type FileRoute } from '../../helpers/origin-server';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';
import { piecesOnDisk, until } from '../../helpers/wait-for';

const worker = path.join(repoRoot, 'test/helpers/engine-worker.ts');
let origin: Awaited<ReturnType<typeof startOrigin>>;
let body: Buffer;

beforeAll(async () => {
  // Several 1 MiB pieces that do not compress, and a transcode long enough to catch.
  const source = await make.landscape1080(tempDir(), 6);
  const big = `${source}.noisy.mkv`;
  await make.ff([
    '-i',
    source,
    '-vf',
    'noise=alls=20:allf=t',
    '-c:v',
    'libx264',
    '-crf',
    '8',
    '-preset',
    'ultrafast',
    '-c:a',
    'copy',
    big,
  ]);
  body = fs.readFileSync(big);
  origin = await startOrigin({ '/talk.mkv': { kind: 'file', body, trickle: { chunkBytes: 64 * 1024, everyMs: 10 } } });
});
afterAll(() => origin.close());

describe('pause, restart, resume', () => {
  it('continues each stage from its saved point: bytes on disk, the probe, a fresh transcode', async () => {
    const dataDir = tempDir();
    const user: Engine = createEngine({ dataDir });
    try {
      const [queued] = (await user.addLinks({ links: [{ url: origin.url('/talk.mkv') }], options: { ladder: [360] } }))
        .queued;
      const uid = queued!.uid;
      const video = (): Promise<Video> => user.get({ uid });

      /** Starts the engine process, pauses the video once `when` holds, and waits for the process to end. */
      const pauseWhen = async (when: () => boolean | Promise<boolean>) => {
        const child = spawnTs(worker, [dataDir]);
        const done = finished(child, 120_000);
        await until(when);
        expect(await user.pause({ uids: [uid] })).toEqual({ changed: 1 });
        expect((await done).code).toBe(0); // the engine stopped the work and found nothing else to do
        expect((await video()).status.state).toBe('paused');
        // Restarted, a paused video stays paused.
        expect((await finished(spawnTs(worker, [dataDir]), 60_000)).code).toBe(0);
        expect((await video()).status.state).toBe('paused');
        expect(await user.resume({ uids: [uid] })).toEqual({ changed: 1 });
      };

      // 1. Mid-download, with two pieces on disk.
      await pauseWhen(() => piecesOnDisk(dataDir, uid, 'talk.mkv') >= 2);
      const servedAtPause = origin.served.bytes.get('/talk.mkv') ?? 0;
      expect(servedAtPause).toBeLessThan(body.length);
      (origin.routes['/talk.mkv'] as FileRoute).trickle = undefined;

      // 2. Downloaded, waiting for or in its probe.
      await pauseWhen(async () => (await video()).status.step === 'probe');
      const resent = (origin.served.bytes.get('/talk.mkv') ?? 0) - body.length;
      expect(resent).toBeLessThan(servedAtPause);
      expect(sha256(fs.readFileSync((await video()).source.path!))).toBe(sha256(body));
      const getsAfterDownload = origin.served.gets.get('/talk.mkv');

      // 3. Mid-transcode: that stage starts again from the beginning later, nothing before it does.
      await pauseWhen(async () => {
        const { status } = await video();
        return status.state === 'inprogress' && status.step === 'transcode' && status.pctComplete > 0;
      });
      expect(fs.readdirSync(user.paths.library).filter((e) => e.startsWith(uid))).toEqual([]);

      expect((await finished(spawnTs(worker, [dataDir]), 120_000)).code).toBe(0);
      expect((await video()).status.state).toBe('ready');
      expect(origin.served.gets.get('/talk.mkv')).toBe(getsAfterDownload);
      const transcodeClaims = (await user.history({ uid })).filter(
        (e) => e.type === 'claimed' && e.data.stage === 'transcode',
      );
      expect(transcodeClaims.length).toBeGreaterThanOrEqual(2);
    } finally {
      user.close();
    }
  }, 300_000);
});
