/**
 * `shareLinks` as the engine answers the app: the ready video's outputs as files that exist in its
 * library folder; URLs and embed snippets only while a server serves the media, and none (with why)
 * for a video that requires signed URLs, which only the server can sign.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../helpers/media-fixtures';
import { closeAfterEach, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';

closeAfterEach();
const mediaDir = fileMediaDir('ferry-share-');
let media: string;
beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});

describe('shareLinks in the engine', () => {
  it('answers the files, and the URLs while a server serves them', async () => {
    const engine = engineWithVault(deliveryTuning);
    const added = await engine.addFiles({ paths: [media], options: { ladder: [240] } });
    const uid = added.queued[0]!.uid;
    await engine.run();

    const alone = await engine.shareLinks({ uid });
    expect(alone.urls).toBeNull();
    expect(alone.why).toMatch(/browser access|ferry serve/);
    const files = alone.files!;
    for (const file of [files.folder, files.mp4, files.hls, files.dash, files.thumbnail])
      expect(fs.existsSync(file!)).toBe(true);

    engine.serveAt('http://127.0.0.1:8787');
    const served = await engine.shareLinks({ uid });
    expect(served.urls).toEqual({
      hls: `http://127.0.0.1:8787/media/${uid}/manifest/video.m3u8`,
      dash: `http://127.0.0.1:8787/media/${uid}/manifest/video.mpd`,
      mp4: `http://127.0.0.1:8787/media/${uid}/downloads/default.mp4`,
      thumbnail: `http://127.0.0.1:8787/media/${uid}/thumbnails/thumbnail.jpg`,
    });
    expect(served.embed?.video).toContain(`src="http://127.0.0.1:8787/media/${uid}/downloads/default.mp4"`);
    expect(served.embed?.hlsjs).toContain('hls.loadSource(src)');

    await engine.edit({ uid, changes: { requireSignedURLs: true } });
    const signed = await engine.shareLinks({ uid });
    expect(signed.urls).toBeNull();
    expect(signed.why).toMatch(/signed URLs/);
  });
});
