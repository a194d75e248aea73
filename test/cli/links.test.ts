import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import { createEngine } from '../../electron/engine/create-engine';
import * as make from '../helpers/media-fixtures';
import { sha256, startOrigin } from '../helpers/origin-server';
import { finished, spawnTs } from '../helpers/spawn-ts';
import { bin, ferry } from './ferry-process';
import { tempDir } from '../helpers/temp-dir';
import { piecesOnDisk, until } from '../helpers/wait-for';

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
    const result = await ferry([
      'ingest',
      origin.url('/clip.avi'),
      '--header',
      'Authorization: Bearer tok-42',
      '--ladder',
      '240',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [done] = JSON.parse(result.stdout) as Video[];
    expect(done).toMatchObject({ status: { state: 'ready' }, meta: { 'downloaded-from': origin.url('/clip.avi') } });
    expect(sha256(fs.readFileSync(done!.source.path!))).toBe(sha256(video));
    for (const output of [
      result.stdout,
      result.stderr,
      (await ferry(['list', '--json', '--data-dir', dataDir])).stdout,
    ]) {
      expect(output).not.toContain('tok-42');
    }
  });

  it('refuses other schemes with a clear error and exits 1', async () => {
    const result = await ferry(['ingest', 'ftp://files.example.test/a.mp4', '--data-dir', tempDir()]);
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
    const result = await ferry(['import', list, '--queue-only', '--json', '--data-dir', dataDir]);
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
    const child = spawnTs(bin, ['ingest', origin.url('/big.mkv'), '--ladder', '240', '--data-dir', dataDir]);
    const done = finished(child);
    // Wait (bounded) until pieces are on disk, then kill without warning.
    const originals = path.join(dataDir, 'originals');
    let downloading: string | undefined;
    await until(() => {
      downloading ??= fs.existsSync(originals) ? fs.readdirSync(originals)[0] : undefined;
      return downloading !== undefined && piecesOnDisk(dataDir, downloading, 'big.mkv') >= 2;
    });
    const state = JSON.parse(fs.readFileSync(path.join(originals, downloading!, 'big.mkv.part.json'), 'utf8')) as {
      pieceBytes: number;
    };
    child.kill('SIGKILL');
    await done;
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
      // Only pieces that were in flight when it died are sent twice: at most one per connection.
      const connections = new Set(origin.served.requests.filter((r) => r.headers.range).map((r) => r.socket)).size;
      const resent = (origin.served.bytes.get('/big.mkv') ?? 0) - body.length;
      expect(resent).toBeLessThanOrEqual(state.pieceBytes * Math.min(connections, 8));
      expect(resent).toBeLessThan(servedBeforeKill);
    } finally {
      engine.close();
    }
  });
});
