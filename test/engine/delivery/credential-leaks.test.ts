/**
 * Credentials are sent to their service and nowhere else: a delivery that works and one that is
 * refused leave no trace of either secret in the data directory's files (besides the opt-in
 * credentials file that holds them), the video, its history, the webhooks, the socket API's
 * answers or anything written to stdout and stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { unwrapEnvelope } from '../../../shared/ferry-error';
import * as make from '../../helpers/media-fixtures';
import { startCloudflareDouble, type CloudflareDouble } from '../../helpers/services/cloudflare-double';
import { tempDir } from '../../helpers/temp-dir';
import { startReceiver } from '../../helpers/webhook-receiver';
import { signedInSocket } from '../../server/ws-client';
import { serveEngine } from '../../server/ws-serve-fixture';

const good = 'cf-token-SECRET-5d1e9a';
const wrong = 'cf-token-SECRET-0b77c2';
let cloudflare: CloudflareDouble;
let media: string;

beforeAll(async () => {
  cloudflare = await startCloudflareDouble({ token: good });
  media = await make.noisyMp4(tempDir(), 1);
});
afterAll(() => cloudflare?.close());

/** Every file of the data directory but the opt-in credentials file, as text. */
function dataDirText(dataDir: string): string {
  const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return files
    .filter((e) => e.name !== 'credentials.json')
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('credentials', () => {
  it('appear in no file, answer, webhook or log, whether the service takes them or not', async () => {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const dataDir = tempDir();
    const engine = createEngine({
      dataDir,
      credentials: new FileVault(dataDir),
      delivery: { retryBaseMs: 20, maxAttempts: 2, pollBaseMs: 20, pollMaxMs: 50 },
    });
    const served = await serveEngine(engine);
    const secret = (await engine.getSettings()).webhookSecret;
    const receiver = await startReceiver(
      () => secret,
      () => 200,
    );
    try {
      const socket = await signedInSocket(served.url, served.context.token);
      const fields = { provider: 'cloudflare', mode: 'push', endpoint: cloudflare.origin, account: cloudflare.account };
      const answers = [
        await socket.call('saveTarget', { name: 'stream', ...fields, credential: good }),
        await socket.call('saveTarget', { name: 'refused', ...fields, credential: wrong }),
      ];
      const ids = answers.map((a) => unwrapEnvelope<{ id: string }>(a).id);
      answers.push(await socket.call('listTargets'));
      answers.push(await socket.call('testTarget', { id: ids[0] }));
      const refusedTest = await socket.call('testTarget', { id: ids[1] });
      expect(refusedTest).toMatchObject({
        ok: true,
        value: { ok: false, message: expect.stringMatching(/refused the credential \(40[13]\)/) },
      });
      answers.push(refusedTest);

      await engine.setSettings({ webhookUrl: receiver.url });
      const added = await engine.addFiles({ paths: [media], options: { transcode: false, deliverTo: ids } });
      const uid = added.queued[0]!.uid;
      await engine.run();
      const video = await engine.get({ uid });
      expect(video.deliveries.map((d) => d.state)).toEqual(['ready', 'error']);
      expect(video.deliveries[1]!.error).toMatch(/refused the credential \(40[13]\)/);
      answers.push(await socket.call('get', { uid }), await socket.call('history', { uid }));
      await socket.close();

      const everything = [
        dataDirText(dataDir),
        JSON.stringify(answers),
        JSON.stringify(video),
        JSON.stringify(await engine.history({ uid })),
        receiver.received.map((r) => r.body).join('\n'),
        written.join(''),
      ].join('\n');
      // The search would find them: the secrets are in the one file meant to hold them.
      expect(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')).toContain(good);
      expect(everything).toContain(cloudflare.account);
      for (const credential of [good, wrong]) expect(everything).not.toContain(credential);
      expect(everything).not.toContain('SECRET');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      await receiver.close();
      await served.stop();
      engine.close();
    }
  });
});
