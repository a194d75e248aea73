/**
 * The Cloudflare Stream double read by the official SDK (npm `cloudflare` 7.3.0), with only its
 * base URL and token changed: its copy, get, list and TUS creation answer what the SDK's client
 * unwraps, in the SDK's `Video` type field by field (cloudflare-sdk-shapes.ts); its refusals are
 * the SDK's error classes; and a request with a field the SDK's params lack is refused, so the
 * adapter's requests are held to the SDK's types in every test that goes through the double.
 */
import Cloudflare from 'cloudflare';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, closers } from '../../../helpers/delivery-engine';
import { startOrigin } from '../../../helpers/origin-server';
import { startCloudflareDouble, type CloudflareDouble } from '../../../helpers/services/cloudflare-double';
import { videoProblem } from '../../../helpers/services/cloudflare-sdk-shapes';

closeAfterEach();

async function double(): Promise<{ cf: CloudflareDouble; client: Cloudflare }> {
  const cf = await startCloudflareDouble();
  closers.push(cf.close);
  // No retries: a refusal is to be seen as the SDK raises it, not retried away.
  const client = new Cloudflare({ apiToken: cf.token, baseURL: `${cf.origin}/client/v4`, maxRetries: 0 });
  return { cf, client };
}

async function link(): Promise<string> {
  const origin = await startOrigin({ '/talk.mp4': { kind: 'file', body: Buffer.alloc(64 * 1024, 7) } });
  closers.push(origin.close);
  return origin.url('/talk.mp4');
}

/** The refusal's message, as the SDK would read it from `errors`. */
async function said(response: Response): Promise<string> {
  const body = (await response.json()) as { errors: { message: string }[] };
  return body.errors.map((e) => e.message).join(' ');
}

const inForty = () => new Date(Math.floor(Date.now() / 1000 + 40 * 24 * 3600) * 1000).toISOString();

describe('the Cloudflare Stream double, through the official SDK', () => {
  it("answers a copy with every serving option, then get and list, in the SDK's Video type", async () => {
    const { cf, client } = await double();
    const deletion = inForty();
    const video = await client.stream.copy.create({
      account_id: cf.account,
      input: await link(),
      meta: { name: 'Talk' },
      requireSignedURLs: true,
      allowedOrigins: ['example.com'],
      thumbnailTimestampPct: 0.5,
      scheduledDeletion: deletion,
      creator: 'crew-7',
    });
    expect(videoProblem(video)).toBeNull();
    expect(video).toMatchObject({
      requireSignedURLs: true,
      allowedOrigins: ['example.com'],
      thumbnailTimestampPct: 0.5,
      scheduledDeletion: deletion,
      creator: 'crew-7',
      meta: { name: 'Talk' },
      status: { state: 'downloading' },
    });
    const uid = video.uid!;
    const states: string[] = [];
    for (let poll = 0; poll < 20 && states.at(-1) !== 'ready'; poll++) {
      const got = await client.stream.get(uid, { account_id: cf.account });
      expect(videoProblem(got)).toBeNull();
      states.push(got.status?.state ?? 'none');
      if (got.status?.state === 'inprogress') expect(got.status.pctComplete).toBe('50.000000');
    }
    expect(states.at(-1)).toBe('ready');
    const listed: Cloudflare.Stream.Video[] = [];
    for await (const each of client.stream.list({ account_id: cf.account, limit: 10 })) listed.push(each);
    expect(listed.map((v) => v.uid)).toEqual([uid]);
    for (const each of listed) expect(videoProblem(each)).toBeNull();
  });

  it('creates a TUS upload through stream.create, naming it in stream-media-id, with its metadata and creator', async () => {
    const { cf, client } = await double();
    const { response } = await client.stream
      .create({
        account_id: cf.account,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': 1024,
        'Upload-Metadata': `name ${Buffer.from('Talk').toString('base64')},requiresignedurls`,
        'Upload-Creator': 'crew-7',
      })
      .withResponse();
    expect(response.status).toBe(201);
    const uid = response.headers.get('stream-media-id');
    const video = await client.stream.get(uid!, { account_id: cf.account });
    expect(videoProblem(video)).toBeNull();
    expect(video).toMatchObject({
      uid,
      requireSignedURLs: true,
      creator: 'crew-7',
      status: { state: 'pendingupload' },
    });
  });

  it("refuses in the envelope the SDK raises as its own errors: 404, a wrong token's 403, a 429", async () => {
    const { cf, client } = await double();
    const missing = await client.stream.get('nope', { account_id: cf.account }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Cloudflare.NotFoundError);
    expect(missing).toMatchObject({ status: 404, errors: [{ code: 10003, message: 'Not Found' }] });
    const stranger = new Cloudflare({ apiToken: 'wrong', baseURL: `${cf.origin}/client/v4`, maxRetries: 0 });
    await expect(stranger.stream.get('nope', { account_id: cf.account })).rejects.toBeInstanceOf(
      Cloudflare.PermissionDeniedError,
    );
    cf.rateLimitNext(1);
    await expect(client.stream.list({ account_id: cf.account })).rejects.toBeInstanceOf(Cloudflare.RateLimitError);
  });

  it("refuses a copy field, an Upload-* header or a list parameter that the SDK's params lack, naming it", async () => {
    const { cf } = await double();
    const base = `${cf.origin}/client/v4/accounts/${cf.account}/stream`;
    const headers = { Authorization: `Bearer ${cf.token}`, 'Content-Type': 'application/json' };
    const body = JSON.stringify({ input: await link(), headers: { Cookie: 'a=b' } });
    const copy = await fetch(`${base}/copy`, { method: 'POST', headers, body });
    expect(copy.status).toBe(400);
    expect(await said(copy)).toContain('body.headers is not a field of the SDK');
    const typed = await fetch(`${base}/copy`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input: await link(), requireSignedURLs: 'yes' }),
    });
    expect(await said(typed)).toContain('body.requireSignedURLs is "yes", not the SDK');
    const creation = await fetch(base, {
      method: 'POST',
      headers: { ...headers, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', 'Upload-Name': 'x' },
    });
    expect(creation.status).toBe(400);
    expect(await said(creation)).toContain('upload-name is not one of StreamCreateParams');
    const list = await fetch(`${base}?per_page=5`, { headers });
    expect(await said(list)).toContain('query per_page is not a parameter');
    expect(cf.videos.size).toBe(0);
  });
});

describe("the check of answers against the SDK's Video type", () => {
  it('finds a null where the SDK types a string, a number for the string pctComplete, a state the SDK lacks, a field it lacks', () => {
    expect(videoProblem({ uid: 'a', uploadExpiry: null })).toMatch(/video\.uploadExpiry is null/);
    expect(videoProblem({ status: { state: 'inprogress', pctComplete: 50 } })).toMatch(/pctComplete is 50/);
    expect(videoProblem({ status: { state: 'downloaded' } })).toMatch(/state is "downloaded"/);
    expect(videoProblem({ status: { state: 'error', step: 'encoding' } })).toMatch(/status\.step is not a field/);
    expect(videoProblem({ uid: 'a', ready: true })).toMatch(/video\.ready is not a field/);
  });
});
