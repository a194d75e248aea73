import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../electron/engine/notify/sign-webhook';
import { repoRoot } from '../helpers/spawn-ts';
import { runFerry } from './ferry-in-process';
import { tempDir } from '../helpers/temp-dir';

const secret = '85011ed3a913c6ad5f9cf6c5573cc0a7'.repeat(2);
const body = '{"uid":"6b9e68b07dfee8cc2d116e4c51d6a957","status":{"state":"ready","pctComplete":100}}';

function bodyFile(text: string | Buffer): string {
  const file = path.join(tempDir(), 'body.json');
  fs.writeFileSync(file, text);
  return file;
}

/** `ferry webhook verify` with a body file, as a user checking a captured webhook runs it. */
const verify = (withSecret: string, signature: string, file: string, extra: string[] = []) =>
  runFerry(['webhook', 'verify', '--secret', withSecret, '--signature', signature, ...extra, '--body-file', file], {
    FERRY_DATA_DIR: tempDir(),
  });

describe('ferry webhook', () => {
  it('verify says valid, with the signing time, for a body and header as sent', async () => {
    const time = Math.floor(Date.now() / 1000);
    const signature = signWebhook(body, secret, time);
    const result = await verify(secret, signature, bodyFile(body));
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: `valid (signed at ${new Date(time * 1000).toISOString()})\n` });
  });

  it('verify reads the body from stdin when no file is given', async () => {
    const signature = signWebhook(body, secret, Math.floor(Date.now() / 1000));
    const result = await runFerry(
      ['webhook', 'verify', '--secret', secret, '--signature', signature],
      {
        FERRY_DATA_DIR: tempDir(),
      },
      body,
    );
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^valid \(signed at /) });
  });

  it('verify says invalid and exits 1 for a tampered body, a wrong secret or an old signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signature = signWebhook(body, secret, now);
    const tampered = await verify(secret, signature, bodyFile(body.replace('ready', 'error')));
    expect(tampered).toMatchObject({ code: 1, stdout: expect.stringMatching(/^invalid: signature does not match/) });

    const wrongSecret = await verify('ab'.repeat(32), signature, bodyFile(body));
    expect(wrongSecret).toMatchObject({ code: 1, stdout: expect.stringContaining('signature does not match') });

    const old = signWebhook(body, secret, now - 3600);
    const stale = await verify(secret, old, bodyFile(body));
    expect(stale).toMatchObject({ code: 1, stdout: expect.stringContaining('invalid: signed too long ago') });
    const tolerated = await verify(secret, old, bodyFile(body), ['--tolerance', '7200']);
    expect(tolerated.code).toBe(0);
  });

  it('verify points out a newline added to the body', async () => {
    const signature = signWebhook(body, secret, Math.floor(Date.now() / 1000));
    const result = await verify(secret, signature, bodyFile(`${body}\n`));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('it matches without the final newline');
  });

  it('secret prints the data directory secret, the one verify checks with when no --secret is given', async () => {
    const dataDir = tempDir();
    const result = await runFerry(['webhook', 'secret', '--data-dir', dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const printed = result.stdout.trim();
    expect(printed).toMatch(/^[0-9a-f]{64}$/);
    expect((await runFerry(['webhook', 'secret'], { FERRY_DATA_DIR: dataDir })).stdout.trim()).toBe(printed);
    expect(JSON.parse((await runFerry(['settings', '--json', '--data-dir', dataDir])).stdout)).toMatchObject({
      webhookSecret: printed,
    });

    const signature = signWebhook(body, printed, Math.floor(Date.now() / 1000));
    const own = ['webhook', 'verify', '--signature', signature, '--body-file', bodyFile(body), '--data-dir'];
    expect(await runFerry([...own, dataDir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^valid/) });
    expect(await runFerry([...own, tempDir()])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('invalid: signature does not match'),
    });
  });

  it('verify says a body that is not UTF-8 was changed on the way', async () => {
    const signature = signWebhook(body, secret, Math.floor(Date.now() / 1000));
    const result = await verify(secret, signature, bodyFile(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    expect(result).toMatchObject({ code: 1, stdout: expect.stringContaining('invalid: the body is not UTF-8') });
  });

  it.each([
    [['webhook'], 'Which one? verify or secret'],
    [['webhook', 'sign'], 'Unknown subcommand "sign"'],
    [['webhook', 'verify', '--secret', secret], '--signature is needed'],
    [['webhook', 'verify', '--secret', secret, '--signature', 'x', '--body-file', '/nowhere/body.json'], 'No file at'],
    [
      ['webhook', 'verify', '--secret', secret, '--signature', 'x', '--tolerance', 'soon'],
      '--tolerance takes a number',
    ],
    [
      [
        'webhook',
        'verify',
        '--secret',
        secret,
        '--signature',
        'x',
        '--tolerance=-5',
        '--body-file',
        path.join(repoRoot, 'package.json'),
      ],
      '--tolerance: cannot be negative',
    ],
    [['webhook', 'secret', 'extra'], 'Unexpected argument "extra"'],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const result = await runFerry(args, { FERRY_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('See: ferry webhook --help');
  });
});
