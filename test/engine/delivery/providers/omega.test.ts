/**
 * The Omega Stream adapter against an Omega double (seed 000) and against `ferry serve`, which
 * answers the same copy and poll routes: the key check, a pull whose headers reach the origin,
 * followed through uploaded → downloading → processing → ready, and the documented refusals.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { omegaAdapter } from '../../../../electron/engine/delivery/providers/omega';
import type { ProviderCall, RemoteStatus } from '../../../../electron/engine/delivery/providers/provider';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import { solidColor } from '../../../helpers/media-fixtures';
import { startOrigin } from '../../../helpers/origin-server';
import { refusal } from '../../../helpers/service-refusal';
import { startOmegaDouble, type OmegaDouble } from '../../../helpers/services/omega-double';
import { providerCallTo } from '../../../helpers/services/provider-call';
import { serve } from '../../../server/stream-fixture';

const mediaDir = fileMediaDir('ferry-omega-');
let body: Buffer;

beforeAll(async () => {
  body = fs.readFileSync(await solidColor(mediaDir, 'blue', '320x240', 1));
});
closeAfterEach();

async function double(): Promise<OmegaDouble> {
  const started = await startOmegaDouble({ apiKey: 'omega-key' });
  closers.push(started.close);
  return started;
}

async function origin() {
  const started = await startOrigin({
    '/v.mp4': { kind: 'file', body, requireHeader: ['user-id', 'id-1234'] },
  });
  closers.push(started.close);
  return started;
}

function callTo(endpoint: string, credential: string | null): ProviderCall {
  return providerCallTo('omega', endpoint, credential, {
    name: 'omega-main',
    mode: 'pull',
    hasCredential: credential !== null,
  });
}

/** Polls until the phase is no longer `processing`, every `everyMs` (bounded by `reads`). */
async function follow(call: ProviderCall, remoteId: string, reads = 10, everyMs = 0): Promise<RemoteStatus[]> {
  const seen: RemoteStatus[] = [];
  for (let read = 0; read < reads; read++) {
    const status = await omegaAdapter.status!(call, remoteId);
    seen.push(status);
    if (status.phase !== 'processing') return seen;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`still processing after ${reads} reads: ${JSON.stringify(seen.at(-1))}`);
}

describe('Omega Stream against its double', () => {
  it('pulls only: there is no push to offer', () => {
    expect(omegaAdapter.push).toBeUndefined();
  });

  it('accepts the right key and refuses a wrong or missing one with 401', async () => {
    const omega = await double();
    expect(await omegaAdapter.test(callTo(omega.base, 'omega-key'))).toBe('Omega Stream accepted the API key.');
    expect(await refusal(omegaAdapter.test(callTo(omega.base, 'wrong')))).toMatchObject({ status: 401 });
    expect(await refusal(omegaAdapter.test(callTo(omega.base, null)))).toMatchObject({
      status: 401,
      message: expect.stringContaining('save the API key'),
    });
  });

  it('copies a link with its headers, which reach the origin, and follows it to ready', async () => {
    const omega = await double();
    const served = await origin();
    const call = callTo(omega.base, 'omega-key');
    const link = { url: served.url('/v.mp4'), headers: { 'user-id': 'id-1234' }, name: 'Board meeting' };
    const { remoteId } = await omegaAdapter.pull!(call, link);
    expect(omega.requests[0]).toMatchObject({
      method: 'POST',
      path: '/company/client/video/stream/copy',
      authorization: 'Bearer omega-key',
    });
    expect(omega.videos.get(remoteId)).toMatchObject({ title: 'Board meeting', headers: { 'user-id': 'id-1234' } });
    await omega.settled();
    expect(served.served.requests.find((r) => r.method === 'GET')!.headers['user-id']).toBe('id-1234');
    const seen = await follow(call, remoteId);
    expect(seen.map((s) => [s.word, s.phase])).toEqual([
      ['downloading', 'processing'],
      ['processing', 'processing'],
      ['ready', 'ready'],
    ]);
    expect(seen.at(-1)!.playbackUrl).toBe(`${omega.base}/media/${remoteId}/manifest.m3u8`);
  });

  it("ends in error with the service's reason when the origin cannot be fetched", async () => {
    const omega = await double();
    const served = await origin();
    const call = callTo(omega.base, 'omega-key');
    // Without the header the origin asks for, it answers 401.
    const { remoteId } = await omegaAdapter.pull!(call, { url: served.url('/v.mp4'), headers: {}, name: 'No key' });
    await omega.settled();
    expect((await follow(call, remoteId)).at(-1)).toMatchObject({
      phase: 'error',
      word: 'error',
      error: 'Could not download the video: the origin answered 401.',
    });
  });

  it('passes on a 400 for a missing url with its text', async () => {
    const omega = await double();
    const failure = await refusal(
      omegaAdapter.pull!(callTo(omega.base, 'omega-key'), { url: '', headers: {}, name: 'x' }),
    );
    expect(failure).toMatchObject({ status: 400, serviceText: 'url is required: the video direct url' });
  });
});

describe('Omega Stream against ferry serve', () => {
  it('checks the key, copies a link with its headers, and follows it to a playable video', async () => {
    const api = await serve({ allowPrivateNetworks: true });
    const served = await origin();
    const call = callTo(api.server.baseUrl, api.server.token);
    expect(await omegaAdapter.test(call)).toBe('Omega Stream accepted the API key.');
    expect(await refusal(omegaAdapter.test(callTo(api.server.baseUrl, 'wrong')))).toMatchObject({ status: 401 });

    const link = { url: served.url('/v.mp4'), headers: { 'user-id': 'id-1234' }, name: 'Board meeting' };
    const { remoteId } = await omegaAdapter.pull!(call, link);
    const seen = await follow(call, remoteId, 300, 200);
    // Ready to stream from its first segments, while ferry serve may still be encoding the ladder.
    const last = seen.at(-1);
    expect(last).toMatchObject({
      phase: 'ready',
      word: expect.stringMatching(/^(processing|ready)$/),
      playbackUrl: expect.stringContaining('/media/'),
    });
    const master = await fetch((last as { playbackUrl: string }).playbackUrl);
    expect(master.status).toBe(200);
    expect(await master.text()).toContain('#EXT-X-STREAM-INF');
    expect(served.served.requests.some((r) => r.headers['user-id'] === 'id-1234')).toBe(true);
  });
});
