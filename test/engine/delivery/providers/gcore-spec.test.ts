/**
 * The Gcore adapter and its double checked against Gcore's official SDK types (the facts in
 * gcore-sdk-facts.ts): every body the adapter POSTs to /streaming/videos is a VideoCreateParams,
 * and every answer the double gives (the created list, the upload parameters, the video through
 * each state and failure) parses as the SDK's types. The TUS metadata and the upload server's
 * role/active/ssl rest on Gcore's prose docs (upload-video-via-api.mdx, providers.md §2).
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gcoreAdapter } from '../../../../electron/engine/delivery/providers/gcore';
import type { TusPush } from '../../../../electron/engine/delivery/providers/provider';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import { noisyMp4 } from '../../../helpers/media-fixtures';
import { startOrigin } from '../../../helpers/origin-server';
import { startGcoreDouble, type GcoreDouble } from '../../../helpers/services/gcore-double';
import {
  directUploadParameters,
  video,
  videoCreateParams,
  videoCreateResponse,
} from '../../../helpers/services/gcore-sdk-facts';
import { providerCallTo } from '../../../helpers/services/provider-call';
import { uploadSession } from '../../../helpers/tus-session-upload';

const mediaDir = fileMediaDir('ferry-gcore-spec-');
let media: string;
let size: number;

beforeAll(async () => {
  media = await noisyMp4(mediaDir, 1);
  size = fs.statSync(media).size;
});
closeAfterEach();

const callTo = (gcore: GcoreDouble) => providerCallTo('gcore', gcore.origin, 'key');

/** The double's answer to one API request, as a client with the key gets it. */
async function answer(gcore: GcoreDouble, method: 'GET' | 'POST', route: string, body?: unknown) {
  const response = await fetch(`${gcore.origin}${route}`, {
    method,
    headers: { Authorization: 'APIKey key', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${route}`).toBe(true);
  return (await response.json()) as unknown;
}

/** Reads a video until its script ends (bounded), checking every answer against the SDK's Video. */
async function readAll(gcore: GcoreDouble, id: string): Promise<string[]> {
  const states: string[] = [];
  for (let read = 0; read < 6; read++)
    states.push(String(video.parse(await answer(gcore, 'GET', `/streaming/videos/${id}`)).status));
  return states;
}

describe("Gcore against its official SDK's types", () => {
  it("the adapter's push and pull bodies are VideoCreateParams, with origin_http_headers one Authorization line", async () => {
    const gcore = await startGcoreDouble({ apiKey: 'key' });
    closers.push(gcore.close);
    const c = callTo(gcore);
    const session = await (gcoreAdapter.push as TusPush).session(
      c,
      { path: media, size, name: 'Talk', type: 'video/mp4' },
      null,
      size,
    );
    await uploadSession(session, media, size);
    const origin = await startOrigin({ '/v.mp4': { kind: 'file', body: fs.readFileSync(media) } });
    closers.push(origin.close);
    await gcoreAdapter.pull!(c, { url: origin.url('/v.mp4'), headers: { Authorization: 'Bearer o' }, name: 'Pulled' });
    await gcore.settled();
    expect(gcore.created).toHaveLength(2);
    for (const body of gcore.created) videoCreateParams.parse(body);
    expect(() =>
      videoCreateParams.parse({ video: { name: 'x', origin_http_headers: 'Authorization: a\nCookie: b' } }),
    ).toThrow();
  });

  it("every answer of the double parses as the SDK's types, through each state and failure", async () => {
    const gcore = await startGcoreDouble({ apiKey: 'key' });
    closers.push(gcore.close);
    const created = videoCreateResponse.parse(
      await answer(gcore, 'POST', '/streaming/videos', { video: { name: 'Talk' } }),
    );
    const id = String(created[0]!.id);
    directUploadParameters.parse(await answer(gcore, 'GET', `/streaming/videos/${id}/upload`));
    const session = await (gcoreAdapter.push as TusPush).session(
      callTo(gcore),
      { path: media, size, name: 'Talk', type: 'video/mp4' },
      { remoteId: id, uploadUrl: null, state: {} },
      size,
    );
    await uploadSession(session, media, size);
    expect(await readAll(gcore, id)).toEqual(['pending', 'viewable', 'ready', 'ready', 'ready', 'ready']);

    gcore.failEncoding('Video file is invalid');
    const failing = videoCreateResponse.parse(
      await answer(gcore, 'POST', '/streaming/videos', { video: { name: 'Bad' } }),
    );
    const bad = await (gcoreAdapter.push as TusPush).session(
      callTo(gcore),
      { path: media, size, name: 'Bad', type: 'video/mp4' },
      { remoteId: String(failing[0]!.id), uploadUrl: null, state: {} },
      size,
    );
    await uploadSession(bad, media, size);
    expect((await readAll(gcore, String(failing[0]!.id))).at(-1)).toBe('error');

    const origin = await startOrigin({ '/gone.mp4': { kind: 'status', status: 404 } });
    closers.push(origin.close);
    const pulled = videoCreateResponse.parse(
      await answer(gcore, 'POST', '/streaming/videos', {
        video: { name: 'Gone', origin_url: origin.url('/gone.mp4') },
      }),
    );
    await gcore.settled();
    const gone = video.parse(await answer(gcore, 'GET', `/streaming/videos/${pulled[0]!.id}`));
    expect(gone).toMatchObject({ status: 'empty', error: 'The requested origin was not found' });
    for (const listed of (await answer(gcore, 'GET', '/streaming/videos?page=1')) as unknown[]) video.parse(listed);
  });
});
