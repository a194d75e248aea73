/**
 * The engine that keeps running (the app, ferry serve) on a disk that fills up mid-download, with
 * too little room ever to have made the database's reserve: the queue pauses, and once space is
 * freed and the queue resumed, the video finishes without a restart. A real 20 MiB tmpfs, a real origin.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { createEngine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { mountSmallVolume } from '../../helpers/small-volume';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';

describe('a full disk under a running engine', () => {
  it('pauses the queue; freed and resumed, the video finishes without a restart', async () => {
    const volume = mountSmallVolume(20);
    const body = fs.readFileSync(await make.noisyMp4(tempDir(), 2));
    const origin = await startOrigin({ '/clip.mp4': { kind: 'file', body, contentType: 'video/mp4' } });
    const engine = createEngine({ dataDir: volume.dir });
    const stop = new AbortController();
    try {
      expect((await dispatch(engine, 'setSettings', { minFreeDiskBytes: 0 })).ok).toBe(true);
      // Less than the database's reserve needs to be made: nothing is kept back for its writes.
      volume.fill(1536 * 1024);
      const added = await dispatch(engine, 'addLinks', {
        links: [{ url: origin.url('/clip.mp4') }],
        options: { transcode: false },
      });
      if (!added.ok) throw new Error(added.error.message);
      const uid = added.value.queued[0]!.uid;
      const running = engine.run({ watch: true, signal: stop.signal, pollMs: 50 });
      const queue = async () => {
        const totals = await dispatch(engine, 'totals', undefined);
        if (!totals.ok) throw new Error(totals.error.message);
        return totals.value.queue;
      };
      await until(async () => (await queue()).disk?.kind === 'full', 30_000);
      expect((await queue()).paused).toBe(true);

      volume.freeUp();
      expect((await dispatch(engine, 'resumeQueue', undefined)).ok).toBe(true);
      const video = async () => {
        const got = await dispatch(engine, 'get', { uid });
        if (!got.ok) throw new Error(got.error.message);
        return got.value;
      };
      await until(async () => (await video()).status.state === 'ready', 30_000);
      expect(sha256(fs.readFileSync((await video()).downloads!.default))).toBe(sha256(body));
      stop.abort();
      await running;
    } finally {
      stop.abort();
      engine.close();
      await origin.close();
    }
  });
});
