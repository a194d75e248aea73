import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import { createEngine } from '../../electron/engine/create-engine';
import type { DownloadState } from '../../electron/engine/sources/download-state';
import * as make from '../helpers/media-fixtures';
import { sha256, startOrigin } from '../helpers/origin-server';
import { finished, spawnNode } from '../helpers/spawn-ts';
import { bin, fileStore } from './ferry-process';
import { runFerry } from './ferry-in-process';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/wait-for';

const origins: Awaited<ReturnType<typeof startOrigin>>[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.close();
});

describe('ferry with links', () => {
  it('ingests a private link with --header, and never prints the header', async () => {
    const video = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({
      '/clip.avi': { kind: 'file', body: video, requireHeader: ['Authorization', 'Bearer tok-42'] },
    });
    origins.push(origin);
    const dataDir = tempDir();
    const result = await runFerry(
      [
        'ingest',
        origin.url('/clip.avi'),
        '--header',
        'Authorization: Bearer tok-42',
        '--ladder',
        '240',
        '--json',
        '--data-dir',
        dataDir,
      ],
      fileStore,
    );
    expect(result.code, result.stderr).toBe(0);
    const [done] = JSON.parse(result.stdout) as Video[];
    expect(done).toMatchObject({ status: { state: 'ready' }, meta: { 'downloaded-from': origin.url('/clip.avi') } });
    expect(sha256(fs.readFileSync(done!.source.path!))).toBe(sha256(video));
    for (const output of [
      result.stdout,
      result.stderr,
      (await runFerry(['list', '--json', '--data-dir', dataDir])).stdout,
    ]) {
      expect(output).not.toContain('tok-42');
    }
  });

  it('refuses other schemes with a clear error and exits 1', async () => {
    const result = await runFerry(['ingest', 'ftp://files.example.test/a.mp4', '--data-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ftp:\/\/files\.example\.test\/a\.mp4: .*http/);
  });

  it('imports a list, reporting each bad line by number, with --queue-only', async () => {
    const list = path.join(tempDir(), 'links.txt');
    fs.writeFileSync(
      list,
      ['# archive', 'https://cdn.example.test/a.mp4', 'two words', 'https://cdn.example.test/a.mp4', ''].join('\n'),
    );
    const dataDir = tempDir();
    const result = await runFerry(['import', list, '--queue-only', '--json', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Queued 1 link, 1 already queued or done, 1 not usable.');
    expect(result.stderr).toMatch(/line 3: .*one link/);
    expect(result.stderr).toContain('line 4: https://cdn.example.test/a.mp4 is already');
    const { report } = JSON.parse(result.stdout);
    expect(report).toMatchObject({ queued: 1, invalid: [{ line: 3 }], duplicates: [{ line: 4 }] });
  });

  it('resumes a download killed mid-way from the bytes on disk', async () => {
    const media = tempDir();
    // Lossless, so the file is big enough to be killed mid-way while the origin trickles it.
    const source = path.join(media, 'big.mkv');
    await make.ff([
      ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=1', '-vf', 'noise=alls=30:allf=t'],
      ...['-c:v', 'libx264', '-qp', '0', '-preset', 'ultrafast', source],
    ]);
    const body = fs.readFileSync(source);
    const origin = await startOrigin({
      '/big.mkv': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 20 } },
    });
    origins.push(origin);
    const dataDir = tempDir();
    const child = spawnNode([bin, 'ingest', origin.url('/big.mkv'), '--ladder', '240', '--data-dir', dataDir]);
    const done = finished(child);
    // Wait (bounded) until the saved state records a finished piece and bytes within unfinished
    // ones, then kill without warning.
    const originals = path.join(dataDir, 'originals');
    let stateFile: string | undefined;
    const saved = () => JSON.parse(fs.readFileSync(stateFile!, 'utf8')) as DownloadState;
    await until(() => {
      const uid = fs.existsSync(originals) ? fs.readdirSync(originals)[0] : undefined;
      stateFile = uid && path.join(originals, uid, 'big.mkv.part.json');
      if (!stateFile || !fs.existsSync(stateFile)) return false;
      const state = saved();
      return state.done.length >= 1 && Object.keys(state.partial ?? {}).length >= 2;
    });
    child.kill('SIGKILL');
    await done;
    const { pieceBytes } = saved();
    const requestsBeforeKill = origin.served.requests.length;
    const servedBeforeKill = origin.served.bytes.get('/big.mkv') ?? 0;
    expect(servedBeforeKill).toBeLessThan(body.length);

    const engine = createEngine({ dataDir });
    try {
      const [uid] = (await engine.list({})).videos.map((v) => v.uid);
      expect((await engine.get({ uid: uid! })).status).toMatchObject({ state: 'downloading', step: 'fetch' });
      await engine.run();
      const video = await engine.get({ uid: uid! });
      expect(video.status.state).toBe('ready');
      expect(sha256(fs.readFileSync(video.source.path!))).toBe(sha256(body));
      // The new run asks for unfinished pieces from where they stopped, not from their starts.
      const starts = origin.served.requests
        .slice(requestsBeforeKill)
        .map((r) => Number(/^bytes=(\d+)-/.exec(r.headers.range ?? '')?.[1] ?? 0));
      expect(starts.some((start) => start % pieceBytes !== 0)).toBe(true);
      // What was fetched twice is at most about 1 MiB per connection.
      const connections = Math.max(...origin.served.requests.map((r) => r.active));
      const resent = (origin.served.bytes.get('/big.mkv') ?? 0) - body.length;
      expect(resent).toBeLessThanOrEqual(connections * 1024 * 1024);
    } finally {
      engine.close();
    }
  });
});
