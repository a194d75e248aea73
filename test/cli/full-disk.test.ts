/**
 * A data directory on a nearly full volume, as a new user met it: a real 20 MiB tmpfs and a real
 * HTTP origin serving a video larger than the room left. `ferry ingest` must say why it stopped,
 * `ferry status` must show it, and nothing downloaded may be lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueTotals } from '../../shared/api';
import { dispatch } from '../../electron/engine/api/dispatch';
import { createEngine } from '../../electron/engine/create-engine';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { sha256, startOrigin } from '../helpers/origin-server';
import { mountSmallVolume } from '../helpers/small-volume';
import { tempDir } from '../helpers/temp-dir';
import { runFerry } from './ferry-in-process';

async function originWithVideo(seconds: number) {
  const body = fs.readFileSync(await make.noisyMp4(tempDir(), seconds));
  const origin = await startOrigin({ '/big.mp4': { kind: 'file', body, contentType: 'video/mp4' } });
  return { body, origin, link: origin.url('/big.mp4') };
}

async function listed(dataDir: string): Promise<Video[]> {
  return (JSON.parse((await runFerry(['list', '--json', '--data-dir', dataDir])).stdout) as { videos: Video[] }).videos;
}

async function totals(dataDir: string): Promise<QueueTotals> {
  return JSON.parse((await runFerry(['status', '--json', '--data-dir', dataDir])).stdout) as QueueTotals;
}

describe('a data directory on a nearly full disk', () => {
  it('under the free-space guard: ingest exits 1 saying why, and status says it too', async () => {
    const volume = mountSmallVolume(20);
    const { origin, link } = await originWithVideo(1);
    try {
      const ingest = await runFerry(['ingest', link, '--no-transcode', '--data-dir', volume.dir]);
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toContain(`free on the disk holding ${volume.dir}`);
      expect(ingest.stderr).toContain('less than 2.0 GiB free');
      expect(ingest.stderr).toMatch(/Free some space on that disk, move the library .*ferry settings library/);

      const [video] = await listed(volume.dir);
      expect(video?.status).toMatchObject({ state: 'queued', pctComplete: 0 });
      const status = await runFerry(['status', '--data-dir', volume.dir]);
      expect(status.stdout).toContain(`low disk space: Only`);
      expect(status.stdout).toContain(volume.dir);
      expect((await totals(volume.dir)).queue).toMatchObject({
        lowDiskSpace: true,
        disk: { kind: 'low', dataDir: volume.dir, neededBytes: 2 * 1024 ** 3 },
      });
    } finally {
      await origin.close();
    }
  });

  it('with no room left even for the database: a command says so, and changes nothing', async () => {
    const volume = mountSmallVolume(20);
    const media = tempDir();
    const files = await Promise.all([make.standardDefinition43(media)]);
    expect((await runFerry(['settings', 'minFreeDiskBytes', '0', '--data-dir', volume.dir])).code).toBe(0);
    const links = Array.from({ length: 300 }, (_, i) => `https://videos.example.test/${i}.mp4`);
    // An engine already open when the disk fills up: its command is refused, saying why.
    const engine = createEngine({ dataDir: volume.dir });
    try {
      volume.fill(0);
      const added = await dispatch(engine, 'addLinks', { links: links.map((url) => ({ url })) });
      expect(added).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: expect.stringMatching(/^The disk holding Ferry's data directory is full/) },
      });
    } finally {
      engine.close();
    }
    const ingest = await runFerry(['ingest', ...files, ...links, '--data-dir', volume.dir]);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(
      /^ferry: The disk holding .* is full.*: ferry\.db could not be .*, so nothing was changed/m,
    );
    volume.freeUp();
    expect(await listed(volume.dir)).toEqual([]);
  });

  it('filling up during a download: the queue pauses saying where, how much and what to do; freed and resumed, the download ends from its bytes', async () => {
    const volume = mountSmallVolume(20);
    const { body, origin, link } = await originWithVideo(4);
    try {
      expect((await runFerry(['settings', 'minFreeDiskBytes', '1MiB', '--data-dir', volume.dir])).code).toBe(0);
      volume.fill(body.length / 2);
      const ingest = await runFerry(['ingest', link, '--no-transcode', '--data-dir', volume.dir]);
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toMatch(
        new RegExp(
          `The disk holding ${volume.dir} is full \\([\\d.]+ (B|KiB|MiB) free\\): the download of "big.mp4" needs about [\\d.]+ MiB more`,
        ),
      );
      expect(ingest.stderr).toContain('then resume the queue (ferry resume --queue');

      const [video] = await listed(volume.dir);
      expect(video?.status).toMatchObject({ state: 'queued', step: 'fetch' });
      // The bytes it got stay on disk for the resume.
      const originals = path.join(volume.dir, 'originals', video!.uid);
      const part = fs.readdirSync(originals).find((name) => name.endsWith('.part'));
      expect(fs.statSync(path.join(originals, part!)).blocks * 512).toBeGreaterThan(body.length / 4);
      const status = await runFerry(['status', '--data-dir', volume.dir]);
      expect(status.stdout).toContain(`queue paused: The disk holding ${volume.dir} is full`);
      const queue = (await totals(volume.dir)).queue;
      expect(queue).toMatchObject({ paused: true, disk: { kind: 'full', dataDir: volume.dir } });
      expect(queue.disk?.neededBytes).toBeGreaterThan(1024 ** 2);
      const getsBefore = origin.served.requests.length;
      // Until resumed, a run starts nothing and says why.
      const waiting = await runFerry(['run', '--data-dir', volume.dir]);
      expect(waiting.code).toBe(1);
      expect(waiting.stdout).toContain(`queue paused: The disk holding ${volume.dir} is full`);

      volume.freeUp();
      expect((await runFerry(['resume', '--queue', '--data-dir', volume.dir])).code).toBe(0);
      expect((await totals(volume.dir)).queue.disk).toBeUndefined();
      const run = await runFerry(['run', '--data-dir', volume.dir]);
      expect(run.code, run.stderr).toBe(0);
      const [done] = await listed(volume.dir);
      expect(done?.status.state).toBe('ready');
      expect(sha256(fs.readFileSync(done!.downloads!.default))).toBe(sha256(body));
      // The resumed download asked only for what was missing.
      const resumed = origin.served.requests.slice(getsBefore).filter((r) => r.method === 'GET');
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.every((r) => /^bytes=[1-9]\d*-/.test(String(r.headers.range)))).toBe(true);
      expect(fs.readdirSync(path.join(volume.dir, 'library')).filter((n) => n.includes('.partial'))).toEqual([]);
    } finally {
      await origin.close();
    }
  });
});
