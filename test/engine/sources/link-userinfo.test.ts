/**
 * `https://user:pass@host/…`: the credentials in a link reach the origin as Basic authorization,
 * and no answer of Ferry shows them again (meta, source.url, name, history, list, errors,
 * duplicates, checkLinks). Through the real dispatcher, on a real engine and a real origin.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/create-engine';
import { openLinkEngine, originForTest, videoForFile } from './link-engine';

const password = 'pa55-w0rd-e1c9';
const basic = `Basic ${Buffer.from(`ann:${password}`).toString('base64')}`;
const video = videoForFile();

async function setup(routes: Parameters<typeof originForTest>[0]) {
  return { origin: await originForTest(routes), engine: openLinkEngine() };
}

/** Everything a caller can read about the queue, as one text. */
async function everythingShown(engine: Engine, uid: string): Promise<string> {
  const answers = await Promise.all([
    dispatch(engine, 'get', { uid }),
    dispatch(engine, 'history', { uid }),
    dispatch(engine, 'list', {}),
    dispatch(engine, 'getMany', { uids: [uid] }),
  ]);
  return JSON.stringify(answers);
}

describe("a link's user:pass@", () => {
  it('becomes Basic authorization for the origin and is never shown again', async () => {
    const { origin, engine } = await setup({
      '/v.mp4': { kind: 'file', body: video(), requireHeader: ['Authorization', basic] },
    });
    const link = origin.url('/v.mp4').replace('http://', `http://ann:${password}@`);
    const added = await dispatch(engine, 'addLinks', { links: [{ url: link }], options: { transcode: false } });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(JSON.stringify(added.value)).not.toContain(password);
    const uid = added.value.queued[0]!.uid;
    expect(added.value.queued[0]!.meta['downloaded-from']).toBe(origin.url('/v.mp4'));

    await engine.run();
    const done = await engine.get({ uid });
    expect(done.status.state).toBe('ready');
    expect(done.source.url).toBe(origin.url('/v.mp4'));
    expect(origin.served.requests.every((request) => request.headers.authorization === basic)).toBe(true);
    expect(await everythingShown(engine, uid)).not.toContain(password);
    expect(await everythingShown(engine, uid)).not.toContain('ann:');

    const again = await dispatch(engine, 'addLinks', { links: [{ url: link }] });
    expect(again).toMatchObject({ ok: true, value: { duplicates: [{ uid }] } });
    expect(JSON.stringify(again)).not.toContain(password);
    const checked = await dispatch(engine, 'checkLinks', { content: `${link}\n` });
    expect(checked).toMatchObject({
      ok: true,
      value: { rows: [{ status: 'duplicate', headerNames: ['Authorization'] }] },
    });
    expect(JSON.stringify(checked)).not.toContain(password);
  });

  it('is not shown in an error either, and an Authorization header given by the user wins', async () => {
    const { origin, engine } = await setup({ '/gone.mp4': { kind: 'status', status: 404 } });
    const link = origin.url('/gone.mp4').replace('http://', `http://ann:${password}@`);
    const added = await dispatch(engine, 'addLinks', {
      links: [{ url: link, headers: { authorization: 'Bearer mine' } }],
    });
    if (!added.ok) throw new Error(added.error.message);
    const uid = added.value.queued[0]!.uid;
    await engine.run();
    expect((await engine.get({ uid })).status.state).toBe('error');
    expect(await everythingShown(engine, uid)).not.toContain(password);
    expect(origin.served.requests.map((request) => request.headers.authorization)).toContain('Bearer mine');
    expect(origin.served.requests.every((request) => request.headers.authorization === 'Bearer mine')).toBe(true);
  });

  it("is not echoed in a list's refused lines, imported or checked", async () => {
    const engine = openLinkEngine();
    const rows = [
      JSON.stringify({ url: `https://ann:${password}@media.example/a.mp4`, headers: { Host: 'x' } }),
      `{"url": "https://ann:${password}@media.example/b.mp4",`,
    ].join('\n');
    const imported = await dispatch(engine, 'importList', { content: rows, format: 'ndjson' });
    const checked = await dispatch(engine, 'checkLinks', { content: rows, format: 'ndjson' });
    for (const reply of [imported, checked]) {
      expect(reply.ok).toBe(true);
      expect(JSON.stringify(reply)).toContain('media.example/a.mp4');
      expect(JSON.stringify(reply)).not.toContain(password);
    }
  });

  it("a redirect's own user:pass@ is followed but not kept as the video's source.url", async () => {
    const { origin, engine } = await setup({
      '/share': { kind: 'redirect', to: '/v.mp4' },
      '/v.mp4': { kind: 'file', body: video() },
    });
    origin.routes['/share'] = { kind: 'redirect', to: origin.url('/v.mp4').replace('http://', 'http://eve:hunter2@') };
    const added = await engine.addLinks({ links: [{ url: origin.url('/share') }], options: { transcode: false } });
    const uid = added.queued[0]!.uid;
    await engine.run();
    const done = await engine.get({ uid });
    expect(done.status.state).toBe('ready');
    expect(done.source.url).toBe(origin.url('/v.mp4'));
    expect(await everythingShown(engine, uid)).not.toContain('hunter2');
  });
});
