/**
 * HEVC and AV1 ladders in a real Chromium: hls.js and dash.js play each, on a rendition this
 * browser can decode. Chromium without HEVC plays the H.264 rendition Ferry keeps beside an
 * HEVC ladder; with AV1 (dav1d) it plays AV1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { findMediaTools } from '../../electron/engine/media/find-media-tools';
import type { VideoCodec } from '../../shared/transcode-presets';
import { launchChromium } from '../helpers/chromium';
import { playedPast, playInDash, playInHls, writePlayerPage } from '../helpers/player-site';
import * as make from '../helpers/media-fixtures';
import { serveFolder } from '../helpers/static-server';
import { tempDir } from '../helpers/temp-dir';

const codecs: VideoCodec[] = ['hevc', 'av1'];

describe('an HEVC or AV1 ladder in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let dataDir: string;
  const made = new Set<VideoCodec>();

  beforeAll(async () => {
    const media = tempDir();
    dataDir = fs.mkdtempSync(path.join(path.dirname(media), 'ferry-codecs-'));
    const site = path.join(dataDir, 'site');
    fs.mkdirSync(site);
    const encoders = (await findMediaTools()).ffmpeg.capabilities?.encoders ?? [];
    const engine = createEngine({ dataDir });
    try {
      const source = path.join(media, 'small.mp4');
      await make.ff([
        ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=6', '-f', 'lavfi', '-i', 'sine=d=6'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source],
      ]);
      for (const codec of codecs) {
        if (codec === 'av1' && !encoders.includes('libsvtav1')) continue;
        const added = await engine.addFiles({
          paths: [source],
          options: { ladder: [360, 240], codec, preset: 'fast', duplicates: 'allow' },
        });
        const uid = added.queued[0]!.uid;
        await engine.run();
        expect((await engine.get({ uid })).status.state).toBe('ready');
        fs.cpSync(path.join(dataDir, 'library', uid), path.join(site, codec), { recursive: true });
        made.add(codec);
      }
    } finally {
      engine.close();
    }
    writePlayerPage(site);
    server = await serveFolder(site);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(codecs)('hls.js plays the %s ladder on a rendition this browser decodes', async (codec) => {
    if (!made.has(codec)) return;
    const { page, errors } = await playInHls(browser, server.url, `${codec}/manifest/video.m3u8`);
    await playedPast(page, 2);
    const playing = await page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).dataset.codec ?? '');
    const decodes = await page.evaluate((type) => MediaSource.isTypeSupported(`video/mp4; codecs="${type}"`), playing);
    expect(decodes, playing).toBe(true);
    const native = codec === 'hevc' ? 'hvc1' : 'av01';
    const nativeDecodes = await page.evaluate(
      (type) => MediaSource.isTypeSupported(`video/mp4; codecs="${type}"`),
      codec === 'hevc' ? 'hvc1.1.6.L93.90' : 'av01.0.05M.08',
    );
    expect(
      playing.startsWith(nativeDecodes ? native : 'avc1'),
      `${playing}, ${native} decodable: ${nativeDecodes}`,
    ).toBe(true);
    expect(await page.title()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(codecs)('dash.js plays the %s ladder', async (codec) => {
    if (!made.has(codec)) return;
    const { page, errors } = await playInDash(browser, server.url, `${codec}/manifest/video.mpd`);
    await playedPast(page, 2);
    expect(await page.title()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
