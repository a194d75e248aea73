/**
 * What a webhook carries: the Video as ferry serve's callers see it, never a path of this machine.
 * With `ferry serve` running, its media are URLs on the server; a link's user name and password
 * are not in it. A real receiver on 127.0.0.1 (allowed with --allow-address) records the bodies.
 */
import os from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import { fileMediaDir } from '../helpers/delivery-engine';
import * as make from '../helpers/media-fixtures';
import { until } from '../helpers/wait-for';
import { startReceiver } from '../helpers/webhook-receiver';
import { serve } from './stream-fixture';

const mediaDir = fileMediaDir('ferry-webhook-body-');
let media = '';
beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('a webhook sent by ferry serve', () => {
  it('names the media by URLs on the server, and no path of this machine or password of a link', async () => {
    let secret = '';
    const receiver = await startReceiver(
      () => secret,
      () => 200,
    );
    closers.push(receiver.close);
    // No keychain in the test process: a link's password goes to the opt-in credentials file.
    const api = await serve({ allowAddresses: ['127.0.0.1'], env: { ...process.env, FERRY_CREDENTIALS: 'file' } });
    const put = await api.call('PUT', '/client/v4/accounts/a/stream/webhook', { notificationUrl: receiver.url });
    secret = (put.json.result as { secret: string }).secret;

    // A local file (the engine's own door), and a link with a user name and password in it.
    const added = await api.server.engine.addFiles({ paths: [media], options: { ladder: [240] } });
    const links = await api.server.engine.addLinks({ links: [{ url: 'http://someone:hunter2@127.0.0.1:9/a.mp4' }] });
    const uids = [added.queued[0]!.uid, links.queued[0]!.uid];
    await until(() => receiver.received.length >= 2, 60_000);

    const bodies = receiver.received.map((r) => r.body);
    const videos = bodies.map((body) => JSON.parse(body) as Video);
    expect(videos.map((v) => v.uid).sort()).toEqual([...uids].sort());
    const ready = videos.find((v) => v.uid === uids[0])!;
    expect(ready.status.state).toBe('ready');
    const base = `${api.server.baseUrl}/media/${ready.uid}/`;
    expect(ready.playback).toEqual({ hls: `${base}manifest/video.m3u8`, dash: `${base}manifest/video.mpd` });
    expect(ready.thumbnail).toBe(`${base}thumbnails/thumbnail.jpg`);
    expect(ready.downloads).toEqual({ default: `${base}downloads/default.mp4` });
    expect(ready.source).toEqual({ kind: 'file' });
    for (const body of bodies) {
      for (const hostPath of [api.dataDir, mediaDir, os.homedir()]) expect(body).not.toContain(hostPath);
      expect(body).not.toContain('hunter2');
    }
  });
});
