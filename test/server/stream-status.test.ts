/**
 * `ferry serve`'s Cloudflare API answers the video's status in Cloudflare's own types (the
 * `cloudflare` SDK's `Video.Status`): `state` from Cloudflare's set only, `pctComplete` a string,
 * Ferry's finer state beside them in `ferryState`. While a TUS upload is under way its video is
 * `pendingupload` under the id `stream-media-id` announced, and keeps that uid once queued.
 */
import fs from 'node:fs';
import type Cloudflare from 'cloudflare';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { noisyMp4 } from '../helpers/media-fixtures';
import { serve } from './stream-fixture';
import { createUpload, patchUpload } from './tus-client';

const stream = '/client/v4/accounts/acct-1/stream';
const cloudflareStates = ['pendingupload', 'downloading', 'queued', 'inprogress', 'ready', 'error'];
type Status = Cloudflare.Stream.Video['status'] & { ferryState?: string };

describe("the video's status over the Cloudflare API", () => {
  it("keeps state to Cloudflare's set and pctComplete a string; a paused or canceled video says so in ferryState", async () => {
    const api = await serve();
    // Nothing starts: the link's failing fetch must not race the pause below.
    await api.server.engine.pauseQueue();
    const copied = await api.call('POST', `${stream}/copy`, { url: 'https://cdn.example.test/a.mp4' });
    const { uid } = copied.json.result as { uid: string };
    const statusOf = async () => ((await api.call('GET', `${stream}/${uid}`)).json.result as { status: Status }).status;

    await dispatch(api.server.engine, 'pause', { uids: [uid] });
    const paused = await statusOf();
    expect(paused).toMatchObject({ state: 'queued', ferryState: 'paused' });
    expect(paused?.pctComplete).toMatch(/^\d{1,3}\.\d{6}$/);

    await dispatch(api.server.engine, 'cancel', { uids: [uid] });
    const canceled = await statusOf();
    expect(canceled).toMatchObject({ state: 'error', ferryState: 'canceled' });
    expect(canceled?.errorReasonText).toContain('Canceled');

    const listed = await api.call('GET', stream);
    for (const video of listed.json.result as { status: Status }[]) {
      expect(cloudflareStates).toContain(video.status?.state);
      expect(typeof video.status?.pctComplete).toBe('string');
    }
  });

  it('answers a video in pendingupload while its TUS upload is under way, under the announced id, which stays its uid', async () => {
    const api = await serve();
    const file = await noisyMp4(api.dataDir, 1);
    const bytes = fs.readFileSync(file);
    const name = Buffer.from('Talk').toString('base64');
    const created = await createUpload(api.server.baseUrl, api.server.token, {
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `name ${name}`,
    });
    expect(created.status).toBe(201);
    const mediaId = created.headers.get('stream-media-id')!;

    const waiting = await api.call('GET', `${stream}/${mediaId}`);
    expect(waiting.status, JSON.stringify(waiting.json)).toBe(200);
    expect(waiting.json.result).toMatchObject({
      uid: mediaId,
      readyToStream: false,
      meta: { name: 'Talk' },
      status: { state: 'pendingupload', pctComplete: '0.000000' },
    });

    const pendingList = await api.call('GET', `${stream}?status=pendingupload`);
    expect((pendingList.json.result as { uid: string }[]).map((one) => one.uid)).toEqual([mediaId]);

    const sent = await patchUpload(created.headers.get('location')!, 0, bytes, {
      Authorization: `Bearer ${api.server.token}`,
    });
    expect(sent.status).toBe(204);
    const queued = await api.call('GET', `${stream}/${mediaId}`);
    expect(queued.status).toBe(200);
    const video = queued.json.result as { uid: string; status: Status; meta: { name: string } };
    expect(video.uid).toBe(mediaId);
    expect(video.meta.name).toBe('Talk');
    expect(video.status?.state).not.toBe('pendingupload');
    const listed = await api.call('GET', stream);
    expect((listed.json.result as { uid: string }[]).map((one) => one.uid)).toEqual([mediaId]);
    const none = await api.call('GET', `${stream}?status=pendingupload`);
    expect(none.json.result).toEqual([]);

    // Deleting a video whose upload is under way ends the upload, as on Cloudflare.
    const other = await createUpload(api.server.baseUrl, api.server.token, { 'Upload-Length': '10' });
    const otherId = other.headers.get('stream-media-id')!;
    expect((await api.call('DELETE', `${stream}/${otherId}`)).status).toBe(200);
    expect((await api.call('GET', `${stream}/${otherId}`)).status).toBe(404);
    const head = await fetch(other.headers.get('location')!, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${api.server.token}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.status).toBe(404);
  });
});
