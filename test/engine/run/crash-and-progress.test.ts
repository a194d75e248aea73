import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { expectReadyVideo } from '../../helpers/expect-ready-video';
import { probeJson } from '../../helpers/inspect-outputs';
import { repoRoot, spawnTs, finished } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';

describe('progress', () => {
  it('reports pctComplete at least once a second while transcoding, always rising', async () => {
    const source = await make.landscape1080(tempDir(), 8);
    const engine = createEngine({ dataDir: tempDir() });
    try {
      const [video] = (await engine.addFiles({ paths: [source] })).queued;
      const seen: { at: number; pct: number }[] = [];
      engine.on('videos', (batch) => {
        const mine = batch.find((v) => v.uid === video!.uid);
        if (mine?.status.state === 'inprogress' && mine.status.step === 'transcode') {
          seen.push({ at: Date.now(), pct: mine.status.pctComplete });
        }
      });
      await engine.run();
      expect((await engine.get({ uid: video!.uid })).status.state).toBe('ready');
      const updates = seen.filter((s) => s.pct > 0);
      expect(updates.length).toBeGreaterThan(3);
      for (let i = 1; i < updates.length; i++) {
        expect(updates[i]!.at - updates[i - 1]!.at).toBeLessThan(1000);
        expect(updates[i]!.pct).toBeGreaterThanOrEqual(updates[i - 1]!.pct);
      }
      expect(updates.at(-1)!.pct).toBeLessThan(100);
    } finally {
      engine.close();
    }
  });
});

describe('a crash mid-transcode', () => {
  it('never leaves a half video that looks finished, and the next start finishes it', async () => {
    const media = tempDir();
    const source = await make.landscape1080(media, 10);
    const dataDir = tempDir();
    const child = spawnTs(path.join(repoRoot, 'bin/ferry.mjs'), ['ingest', source, '--data-dir', dataDir]);
    const done = finished(child);
    const library = path.join(dataDir, 'library');
    // Wait (bounded) until ffmpeg has written segments into the temporary folder.
    const deadline = Date.now() + 60_000;
    let partial: string | undefined;
    while (Date.now() < deadline && !partial) {
      await new Promise((r) => setTimeout(r, 200));
      const entry = fs.existsSync(library) ? fs.readdirSync(library).find((e) => e.endsWith('.partial')) : undefined;
      if (entry && fs.readdirSync(path.join(library, entry, 'manifest')).some((f) => f.endsWith('.m4s')))
        partial = entry;
    }
    expect(partial).toBeDefined();
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const uid = partial!.split('.')[0]!;
    expect(fs.existsSync(path.join(library, uid))).toBe(false);

    const engine = createEngine({ dataDir });
    try {
      // Opening the data directory changes nothing: the killed run's work is taken back by the next run.
      expect((await engine.get({ uid })).status).toMatchObject({ state: 'inprogress', step: 'transcode' });
      expect(fs.readdirSync(library)).toEqual([partial]);
      await engine.run();
      expect(fs.readdirSync(library)).toEqual([uid]);
      expect((await engine.history({ uid })).map((e) => e.type)).toContain('recovered');
      const video = await engine.get({ uid });
      await expectReadyVideo(video, { duration: Number((await probeJson(source)).format.duration), hasAudio: true });
    } finally {
      engine.close();
    }
  });
});
