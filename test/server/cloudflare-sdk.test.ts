/**
 * The compatibility test: the official `cloudflare` npm SDK (a dev dependency) drives a started
 * `ferry serve` with only its base URL and token changed, as a script written for Cloudflare
 * Stream would: copy, get, list, search, edit, webhook, token, a TUS upload with tus-js-client
 * reading `stream-media-id` as Cloudflare's docs show, a direct upload, and delete. Every answer
 * is parsed by the SDK itself; its types are the ones Cloudflare publishes.
 */
import fs from 'node:fs';
import Cloudflare from 'cloudflare';
import { describe, expect, it } from 'vitest';
import { noisyMp4 } from '../helpers/media-fixtures';
import { videoProblem } from '../helpers/services/cloudflare-sdk-shapes';
import { serve } from './stream-fixture';
import { streamEndpoint, upload } from './tus-client';

const account_id = '023e105f4ecef8ad9ca31a8372d0c353';

/** Ferry's own fields, beside Cloudflare's: what the SDK's `Video` does not type. */
const ferryFields = [
  'renditions',
  'source',
  'deliveries',
  'downloads',
  'outputsDeletedAt',
  'trim',
  'playable',
  'topRendition',
];
const ferryStatusFields = ['ferryState', 'step', 'nextAttemptAt', 'bytesPerSecond', 'etaSeconds'];

/** The video less Ferry's own fields: every other field must be the SDK's, of the SDK's type. */
function cloudflareFields(video: unknown): unknown {
  const { status, ...rest } = video as Record<string, unknown>;
  const fields = Object.entries(rest).filter(([key]) => !ferryFields.includes(key));
  const statusFields = Object.entries(status as object).filter(([key]) => !ferryStatusFields.includes(key));
  return { ...Object.fromEntries(fields), status: Object.fromEntries(statusFields) };
}

/** Each video conforms to the SDK's `Video` type, checked field by field (cloudflare-sdk-shapes.ts). */
const expectSdkVideos = (...videos: unknown[]) => {
  for (const video of videos) expect(videoProblem(cloudflareFields(video))).toBeNull();
};

describe('ferry serve through the official Cloudflare SDK', () => {
  it('copies, gets, lists, searches, edits, signs, takes uploads and deletes as Cloudflare Stream does', async () => {
    const api = await serve();
    const client = new Cloudflare({ apiToken: api.server.token, baseURL: `${api.server.baseUrl}/client/v4` });

    const copied = await client.stream.copy.create({
      account_id,
      url: 'https://cdn.example.test/keynote.mp4',
      meta: { name: 'Opening talk' },
      requireSignedURLs: true,
      creator: 'team-a',
    });
    expect(copied.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(copied).toMatchObject({ meta: { name: 'Opening talk' }, requireSignedURLs: true, creator: 'team-a' });
    expect(['downloading', 'queued', 'error']).toContain(copied.status?.state);
    expect(typeof copied.status?.pctComplete).toBe('string');
    const again = await client.stream.copy.create({ account_id, url: 'https://cdn.example.test/keynote.mp4' });
    expect(again.uid).not.toBe(copied.uid);

    const got = await client.stream.get(copied.uid!, { account_id });
    expect(got.uid).toBe(copied.uid);

    const listed = await client.stream.list({ account_id });
    expect(listed.result.map((video) => video.uid).sort()).toEqual([copied.uid, again.uid].sort());
    const found = await client.stream.list({ account_id, search: 'opening' });
    expect(found.result.map((video) => video.uid)).toEqual([copied.uid]);
    const byCreator = await client.stream.list({ account_id, creator: 'team-a' });
    expect(byCreator.result.map((video) => video.uid)).toEqual([copied.uid]);

    const edited = await client.stream.edit(copied.uid!, {
      account_id,
      meta: { name: 'Keynote, cut' },
      allowedOrigins: ['example.com'],
    });
    expect(edited).toMatchObject({ meta: { name: 'Keynote, cut' }, allowedOrigins: ['example.com'] });

    const hook = await client.stream.webhooks.update({
      account_id,
      notificationUrl: 'https://hooks.example.test/ferry',
    });
    expect(hook).toMatchObject({ notificationUrl: 'https://hooks.example.test/ferry' });
    expect((await client.stream.webhooks.get({ account_id })) as object).toMatchObject({
      notificationUrl: 'https://hooks.example.test/ferry',
    });
    await client.stream.webhooks.delete({ account_id });

    const signed = await client.stream.token.create(copied.uid!, { account_id });
    expect(signed.token).toBeTruthy();

    // TUS as Cloudflare's docs show it: tus-js-client, the id read from stream-media-id.
    const file = await noisyMp4(api.dataDir, 1);
    let mediaId = '';
    await upload(file, {
      endpoint: streamEndpoint(api.server.baseUrl),
      headers: { Authorization: `Bearer ${api.server.token}` },
      metadata: { name: 'Upload', filetype: 'video/mp4' },
      onAfterResponse: (_request, response) => {
        mediaId = response.getHeader('stream-media-id') || mediaId;
      },
    }).done;
    const uploaded = await client.stream.get(mediaId, { account_id });
    expect(uploaded).toMatchObject({ uid: mediaId, meta: { name: 'Upload' } });

    // A direct upload: a one-time URL that takes the file in a form, with no token.
    const direct = await client.stream.directUpload.create({ account_id, maxDurationSeconds: 60 });
    expect(direct.uid).toMatch(/^[0-9a-f]{32}$/);
    const waiting = await client.stream.get(direct.uid!, { account_id });
    expect(waiting.status?.state).toBe('pendingupload');
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), 'visitor.mp4');
    const posted = await fetch(direct.uploadURL!, { method: 'POST', body: form });
    expect(posted.status).toBe(200);
    const visited = await client.stream.get(direct.uid!, { account_id });
    expect(visited.status?.state).not.toBe('pendingupload');
    expect(visited.maxDurationSeconds).toBe(60);

    expectSdkVideos(copied, again, got, ...listed.result, edited, uploaded, waiting, visited);

    await client.stream.delete(again.uid!, { account_id });
    await expect(client.stream.get(again.uid!, { account_id })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    expect((await client.stream.get(copied.uid!, { account_id })).uid).toBe(copied.uid);
  }, 60_000);
});
