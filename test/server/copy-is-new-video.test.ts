/**
 * Over the HTTP APIs every copy is a video of its own, as on Cloudflare Stream and Omega: two
 * clients copying the same link get two uids, each with its own name and options, and one's
 * DELETE leaves the other's video. The links are never fetched (their host does not exist).
 */
import { describe, expect, it } from 'vitest';
import { serve } from './stream-fixture';

const stream = '/client/v4/accounts/acct-1/stream';
const link = 'https://cdn.example.test/shared.mp4';

describe('a copy over the API', () => {
  it("is a new video on Cloudflare's API even when the link is already in the library", async () => {
    const api = await serve();
    const first = await api.call('POST', `${stream}/copy`, { url: link, meta: { name: 'first' } });
    const second = await api.call('POST', `${stream}/copy`, {
      url: link,
      meta: { name: 'second' },
      requireSignedURLs: true,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const one = first.json.result as { uid: string; meta: { name: string }; requireSignedURLs: boolean };
    const two = second.json.result as { uid: string; meta: { name: string }; requireSignedURLs: boolean };
    expect(two.uid).not.toBe(one.uid);
    expect([one.meta.name, two.meta.name]).toEqual(['first', 'second']);
    expect([one.requireSignedURLs, two.requireSignedURLs]).toEqual([false, true]);

    expect((await api.call('DELETE', `${stream}/${two.uid}`)).status).toBe(200);
    const kept = await api.call('GET', `${stream}/${one.uid}`);
    expect(kept.status).toBe(200);
    expect((kept.json.result as { meta: { name: string } }).meta.name).toBe('first');
  });

  it("is a new video on Omega's API too", async () => {
    const api = await serve();
    const first = await api.call('POST', '/client/video/stream/copy', { title: 'first', url: link });
    const second = await api.call('POST', '/client/video/stream/copy', { title: 'second', url: link });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const ids = [first.json.id, second.json.id];
    expect(ids[0]).not.toBe(ids[1]);
    expect([first.json.title, second.json.title]).toEqual(['first', 'second']);
  });
});
