/**
 * `ferry target` with a streaming service's own API, through the real CLI against the Cloudflare
 * Stream double: the target is tested with the credential piped in, a pull target gets a file
 * pushed (saying why), and `ferry show` prints what the service said.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { startCloudflareDouble, type CloudflareDouble } from '../helpers/services/cloudflare-double';
import { tempDir } from '../helpers/temp-dir';
import { fileStore } from './ferry-process';
import { runFerry } from './ferry-in-process';

let stream: CloudflareDouble | undefined;
afterEach(async () => {
  await stream?.close();
  stream = undefined;
});

describe('ferry target with Cloudflare Stream', () => {
  it('tests the target, pushes a file to a pull target saying why, and ferry show prints what Stream said', async () => {
    // Ready at the first look, so the test waits one poll, not three.
    stream = await startCloudflareDouble({
      token: 'cf-token-5e1d',
      script: { steps: [{ state: 'ready', pctComplete: '100.000000' }] },
    });
    const dataDir = tempDir();
    const target = (...args: string[]) => runFerry(['target', ...args, '--data-dir', dataDir], fileStore);

    const add = (name: string, token: string) =>
      runFerry(
        [
          'target',
          'add',
          name,
          '--provider',
          'cloudflare',
          '--mode',
          'pull',
          '--endpoint',
          stream!.origin,
          '--account',
          stream!.account,
          '--credential-stdin',
          '--data-dir',
          dataDir,
        ],
        fileStore,
        `${token}\n`,
      );
    expect((await add('stream', 'cf-token-5e1d')).code).toBe(0);
    // Tested once saved: the wrong token is said at once, the target kept for ferry target test.
    const wrongAdded = await add('wrong', 'not-the-token');
    expect(wrongAdded.code).toBe(1);
    expect(wrongAdded.stderr).toContain('Cloudflare Stream refused the credential');

    const passed = await target('test', 'stream');
    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/^stream: /);
    const refused = await target('test', 'wrong');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ferry: wrong: Cloudflare Stream refused the credential');
    expect(refused.stderr).toContain('API token with Stream Write');

    const file = await make.standardDefinition43(tempDir());
    const ingested = await runFerry(
      ['ingest', file, '--no-transcode', '--deliver', 'stream', '--json', '--data-dir', dataDir],
      fileStore,
    );
    expect(ingested.code, ingested.stderr).toBe(0);
    const [video] = JSON.parse(ingested.stdout) as Video[];
    const [delivery] = video!.deliveries;
    expect(delivery).toMatchObject({ mode: 'push', state: 'ready' });
    expect(delivery!.notice).toBeTruthy();
    expect(delivery!.playbackUrl).toBeTruthy();
    expect(stream.videos.has(delivery!.remoteId!)).toBe(true);

    const show = await runFerry(['show', video!.uid, '--data-dir', dataDir]);
    const lines = show.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('delivery'));
    expect(lines[at]).toMatch(
      new RegExp(`^delivery  stream \\(push\\): ready · service says \\w+ · remote id ${delivery!.remoteId}$`),
    );
    expect(lines.slice(at + 1)).toEqual(
      expect.arrayContaining([
        `            playback ${delivery!.playbackUrl}`,
        `            notice: ${delivery!.notice}`,
      ]),
    );
  });
});
