/** `ferry settings`, through the real CLI: a headless user reads and changes what the app's settings change. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/api';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { startReceiver } from '../helpers/webhook-receiver';
import { runFerry } from './ferry-in-process';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('ferry settings', () => {
  it('lists every setting, prints one, and changes each kind of value', async () => {
    const dataDir = tempDir();
    const settings = (...args: string[]) => runFerry(['settings', ...args, '--data-dir', dataDir]);

    const all = await settings();
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^KEY\s+VALUE\n/);
    expect(all.stdout).toMatch(/webhookUrl\s+none\n/);
    expect(all.stdout).toMatch(/concurrency\.downloads\s+4\n/);
    expect(all.stdout).toMatch(/minFreeDiskBytes\s+2147483648 \(2\.0 GiB\)\n/);
    expect(all.stdout).toMatch(/serve\.enabled\s+false\n/);
    expect(all.stdout).not.toMatch(/[0-9a-f]{64}/);

    expect((await settings('concurrency.downloads', '8')).stdout).toBe('concurrency.downloads = 8\n');
    expect((await settings('serve.port', '9090')).stdout).toBe('serve.port = 9090\n');
    expect((await settings('minFreeDiskBytes', '500MB')).stdout).toBe('minFreeDiskBytes = 500000000 (477 MiB)\n');
    expect((await settings('keepOriginal', 'no')).stdout).toBe('keepOriginal = false\n');
    expect((await settings('webhookUrl', 'https://hooks.example.test/ferry')).stdout).toBe(
      'webhookUrl = https://hooks.example.test/ferry\n',
    );
    expect((await settings('webhookUrl')).stdout).toBe('https://hooks.example.test/ferry\n');
    expect((await settings('webhookUrl', 'none')).stdout).toBe('webhookUrl = none\n');

    const json = JSON.parse((await settings('--json')).stdout) as Settings;
    expect(json).toMatchObject({
      webhookUrl: null,
      minFreeDiskBytes: 500_000_000,
      keepOriginal: false,
      // Setting one limit keeps the others.
      concurrency: { downloads: 8, downloadsPerHost: 2, transcodes: 1, deliveries: 3 },
      // Setting the port keeps the server off.
      serve: { enabled: false, port: 9090 },
    });
    expect(JSON.parse((await settings('concurrency.downloads', '--json')).stdout)).toBe(8);
    expect((await settings('minFreeDiskBytes', '2GiB')).stdout).toBe('minFreeDiskBytes = 2147483648 (2.0 GiB)\n');
    expect((await settings('webhookSecret')).stdout).toBe(`${json.webhookSecret}\n`);

    expect((await settings('defaults.ladder', '720,360')).stdout).toBe('defaults.ladder = 720,360\n');
    expect((await settings('ui.theme', 'Dark')).stdout).toBe('ui.theme = dark\n');
    expect((await settings('transcode.preset')).stdout).toBe('balanced (Balanced (x264 veryfast, RF 22))\n');
    expect((await settings('transcode.preset', 'Quality')).stdout).toBe(
      'transcode.preset = quality (Quality (x264 slow, RF 20))\n',
    );
    expect((await settings('transcode.codec', 'hevc')).stdout).toBe('transcode.codec = hevc\n');
    expect((await settings('transcode.ladder', 'fixed')).stdout).toBe('transcode.ladder = fixed\n');
    expect((await settings('ui.density', 'Compact')).stdout).toBe('ui.density = compact\n');
    expect((await settings('ui.watchClipboard', 'on')).stdout).toBe('ui.watchClipboard = true\n');
    expect((await settings('library')).stdout).toBe(`${path.join(fs.realpathSync(dataDir), 'library')}\n`);
    expect(JSON.parse((await settings('--json')).stdout)).toMatchObject({
      defaults: { ladder: [720, 360], thumbnailTimestampPct: 0 },
      ui: { theme: 'dark', watchClipboard: true },
      transcode: { ladder: 'fixed', preset: 'quality', codec: 'hevc' },
    });
  });

  it.each([
    [['concurrency.downloads', '99'], 'concurrency.downloads: must be a whole number from 1 to 32'],
    [['concurrency.transcodes', '1.5'], 'concurrency.transcodes: must be a whole number from 1 to 8'],
    [['concurrency.deliveries', 'many'], 'concurrency.deliveries takes a number, not "many"'],
    [['webhookUrl', 'ftp://hooks.example.test/'], 'webhookUrl: must be an http:// or https:// URL'],
    [['ui.theme', 'blue'], 'ui.theme: must be system, light or dark'],
    [['transcode.preset', 'turbo'], 'transcode.preset: must be one of fast, balanced, quality, veryslow'],
    [['webhookUrl', 'hooks.example.test'], 'webhookUrl: must be an http:// or https:// URL'],
    [['minFreeDiskBytes', 'lots'], 'minFreeDiskBytes takes a size such as 2GiB'],
    [['keepOriginal', 'maybe'], 'keepOriginal takes true or false, not "maybe"'],
    [['webhookSecret', 'abc'], 'webhookSecret is made by Ferry and cannot be set'],
    [['colour', 'blue'], 'Unknown setting "colour". Settings: webhookUrl, concurrency.downloads'],
  ])('refuses %j with exit 2, naming the key, and changes nothing', async (args, message) => {
    const dataDir = tempDir();
    const result = await runFerry(['settings', ...args, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('See: ferry settings --help');
    const after = JSON.parse((await runFerry(['settings', '--json', '--data-dir', dataDir])).stdout) as Settings;
    expect(after).toMatchObject({ webhookUrl: null, concurrency: { downloads: 4, transcodes: 1, deliveries: 3 } });
  });

  it('turns webhooks on for a headless user: a video that becomes ready is POSTed, signed, to the URL set', async () => {
    const dataDir = tempDir();
    const secret = (await runFerry(['webhook', 'secret', '--data-dir', dataDir])).stdout.trim();
    const receiver = await startReceiver(
      () => secret,
      () => 200,
    );
    closers.push(receiver.close);
    const set = await runFerry(['settings', 'webhookUrl', receiver.url, '--data-dir', dataDir]);
    expect(set.code, set.stderr).toBe(0);

    const file = await make.standardDefinition43(tempDir());
    const ingest = await runFerry(['ingest', file, '--ladder', '240', '--json', '--data-dir', dataDir]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const [video] = JSON.parse(ingest.stdout) as Video[];

    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.invalid).toBeUndefined();
    expect(hook!.contentType).toContain('application/json');
    expect(JSON.parse(hook!.body)).toMatchObject({ uid: video!.uid, status: { state: 'ready' }, readyToStream: true });

    // The receiver's copy of the signature checks out with the CLI too.
    const bodyFile = path.join(dataDir, 'hook.json');
    fs.writeFileSync(bodyFile, hook!.body);
    const verified = await runFerry([
      'webhook',
      'verify',
      '--signature',
      hook!.signature,
      '--body-file',
      bodyFile,
      '--data-dir',
      dataDir,
    ]);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^valid \(signed at /) });
  });
});
