import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

const fast = { baseMs: 20, idleTimeoutMs: 5000 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(routes: Parameters<typeof startOrigin>[0]) {
  const origin = await startOrigin(routes);
  const dataDir = tempDir();
  // The links' credentials go to the vault: the opt-in file store stands in for a keychain.
  const engine: Engine = createEngine({ dataDir, fetch: fast, credentials: new FileVault(dataDir) });
  cleanups.push(
    () => origin.close(),
    () => engine.close(),
  );
  return { origin, engine };
}

/** The video two tests serve, made once for the file. */
let sd43: Buffer;
beforeAll(async () => {
  sd43 = fs.readFileSync(await make.standardDefinition43(tempDir()));
});

describe('ingesting links', () => {
  it('downloads, checks and transcodes a link, keeping the link as given and the final URL', async () => {
    const video = sd43;
    const { origin, engine } = await setup({
      '/share/abc': { kind: 'redirect', to: '/files/board-meeting.avi' },
      '/files/board-meeting.avi': { kind: 'file', body: video, requireHeader: ['X-Api-Key', 'k-123'] },
    });
    const given = origin.url('/share/abc');
    const added = await engine.addLinks({
      links: [{ url: given, name: 'Board meeting', headers: { 'X-Api-Key': 'k-123' } }],
      options: { ladder: [240] },
    });
    expect(added.invalid).toEqual([]);
    const uid = added.queued[0]!.uid;
    expect(added.queued[0]).toMatchObject({
      status: { state: 'queued', step: 'fetch' },
      meta: { 'downloaded-from': given },
    });
    await engine.run();
    const done = await engine.get({ uid });
    expect(done.status.state).toBe('ready');
    const steps = (await engine.history({ uid })).map(
      (e) => `${String(e.data.to)}${e.data.stage ? `/${String(e.data.stage)}` : ''}`,
    );
    expect(steps).toEqual([
      'downloading/fetch',
      'queued/probe',
      'inprogress/probe',
      'queued/transcode',
      'inprogress/transcode',
      'ready/done',
    ]);
    expect(done.meta).toMatchObject({ 'downloaded-from': given, name: 'Board meeting' });
    expect(done.source).toMatchObject({ kind: 'url', url: origin.url('/files/board-meeting.avi') });
    expect(sha256(fs.readFileSync(done.source.path!))).toBe(sha256(video));
    expect(done.size).toBe(video.length);
    expect(JSON.stringify(done)).not.toContain('k-123');
    expect(JSON.stringify(await engine.history({ uid }))).not.toContain('k-123');
    expect(JSON.stringify(await engine.list({}))).not.toContain('k-123');
  });

  it('ends a link with nothing there in ERR_FETCH_NOT_FOUND (a retry cannot help) with the status in words', async () => {
    const { origin, engine } = await setup({ '/gone.mp4': { kind: 'status', status: 404 } });
    const [video] = (await engine.addLinks({ links: [{ url: origin.url('/gone.mp4') }] })).queued;
    await engine.run();
    expect((await engine.get({ uid: video!.uid })).status).toMatchObject({
      state: 'error',
      errorReasonCode: 'ERR_FETCH_NOT_FOUND',
      errorReasonText: expect.stringContaining('404'),
    });
  });

  it('refuses other schemes, lists pages that are not files as ERR_NOT_A_DIRECT_LINK, and spots duplicates', async () => {
    const { origin, engine } = await setup({ '/v.mp4': { kind: 'file', body: Buffer.from('x') } });
    const result = await engine.addLinks({
      links: [
        { url: 'ftp://files.example.test/v.mp4' },
        { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
        { url: origin.url('/v.mp4') },
        { url: `${origin.url('/v.mp4')}#t=10` },
      ],
    });
    // (A bad header name is refused by the contract's schema before the engine: test/engine/api.)
    expect(result.invalid.map((i) => i.input)).toEqual(['ftp://files.example.test/v.mp4']);
    expect(result.invalid[0]!.reason).toMatch(/http/);
    expect(result.queued).toHaveLength(2);
    expect(result.queued[0]!.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_NOT_A_DIRECT_LINK' });
    expect(result.duplicates).toEqual([{ input: `${origin.url('/v.mp4')}#t=10`, uid: result.queued[1]!.uid }]);
    const again = await engine.addLinks({ links: [{ url: origin.url('/v.mp4') }] });
    expect(again.duplicates).toEqual([{ input: origin.url('/v.mp4'), uid: result.queued[1]!.uid }]);
  });

  it('imports a 10,000-line list in one go, reporting duplicates and bad lines by line number', async () => {
    const { engine } = await setup({});
    const lines = ['# links from the archive', ''];
    for (let i = 0; i < 10_000; i++) lines.push(`https://cdn.example.test/archive/video-${i}.mp4`);
    lines.push('https://cdn.example.test/archive/video-7.mp4', 'not a link at all', 'ftp://old.example.test/a.mp4');
    const list = path.join(tempDir(), 'links.txt');
    fs.writeFileSync(list, lines.join('\n'));
    const report = await engine.importList({ path: list });
    expect(report.queued).toBe(10_000);
    expect(report.uids).toHaveLength(10_000);
    expect(report.duplicates).toEqual([
      { line: 10_003, url: 'https://cdn.example.test/archive/video-7.mp4', uid: report.uids[7] },
    ]);
    expect(report.invalid.map((i) => i.line)).toEqual([10_004, 10_005]);
    expect((await engine.totals()).byState.queued).toBe(10_000);
    const history = await engine.history({ uid: report.uids[0]! });
    expect(history).toEqual([]);
  });

  it('imports CSV with names, headers and meta columns', async () => {
    const { engine } = await setup({});
    const list = path.join(tempDir(), 'links.csv');
    fs.writeFileSync(
      list,
      'url,name,headers,meta.team\n' +
        'https://cdn.example.test/a.mp4,"Launch, final","{""Authorization"": ""Bearer t""}",marketing\n' +
        ',no url here,,\n',
    );
    const report = await engine.importList({ path: list });
    expect(report.queued).toBe(1);
    expect(report.invalid.map((i) => i.line)).toEqual([3]);
    const video = await engine.get({ uid: report.uids[0]! });
    expect(video.meta).toMatchObject({
      name: 'Launch, final',
      team: 'marketing',
      'downloaded-from': 'https://cdn.example.test/a.mp4',
    });
    expect(JSON.stringify(video)).not.toContain('Bearer t');
  });

  it('tells the input size as soon as the origin does, so the bytes so far can show while it downloads', async () => {
    const body = sd43;
    const { origin, engine } = await setup({
      '/slow.avi': { kind: 'file', body, ranges: false, trickle: { chunkBytes: 64 * 1024, everyMs: 40 } },
    });
    const uid = (await engine.addLinks({ links: [{ url: origin.url('/slow.avi') }] })).queued[0]!.uid;
    const sizesWhileDownloading: number[] = [];
    engine.on('videos', (batch) => {
      const mine = batch.find((v) => v.uid === uid);
      if (mine?.status.state === 'downloading' && mine.status.pctComplete < 100) sizesWhileDownloading.push(mine.size);
    });
    await engine.run();
    expect(sizesWhileDownloading.length).toBeGreaterThan(1);
    expect(sizesWhileDownloading.at(-1)).toBe(body.length);
    expect((await engine.get({ uid })).size).toBe(body.length);
  });
});
