/**
 * The Cloudflare Stream-compatible API's answers other than the happy copy: who may call it
 * (401), what is not there (404), what is wrong with a request (400, naming the field), what is
 * too large (413), Cloudflare's list filters, edit, delete, the webhook and playback tokens.
 * Against the real server and engine; the links are never fetched (their host does not exist).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPlaybackToken } from '../../electron/server/playback-token';
import { serve, type Api } from './stream-fixture';

const stream = '/client/v4/accounts/acct-1/stream';
const missing = 'f'.repeat(32);

async function copy(api: Api, name: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const answer = await api.call(
    'POST',
    `${stream}/copy`,
    { url: `https://cdn.example.test/${name}.mp4`, meta: { name }, ...extra },
    headers,
  );
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return (answer.json.result as { uid: string }).uid;
}

const uidsOf = (json: Record<string, unknown>) => (json.result as { uid: string }[]).map((v) => v.uid);

describe('the Cloudflare Stream-compatible API', () => {
  it('answers 401 in the envelope without a token or with a wrong one, on every route', async () => {
    const api = await serve();
    const base = api.server.baseUrl;
    for (const [method, route] of [
      ['GET', stream],
      ['POST', `${stream}/copy`],
      ['GET', `${stream}/${missing}`],
      ['PUT', `${stream}/webhook`],
      ['POST', `${stream}/${missing}/token`],
      ['POST', '/client/video/stream/copy'],
    ] as const) {
      const none = await fetch(`${base}${route}`, { method });
      expect(none.status, `${method} ${route}`).toBe(401);
      expect(none.headers.get('content-type')).toContain('application/json');
      const wrong = await fetch(`${base}${route}`, { method, headers: { Authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(401);
      if (route.includes('/v4/'))
        expect(await wrong.json()).toMatchObject({ success: false, result: null, errors: [{ code: 10000 }] });
    }
  });

  it('refuses a request without the token before reading its body (401, not 413)', async () => {
    const api = await serve();
    const answer = await fetch(`${api.server.baseUrl}${stream}/copy`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://cdn.example.test/a.mp4', meta: { x: 'a'.repeat(2 * 1024 * 1024) } }),
    });
    expect(answer.status).toBe(401);
  });

  it('answers 404 for a uid it does not have, 400 naming the field of a bad request, 413 for a body too large', async () => {
    const api = await serve();
    for (const [method, route] of [
      ['GET', `${stream}/${missing}`],
      ['POST', `${stream}/${missing}`],
      ['DELETE', `${stream}/${missing}`],
      ['POST', `${stream}/${missing}/token`],
    ] as const) {
      const answer = await api.call(method, route, method === 'POST' ? { meta: { name: 'x' } } : undefined);
      expect(answer.status, `${method} ${route}`).toBe(404);
      expect(answer.json).toMatchObject({
        success: false,
        errors: [{ code: 404, message: expect.stringContaining(missing) }],
      });
      expect(JSON.stringify(answer.json)).not.toContain(api.dataDir);
    }
    const bad = async (body: unknown, field: string, route = `${stream}/copy`) => {
      const answer = await api.call('POST', route, body);
      expect(answer.status, JSON.stringify(answer.json)).toBe(400);
      expect((answer.json.errors as { message: string }[])[0]?.message).toContain(field);
    };
    await bad({ meta: { name: 'no link' } }, 'url: is required');
    await bad(
      { url: 'https://cdn.example.test/a.mp4', thumbnailTimestampPct: 3 },
      'thumbnailTimestampPct: must be from 0 to 1',
    );
    await bad({ url: 'https://cdn.example.test/a.mp4', thumbnailTimestampPct: 'half' }, 'thumbnailTimestampPct');
    await bad({ url: 'https://cdn.example.test/a.mp4', creator: 'c'.repeat(65) }, 'creator: is at most 64 characters');
    await bad({ url: 'https://cdn.example.test/a.mp4', allowedOrigins: ['https://x y'] }, 'allowedOrigins.0');
    await bad({ url: 'https://cdn.example.test/a.mp4', scheduledDeletion: 'soon' }, 'scheduledDeletion');
    await bad('{"url": ', 'JSON');
    const list = await api.call('GET', `${stream}?status=bogus`);
    expect(list.status).toBe(400);
    expect((list.json.errors as { message: string }[])[0]?.message).toContain('status: must be one of');

    const huge = await api.call('POST', `${stream}/copy`, {
      url: 'https://cdn.example.test/a.mp4',
      meta: { x: 'a'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({
      success: false,
      errors: [{ code: 413, message: expect.stringContaining('larger than') }],
    });
    // Nothing was queued by any of these.
    expect((await api.call('GET', stream)).json).toMatchObject({ result: [], total: 0 });
  });

  it("filters the list as Cloudflare's does: status, search, creator (field or Upload-Creator), dates, order, limit", async () => {
    const api = await serve();
    await api.server.engine.pauseQueue();
    const first = await copy(api, 'alpha', { creator: 'team-a' });
    const second = await copy(api, 'beta', {}, { 'Upload-Creator': 'team-b' });
    const third = await copy(api, 'gamma');
    const list = async (query: string) => {
      const answer = await api.call('GET', `${stream}${query}`);
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      return answer.json;
    };
    expect(uidsOf(await list(''))).toEqual([third, second, first]);
    expect(uidsOf(await list('?asc=true'))).toEqual([first, second, third]);
    expect(uidsOf(await list('?creator=team-b'))).toEqual([second]);
    expect(uidsOf(await list('?search=alph'))).toEqual([first]);
    expect(uidsOf(await list('?status=queued&limit=1'))).toEqual([third]);
    expect(await list('?limit=1')).toMatchObject({ total: 3 });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(uidsOf(await list(`?start=${future}`))).toEqual([]);
    expect(uidsOf(await list(`?after=${past}&end=${future}`))).toHaveLength(3);
    expect(uidsOf(await list(`?before=${past}`))).toEqual([]);
    expect((await api.call('GET', `${stream}/${second}`)).json).toMatchObject({
      result: { uid: second, creator: 'team-b' },
    });
  });

  it('edits a video (POST …/{uid}) and deletes it (DELETE …/{uid}), after which it is not found', async () => {
    const api = await serve();
    await api.server.engine.pauseQueue();
    const uid = await copy(api, 'edit-me');
    const deletion = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const edited = await api.call('POST', `${stream}/${uid}`, {
      uid,
      meta: { name: 'Edited' },
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      creator: 'team-c',
      thumbnailTimestampPct: 0.25,
      scheduledDeletion: deletion,
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    const expected = {
      uid,
      meta: { name: 'Edited', 'downloaded-from': 'https://cdn.example.test/edit-me.mp4' },
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      creator: 'team-c',
      thumbnailTimestampPct: 0.25,
      scheduledDeletion: deletion,
    };
    expect(edited.json.result).toMatchObject(expected);
    expect((await api.call('GET', `${stream}/${uid}`)).json.result).toMatchObject(expected);
    const bad = await api.call('POST', `${stream}/${uid}`, { allowedOrigins: ['https://a b'] });
    expect(bad.status).toBe(400);
    expect((bad.json.errors as { message: string }[])[0]?.message).toContain('allowedOrigins');

    const removed = await api.call('DELETE', `${stream}/${uid}`);
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ success: true });
    expect((await api.call('GET', `${stream}/${uid}`)).status).toBe(404);
  });

  it('keeps one webhook: PUT sets it, GET shows it with the signing secret, DELETE removes it', async () => {
    const api = await serve();
    const initial = await api.call('GET', `${stream}/webhook`);
    expect(initial.status).toBe(200);
    const secret = (initial.json.result as { secret: string }).secret;
    expect(secret).toMatch(/^\S{32,}$/);
    expect(initial.json.result).toMatchObject({ notificationUrl: null });
    const put = await api.call('PUT', `${stream}/webhook`, { notificationUrl: 'https://hooks.example.test/ferry' });
    expect(put.json).toMatchObject({
      success: true,
      result: { notificationUrl: 'https://hooks.example.test/ferry', secret },
    });
    expect((await api.call('GET', `${stream}/webhook`)).json.result).toMatchObject({
      notificationUrl: 'https://hooks.example.test/ferry',
    });
    expect((await api.server.engine.getSettings()).webhookUrl).toBe('https://hooks.example.test/ferry');
    const bad = await api.call('PUT', `${stream}/webhook`, { notificationUrl: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect((bad.json.errors as { message: string }[])[0]?.message).toContain('notificationUrl');
    const missingField = await api.call('PUT', `${stream}/webhook`, {});
    expect((missingField.json.errors as { message: string }[])[0]?.message).toContain('notificationUrl');
    const removed = await api.call('DELETE', `${stream}/webhook`);
    expect(removed.json.result).toMatchObject({ notificationUrl: null });
    expect((await api.server.engine.getSettings()).webhookUrl).toBeNull();
  });

  it('signs playback tokens that verifyPlaybackToken accepts for that uid until they expire', async () => {
    const api = await serve();
    await api.server.engine.pauseQueue();
    const uid = await copy(api, 'signed', { requireSignedURLs: true });
    const key = Buffer.from(fs.readFileSync(path.join(api.dataDir, 'serve-signing.key'), 'utf8').trim(), 'hex');
    const now = Math.floor(Date.now() / 1000);

    const plain = await api.call('POST', `${stream}/${uid}/token`);
    expect(plain.status, JSON.stringify(plain.json)).toBe(200);
    const token = (plain.json.result as { token: string }).token;
    expect(verifyPlaybackToken(key, token, uid, now)).toBe(true);
    expect(verifyPlaybackToken(key, token, uid, now + 3600 + 5)).toBe(false);
    expect(verifyPlaybackToken(key, token, missing, now)).toBe(false);

    const exp = now + 120;
    const short = await api.call('POST', `${stream}/${uid}/token`, { exp }, { 'Content-Type': 'application/json' });
    const shortToken = (short.json.result as { token: string }).token;
    expect(verifyPlaybackToken(key, shortToken, uid, exp - 1)).toBe(true);
    expect(verifyPlaybackToken(key, shortToken, uid, exp + 1)).toBe(false);
    const past = await api.call('POST', `${stream}/${uid}/token`, { exp: now - 10 });
    expect(past.status).toBe(400);
    expect((past.json.errors as { message: string }[])[0]?.message).toContain('exp:');
    // The key itself is never sent.
    expect(JSON.stringify(plain.json)).not.toContain(key.toString('hex'));
  });

  it("answers Omega Stream's refusals in its own shape", async () => {
    const api = await serve();
    const noTitle = await api.call('POST', '/client/video/stream/copy', { url: 'https://cdn.example.test/a.mp4' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json).toMatchObject({ status: 'error', message: expect.stringContaining('title') });
    const unknown = await api.call('GET', `/client/video/stream/${missing}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ status: 'error' });
    expect(JSON.stringify(unknown.json)).not.toContain(api.dataDir);
  });
});
