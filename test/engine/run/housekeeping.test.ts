import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(dataDir = tempDir()): Engine {
  const engine = createEngine({ dataDir });
  cleanups.push(() => engine.close());
  return engine;
}

async function served(body: Buffer) {
  const origin = await startOrigin({ '/clip.avi': { kind: 'file', body } });
  cleanups.push(() => origin.close());
  return origin;
}

describe('keeping the original, or not', () => {
  it('without transcoding, a link ends ready with the original, byte for byte, as its output', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await served(body);
    const engine = open();
    const [queued] = (
      await engine.addLinks({ links: [{ url: origin.url('/clip.avi') }], options: { transcode: false } })
    ).queued;
    await engine.run();
    const video = await engine.get({ uid: queued!.uid });
    expect(video.status.state).toBe('ready');
    expect(video.playback).toBeNull();
    expect(video.downloads!.default).toBe(path.join(engine.paths.library, video.uid, 'clip.avi'));
    expect(sha256(fs.readFileSync(video.downloads!.default))).toBe(sha256(body));
    expect(fs.existsSync(path.join(engine.paths.dataDir, 'originals', video.uid))).toBe(false);
  });

  it('without transcoding, a file the user added is its own output and stays where it is', async () => {
    const source = await make.standardDefinition43(tempDir());
    const engine = open();
    const [queued] = (await engine.addFiles({ paths: [source], options: { transcode: false } })).queued;
    await engine.run();
    const video = await engine.get({ uid: queued!.uid });
    expect(video).toMatchObject({ status: { state: 'ready' }, downloads: { default: source }, playback: null });
    expect(fs.existsSync(source)).toBe(true);
    expect(fs.existsSync(path.join(engine.paths.library, video.uid))).toBe(false);
  });

  it('with "keep original" off, the downloaded original goes once the video is ready', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await served(body);
    const engine = open();
    await engine.setSettings({ keepOriginal: false });
    const [queued] = (await engine.addLinks({ links: [{ url: origin.url('/clip.avi') }], options: { ladder: [240] } }))
      .queued;
    await engine.run();
    const video = await engine.get({ uid: queued!.uid });
    expect(video.status.state).toBe('ready');
    expect(video.source.path).toBeUndefined();
    expect(fs.existsSync(path.join(engine.paths.dataDir, 'originals', video.uid))).toBe(false);
    expect(fs.existsSync(video.playback!.hls)).toBe(true);
  });
});

describe('scheduledDeletion', () => {
  it('deletes the outputs once the date has passed and marks the video so', async () => {
    const source = await make.standardDefinition43(tempDir());
    const engine = open();
    const when = new Date(Date.now() + 1500);
    // Given with an offset; kept in UTC.
    const withOffset = new Date(when.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    const [queued] = (
      await engine.addFiles({ paths: [source], options: { ladder: [240], scheduledDeletion: withOffset } })
    ).queued;
    expect(queued!.scheduledDeletion).toBe(when.toISOString());
    await engine.run();
    const ready = await engine.get({ uid: queued!.uid });
    expect(ready.readyToStream).toBe(true);
    const folder = path.join(engine.paths.library, ready.uid);
    expect(fs.existsSync(folder)).toBe(true);

    await new Promise((r) => setTimeout(r, Math.max(0, when.getTime() - Date.now() + 50)));
    await engine.run(); // housekeeping runs at the start of every run
    const deleted = await engine.get({ uid: ready.uid });
    expect(deleted).toMatchObject({ readyToStream: false, playback: null, downloads: null, thumbnail: null });
    expect(Date.parse(deleted.outputsDeletedAt!)).toBeGreaterThanOrEqual(when.getTime());
    expect(fs.existsSync(folder)).toBe(false);
    expect(fs.existsSync(source)).toBe(true);
    expect((await engine.history({ uid: ready.uid })).map((e) => e.type)).toContain('outputs-deleted');
  });
});

describe('remove', () => {
  it('takes videos out of the list, deleting their outputs only when asked', async () => {
    const media = tempDir();
    const sources = [await make.standardDefinition43(media), await make.oddSize(media)];
    const engine = open();
    const queued = (await engine.addFiles({ paths: sources, options: { ladder: [240] } })).queued;
    await engine.run();
    const [keep, drop] = queued.map((v) => v.uid) as [string, string];
    const removedEvents: string[][] = [];
    engine.on('removed', (uids) => removedEvents.push(uids));

    expect(await engine.remove({ uids: [keep] })).toEqual({ removed: 1 });
    expect(await engine.remove({ uids: [drop], deleteOutputs: true })).toEqual({ removed: 1 });
    await expect(engine.get({ uid: keep })).rejects.toThrow(/No video/);
    expect((await engine.totals()).total).toBe(0);
    expect(fs.existsSync(path.join(engine.paths.library, keep, 'manifest', 'video.m3u8'))).toBe(true);
    expect(fs.existsSync(path.join(engine.paths.library, drop))).toBe(false);
    expect(removedEvents).toEqual([[keep], [drop]]);
    // Gone for good: the same files can be added again.
    expect((await engine.addFiles({ paths: sources })).queued).toHaveLength(2);
  });
});
