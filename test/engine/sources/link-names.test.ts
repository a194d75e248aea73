/**
 * A link's video is named as a download manager names it: from the link's path at once, then
 * from Content-Disposition once its download starts, never over a name the user gave. Through the
 * real dispatcher, on a real engine and a real origin.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/create-engine';
import { openLinkEngine, originForTest, videoForFile } from './link-engine';

const video = videoForFile();
const named = `attachment; filename="Cafe.mp4"; filename*=UTF-8''Caf%C3%A9%20%E2%80%94%20Paris.mp4`;

async function add(
  engine: Engine,
  link: { url: string; name?: string; meta?: Record<string, string> },
): Promise<string> {
  const added = await dispatch(engine, 'addLinks', { links: [link], options: { transcode: false } });
  if (!added.ok) throw new Error(added.error.message);
  return added.value.queued[0]!.uid;
}

async function nameOf(engine: Engine, uid: string): Promise<string | undefined> {
  return (await engine.get({ uid })).meta.name;
}

describe("a link's name", () => {
  it("is its path's last segment, decoded, from the moment it is queued", async () => {
    const origin = await originForTest({ '/videos/Talk%20One.mp4': { kind: 'file', body: video() } });
    const engine = openLinkEngine();
    const uid = await add(engine, { url: `${origin.url('/videos/Talk%20One.mp4')}?token=abc` });
    expect(await nameOf(engine, uid)).toBe('Talk One.mp4');
    expect((await engine.list({ search: 'talk one' })).videos.map((v) => v.uid)).toEqual([uid]);
    await engine.run();
    expect(await engine.get({ uid })).toMatchObject({ status: { state: 'ready' }, meta: { name: 'Talk One.mp4' } });
  });

  it("becomes the origin's Content-Disposition name (filename*) when the download starts", async () => {
    const origin = await originForTest({
      '/uc': { kind: 'file', body: video(), contentDisposition: named },
    });
    const engine = openLinkEngine();
    const uid = await add(engine, { url: origin.url('/uc?export=download&id=1AbC') });
    expect(await nameOf(engine, uid)).toBe('uc');
    await engine.run();
    expect(await engine.get({ uid })).toMatchObject({ status: { state: 'ready' }, meta: { name: 'Café — Paris.mp4' } });
    expect((await engine.list({ search: 'café' })).videos.map((v) => v.uid)).toEqual([uid]);
  });

  it('of a link with only a query is none until the origin names it', async () => {
    const origin = await originForTest({
      '/': { kind: 'file', body: video(), contentDisposition: 'attachment; filename=interview.mp4' },
    });
    const engine = openLinkEngine();
    const uid = await add(engine, { url: origin.url('/?id=9') });
    expect(await nameOf(engine, uid)).toBeUndefined();
    await engine.run();
    expect(await nameOf(engine, uid)).toBe('interview.mp4');
  });

  it('given by the user, at ingest or by a rename before the download, is kept', async () => {
    const origin = await originForTest({
      '/clip.mp4': { kind: 'file', body: video(), contentDisposition: named },
    });
    const engine = openLinkEngine();
    const given = await add(engine, { url: origin.url('/clip.mp4'), name: 'Keynote' });
    // As the HTTP API's copy gives it (Cloudflare's meta.name).
    const inMeta = await add(engine, { url: `${origin.url('/clip.mp4')}?copy=3`, meta: { name: 'Keynote, in meta' } });
    expect(await nameOf(engine, inMeta)).toBe('Keynote, in meta');
    const renamed = await add(engine, { url: `${origin.url('/clip.mp4')}?copy=2` });
    expect(await nameOf(engine, renamed)).toBe('clip.mp4');
    const edited = await dispatch(engine, 'edit', { uid: renamed, changes: { meta: { name: 'Keynote, take 2' } } });
    expect(edited.ok).toBe(true);
    await engine.run();
    expect(await engine.get({ uid: given })).toMatchObject({ status: { state: 'ready' }, meta: { name: 'Keynote' } });
    expect(await engine.get({ uid: inMeta })).toMatchObject({ meta: { name: 'Keynote, in meta' } });
    expect(await engine.get({ uid: renamed })).toMatchObject({
      status: { state: 'ready' },
      meta: { name: 'Keynote, take 2' },
    });
  });
});
