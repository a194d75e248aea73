/**
 * A webhook from a run with no `ferry serve` (`ferry run`, the app without its server): nothing
 * serves the media, so the video carries none, rather than the paths of this machine; the file it
 * came from is not named either. A real receiver on 127.0.0.1 records the bodies.
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import type { Video } from '../../../shared/video';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';
import { startReceiver } from '../../helpers/webhook-receiver';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a webhook from a run without a server', () => {
  it('carries no media paths, no source path, and no path of the data directory', async () => {
    const dataDir = tempDir();
    const engine = createEngine({ dataDir });
    cleanups.push(() => engine.close());
    const { webhookSecret } = await engine.getSettings();
    const receiver = await startReceiver(
      () => webhookSecret,
      () => 200,
    );
    cleanups.push(() => receiver.close());
    await engine.setSettings({ webhookUrl: receiver.url });
    const media = tempDir();
    const good = await make.standardDefinition43(media);
    const { uid } = (await engine.addFiles({ paths: [good], options: { ladder: [240] } })).queued[0]!;
    await engine.run();

    expect(receiver.received).toHaveLength(1);
    const body = receiver.received[0]!.body;
    const video = JSON.parse(body) as Video;
    expect(video).toMatchObject({ uid, readyToStream: true, playback: null, thumbnail: null, downloads: null });
    expect(video.source).toEqual({ kind: 'file' });
    // The local app still has its files: only what leaves the machine is without them.
    expect((await engine.get({ uid })).playback?.hls).toContain(dataDir);
    for (const hostPath of [dataDir, media, os.homedir()]) expect(body).not.toContain(hostPath);
  });
});
