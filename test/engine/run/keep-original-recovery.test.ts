/**
 * A link kept as it is (no transcode) is published by renaming its download folder into the
 * library, then marked ready. These tests stop it between the two, as a crash would, and when
 * the download was removed by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A no-transcode link whose download finished (stage probe, waiting), as a crash would leave it. */
function downloadedLink(dataDir: string, url: string): { uid: string; original: string } {
  const { store, close } = openStore(dataDir);
  const [uid] = store.insertMany([{ source: { kind: 'url', url }, stage: 'probe', options: { transcode: false } }]) as [
    string,
  ];
  const original = path.join(dataDir, 'originals', uid, 'clip.avi');
  store.claimNext('probe', 60_000);
  store.transition(uid, 'queued', { releaseLease: true, source: { path: original } });
  close();
  return { uid, original };
}

function open(dataDir: string) {
  const engine = createEngine({ dataDir, fetch: { baseMs: 10 } });
  cleanups.push(() => engine.close());
  return engine;
}

describe('a link kept as its own output, stopped between publishing and the commit', () => {
  it('is ready from the published folder, without downloading again', async () => {
    const dataDir = tempDir();
    const body = Buffer.from('not a video, and it does not need to be: nothing probes it');
    const { uid, original } = downloadedLink(dataDir, 'http://127.0.0.1:9/clip.avi');
    const published = path.join(dataDir, 'library', uid, 'clip.avi');
    fs.mkdirSync(path.dirname(published), { recursive: true });
    fs.writeFileSync(published, body);
    expect(fs.existsSync(original)).toBe(false);

    const engine = open(dataDir);
    await engine.run();
    const video = await engine.get({ uid });
    expect(video.status.state).toBe('ready');
    expect(video.downloads?.default).toBe(published);
    expect(sha256(fs.readFileSync(published))).toBe(sha256(body));
  });

  it('says the download is gone when it was removed, and a retry downloads it again', async () => {
    const dataDir = tempDir();
    // A real video: without a transcode, the fetcher refuses what is not one.
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({ '/clip.avi': { kind: 'file', body } });
    cleanups.push(() => origin.close());
    const { uid, original } = downloadedLink(dataDir, origin.url('/clip.avi'));

    const engine = open(dataDir);
    await engine.run();
    const failed = await engine.get({ uid });
    expect(failed.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_UNKNOWN' });
    // Named by its file, never by this machine's folders.
    expect(failed.status.errorReasonText).toContain(path.basename(original));
    expect(failed.status.errorReasonText).not.toContain(path.dirname(original));
    expect(failed.status.errorReasonText).toMatch(/Retry the video to download it again/);
    expect(origin.served.requests).toHaveLength(0);

    await engine.retry({ uids: [uid] });
    await engine.run();
    const video = await engine.get({ uid });
    expect(video.status.state).toBe('ready');
    expect(sha256(fs.readFileSync(video.downloads!.default))).toBe(sha256(body));
    expect(origin.served.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });
});
