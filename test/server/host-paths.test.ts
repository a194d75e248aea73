/**
 * No path of the host in what `ferry serve` answers: a TUS upload whose file went missing ends in
 * error with the engine's sentence naming `uploads/<id>` under the data directory; over the
 * Cloudflare API, the Omega API and the socket (replies and pushed events alike) the video and
 * its history name no path of the data directory, and the socket shows videos as the API does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { until } from '../helpers/wait-for';
import { createUpload, patchUpload, streamEndpoint, videoOfUpload } from './tus-client';
import { signedInSocket } from './ws-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;
let uid: string;
/** A video whose link happens to hold the data directory's path: a link, not a path of the host. */
let linked: { uid: string; url: string };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-host-paths-'));
  engine = createEngine({ dataDir });
  served = await serveEngine(engine);
  const created = await createUpload(served.url, served.context.token, { 'Upload-Length': '10' });
  const mediaId = created.headers.get('stream-media-id') ?? '';
  const auth = { Authorization: `Bearer ${served.context.token}` };
  expect((await patchUpload(created.headers.get('location') ?? '', 0, Buffer.alloc(10), auth)).status).toBe(204);
  uid = (await videoOfUpload(served.context, mediaId)).uid;
  // The uploaded file goes missing before the engine looks at it: its error names the file, and
  // its source where it was (in the data directory, which the answers below hide).
  fs.rmSync(path.join(dataDir, 'uploads', mediaId));
  await engine.run();
  const failed = await engine.get({ uid });
  expect(failed.status.errorReasonText).toMatch(/^The file is gone: [^/]+\. Put it back/);
  expect(failed.source.path).toContain(path.join(dataDir, 'uploads'));
  const url = `https://cdn.example.test${dataDir}/clip.mp4`;
  linked = { uid: (await engine.addLinks({ links: [{ url }] })).queued[0]?.uid ?? '', url };
}, 60_000);

afterAll(async () => {
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const fetchJson = async (url: string) => {
  const answer = await fetch(url, { headers: { Authorization: `Bearer ${served.context.token}` } });
  expect(answer.status).toBe(200);
  return answer.text();
};

describe('a failed upload, as callers see it', () => {
  it('names no path of the data directory over the Cloudflare and Omega APIs', async () => {
    const cloudflare = await fetchJson(`${streamEndpoint(served.url)}/${uid}`);
    expect(cloudflare).toContain('The file is gone');
    expect(cloudflare).not.toContain(dataDir);
    const omega = await fetchJson(`${served.url}/client/video/stream/${uid}`);
    expect(omega).toContain('The file is gone');
    expect(omega).not.toContain(dataDir);
    expect(await fetchJson(`${streamEndpoint(served.url)}?status=error`)).not.toContain(dataDir);
  });

  it('leaves a link alone that only looks like a path of the host', async () => {
    const shown = JSON.parse(await fetchJson(`${streamEndpoint(served.url)}/${linked.uid}`)) as {
      result: { source: { url: string } };
    };
    expect(shown.result.source.url).toBe(linked.url);
  });

  it('names none over the socket either, in replies or in pushed events, and carries the media URLs', async () => {
    const client = await signedInSocket(served.url, served.context.token);
    try {
      const answers = [
        await client.call('get', { uid }),
        await client.call('list', { state: 'error' }),
        await client.call('getMany', { uids: [uid] }),
        await client.call('history', { uid }),
        await client.call('getSettings'),
      ];
      for (const answer of answers) expect(answer.ok, JSON.stringify(answer)).toBe(true);
      expect(JSON.stringify(answers)).toContain('The file is gone');
      expect(JSON.stringify(answers)).not.toContain(dataDir);
      expect(answers[0]).toMatchObject({ ok: true, value: { preview: `${served.url}/#video=${uid}` } });

      expect(await client.call('edit', { uid, changes: { meta: { name: 'renamed' } } })).toMatchObject({ ok: true });
      await until(() => JSON.stringify(client.events('videos')).includes('renamed'), 10_000);
      const pushed = (client.events('videos') as { uid: string }[][]).flat().filter((video) => video.uid === uid);
      expect(pushed.length).toBeGreaterThan(0);
      expect(JSON.stringify(pushed)).not.toContain(dataDir);
    } finally {
      await client.close();
    }
  });
});
