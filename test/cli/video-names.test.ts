/**
 * The names `ferry list` and `ferry show` print for links: the path's file name as soon as the
 * link is queued, the download's Content-Disposition name once it has started, never the link's
 * encoded spelling. `ferry` run in-process on real data directories and a real origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unknownVideoDetails, type Video } from '../../shared/video';
import { formatProgressLine } from '../../electron/cli/format-progress';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { runFerry } from './ferry-in-process';

const origins: Awaited<ReturnType<typeof startOrigin>>[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.close();
});

async function originWithVideo() {
  const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
  const origin = await startOrigin({
    '/videos/Talk%20One.mp4': { kind: 'file', body },
    '/uc': { kind: 'file', body, contentDisposition: `attachment; filename*=UTF-8''Caf%C3%A9%20%E2%80%94%20Paris.mp4` },
  });
  origins.push(origin);
  return origin;
}

describe("ferry's names for links", () => {
  it("lists a queued link by its path's file name, decoded and without its query", async () => {
    const origin = await originWithVideo();
    const dataDir = tempDir();
    const list = path.join(tempDir(), 'links.txt');
    fs.writeFileSync(list, `${origin.url('/videos/Talk%20One.mp4')}?sig=abc\n`);
    const imported = await runFerry(['import', list, '--queue-only', '--data-dir', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    const listed = await runFerry(['list', '--data-dir', dataDir]);
    expect(listed.stdout).toMatch(/queued .* Talk One\.mp4\n/);
    expect(listed.stdout).not.toContain('%20');
  });

  it("shows a link by its download's Content-Disposition name once it is downloaded", async () => {
    const origin = await originWithVideo();
    const dataDir = tempDir();
    const ingested = await runFerry([
      'ingest',
      origin.url('/uc?export=download&id=1AbC'),
      '--no-transcode',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const [done] = JSON.parse(ingested.stdout) as Video[];
    expect(done).toMatchObject({ status: { state: 'ready' }, meta: { name: 'Café — Paris.mp4' } });
    expect((await runFerry(['list', '--data-dir', dataDir])).stdout).toMatch(/ready .* Café — Paris\.mp4\n/);
    expect((await runFerry(['show', done!.uid, '--data-dir', dataDir])).stdout).toMatch(/name\s+Café — Paris\.mp4/);
  });

  it("shows a link not named yet by its link in ferry ingest's progress, never by its uid", () => {
    const video: Video = {
      ...unknownVideoDetails(),
      uid: '9f86d081884c7d659a2feaa0c55ad015',
      created: '2026-12-07T10:00:00.000Z',
      modified: '2026-12-07T10:00:00.000Z',
      status: { state: 'queued', pctComplete: 0 },
      readyToStream: false,
      playable: false,
      source: { kind: 'url', url: 'https://cdn.example/get?id=9' },
    };
    const line = formatProgressLine(video);
    expect(line).toContain('cdn.example/get?id=9');
    expect(line).not.toContain(video.uid);
  });
});
