/**
 * A move while the queue works: the move pauses the queue and stops the transcode under way
 * (it goes back to its stage, its attempt folder removed), copies the finished videos, switches,
 * and resumes the queue; the stopped transcode runs again and publishes into the new library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { solidColor } from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';
import { treeHashes } from './library-fixture';

describe('a library move while a transcode runs', () => {
  it('stops the transcode, and it publishes into the new library once the queue resumes', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const old = path.join(dataDir, 'library');
    const to = path.join(dir, 'moved');
    const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    const stop = new AbortController();
    const running = engine.run({ watch: true, signal: stop.signal, pollMs: 100 });
    try {
      const first = await solidColor(dir, 'navy', '160x90', 1);
      const [done] = (await engine.addFiles({ paths: [first] })).queued;
      await until(async () => (await engine.get({ uid: done!.uid })).status.state === 'ready');
      const published = treeHashes(path.join(old, done!.uid));
      // Long enough to be under way when the move starts.
      const second = await solidColor(dir, 'teal', '1280x720', 8);
      const [working] = (await engine.addFiles({ paths: [second] })).queued;
      const transcoding = async () =>
        (await engine.history({ uid: working!.uid })).some((e) => e.type === 'claimed' && e.data.stage === 'transcode');
      await until(transcoding);

      const moved = await engine.moveLibrary({ to });
      expect(moved).toMatchObject({ library: to, move: null });
      expect(treeHashes(path.join(to, done!.uid))).toEqual(published);
      expect((await engine.get({ uid: done!.uid })).playback?.hls.startsWith(to + path.sep)).toBe(true);
      const history = await engine.history({ uid: working!.uid });
      expect(history.some((e) => e.type === 'interrupted' && e.data.reason === 'queue-paused')).toBe(true);

      await until(async () => (await engine.get({ uid: working!.uid })).status.state === 'ready', 120_000);
      const video = await engine.get({ uid: working!.uid });
      expect(video.playback?.hls.startsWith(path.join(to, working!.uid) + path.sep)).toBe(true);
      expect(fs.existsSync(video.downloads!.default)).toBe(true);
      expect(fs.existsSync(old)).toBe(false);
      expect((await engine.totals()).queue.paused).toBe(false);
    } finally {
      stop.abort();
      await running;
      engine.close();
    }
  }, 180_000);
});
