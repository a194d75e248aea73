import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { expectReadyVideo } from '../../helpers/expect-ready-video';
import { probeJson, psnr } from '../../helpers/inspect-outputs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One engine ingests a dozen sources at once; each ends ready or with the model's error code. */
describe('ingesting files', () => {
  const media = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-media-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ingest-'));
  const sources: Record<string, string> = {};
  const byName: Record<string, Video> = {};
  let engine: Engine;

  beforeAll(async () => {
    Object.assign(sources, {
      landscape: await make.landscape1080(media),
      portrait: await make.portraitRotated(media),
      odd: await make.oddSize(media),
      sd: await make.standardDefinition43(media),
      vfr: await make.variableFrameRate(media),
      hevc: await make.hevc(media),
      short: await make.tooShort(media),
      truncated: await make.truncated(media),
      cutShort: await make.truncatedAfterIndex(media),
      jpeg: await make.jpeg(media),
      wav: await make.wav(media),
      text: make.textFile(media),
      m3u8: await make.hlsPlaylist(media),
    });
    engine = createEngine({ dataDir });
    const added = await engine.addFiles({ paths: Object.values(sources), options: { thumbnailTimestampPct: 0.5 } });
    expect(added.invalid).toEqual([]);
    await engine.run();
    for (const [name, file] of Object.entries(sources)) {
      const video = added.queued.find((v) => v.source.path === file);
      byName[name] = await engine.get({ uid: video!.uid });
    }
  }, 300_000);

  afterAll(() => {
    engine?.close();
    fs.rmSync(media, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['short', 'ERR_DURATION_TOO_SHORT'],
    ['truncated', 'ERR_MALFORMED_VIDEO'],
    ['cutShort', 'ERR_MALFORMED_VIDEO'],
    ['jpeg', 'ERR_NON_VIDEO'],
    ['wav', 'ERR_NON_VIDEO'],
    ['text', 'ERR_NON_VIDEO'],
    ['m3u8', 'ERR_STREAMING_MANIFEST'],
  ])('refuses the %s source with %s and a sentence saying why', (name, code) => {
    const video = byName[name]!;
    expect(video.status).toMatchObject({ state: 'error', errorReasonCode: code });
    expect(video.status.errorReasonText?.length).toBeGreaterThan(25);
    expect(video.playback).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'library', video.uid))).toBe(false);
  });

  it.each([
    ['landscape', 1920, 1080, true, ['1080p', '720p', '480p', '360p', '240p']],
    ['portrait', 720, 1280, false, ['720p', '480p', '360p', '240p']],
    ['odd', 853, 479, true, ['478p', '360p', '240p']],
    ['sd', 640, 480, true, ['480p', '360p', '240p']],
    ['vfr', 640, 360, false, ['360p', '240p']],
    ['hevc', 1280, 720, true, ['720p', '480p', '360p', '240p']],
  ])('makes a complete, consistent %s video', async (name, width, height, hasAudio, rungs) => {
    const video = byName[name]!;
    expect(video.input).toEqual({ width, height });
    expect(video.renditions.map((r) => r.name)).toEqual(rungs);
    const source = await probeJson(sources[name]!);
    await expectReadyVideo(video, { duration: Number(source.format.duration), hasAudio });
    expect(Math.abs(video.duration - Number(source.format.duration))).toBeLessThan(0.01);
  });

  it('keeps portrait renditions portrait', () => {
    for (const rendition of byName.portrait!.renditions) expect(rendition.height).toBeGreaterThan(rendition.width);
  });

  it('takes the thumbnail at thumbnailTimestampPct, as a frame picked independently shows', async () => {
    const video = byName.landscape!;
    const reference = (frame: number) => {
      const out = path.join(media, `ref-${frame}.png`);
      return make
        .ff(['-i', sources.landscape!, '-vf', `select=eq(n\\,${frame}),scale=1920:1080`, '-frames:v', '1', out])
        .then(() => out);
    };
    // 2 s at 30 fps and thumbnailTimestampPct 0.5: frame 30.
    const right = await psnr(video.thumbnail!, await reference(30));
    const early = await psnr(video.thumbnail!, await reference(5));
    const late = await psnr(video.thumbnail!, await reference(55));
    expect(right).toBeGreaterThan(30);
    expect(right).toBeGreaterThan(early + 3);
    expect(right).toBeGreaterThan(late + 3);
  });

  it("keeps ffmpeg's own words in the history when a transcode fails", async () => {
    const history = await engine.history({ uid: byName.cutShort!.uid });
    const stderr = history.find((e) => e.type === 'ffmpeg-stderr');
    expect(String(stderr?.data.tail)).toMatch(/partial file|Invalid data/);
    expect(byName.cutShort!.status.errorReasonText).toMatch(/stops after [\d.]+ s of the 4\.0 s/);
  });

  it('keeps the history of every step', async () => {
    const types = (await engine.history({ uid: byName.landscape!.uid })).map((e) => `${e.type}:${String(e.data.to)}`);
    expect(types).toEqual(['claimed:inprogress', 'state:queued', 'claimed:inprogress', 'state:ready']);
  });
});
