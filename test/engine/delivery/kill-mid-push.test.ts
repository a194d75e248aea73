/**
 * A 200 MB push to Cloudflare Stream (its TUS rules enforced by the double: 5 MiB chunks at the
 * least, multiples of 256 KiB) whose engine process is killed half-way continues from the offset
 * Stream holds in the next run: counted at the server, no more than one chunk is sent again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import * as make from '../../helpers/media-fixtures';
import { sha256 } from '../../helpers/origin-server';
import { startCloudflareDouble, type CloudflareDouble } from '../../helpers/services/cloudflare-double';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';

const worker = path.join(repoRoot, 'test/helpers/engine-worker.ts');
/** The chunk the Cloudflare adapter sends when the stage asks for less: Stream's 5 MiB minimum. */
const chunk = 5 * 1024 * 1024;
let cloudflare: CloudflareDouble;
let file: string;
let size: number;

beforeAll(async () => {
  file = await make.largeRawVideo(tempDir(), 200);
  size = fs.statSync(file).size;
  cloudflare = await startCloudflareDouble();
});
afterAll(async () => {
  await cloudflare?.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

describe('a 200 MB push killed half-way', () => {
  it('continues from the offset Stream holds, sending at most one chunk again', async () => {
    const dataDir = tempDir();
    const setup = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    const target = await setup.saveTarget({
      name: 'stream',
      provider: 'cloudflare',
      mode: 'push',
      endpoint: cloudflare.origin,
      account: cloudflare.account,
      credential: cloudflare.token,
    });
    const added = await setup.addFiles({ paths: [file], options: { transcode: false, deliverTo: [target.id] } });
    const uid = added.queued[0]!.uid;
    setup.close();
    // The worker process finds the credential where this one saved it.
    const env = { FERRY_CREDENTIALS: 'file' };

    const received = () => cloudflare.tus.totalReceived();
    cloudflare.tus.throttle(40 * 1024 * 1024);
    const child = spawnTs(worker, [dataDir], env);
    const done = finished(child, 120_000);
    await until(() => received() > size / 2, 90_000);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const before = received();
    expect(before).toBeLessThan(size);

    cloudflare.tus.throttle(null);
    const again = await finished(spawnTs(worker, [dataDir], env), 120_000);
    expect(again.code, again.stderr).toBe(0);

    const reader = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    try {
      const [delivery] = (await reader.get({ uid })).deliveries;
      expect(delivery).toMatchObject({ state: 'ready', mode: 'push' });
      const remoteId = delivery!.remoteId!;
      expect(cloudflare.videos.has(remoteId)).toBe(true);
      expect(cloudflare.tus.uploads()).toHaveLength(1);
      expect(sha256(cloudflare.file(remoteId))).toBe(sha256(fs.readFileSync(file)));
      // All the server received over both runs: the file once, plus at most the chunk cut by the kill.
      expect(received() - size).toBeLessThanOrEqual(chunk);
      expect(received()).toBeGreaterThanOrEqual(size);
    } finally {
      reader.close();
    }
  });
});
