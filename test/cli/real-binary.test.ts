/**
 * bin/ferry.mjs itself, as a shell script runs it: its exit codes, stdout and stderr, the
 * environment and a pipe on stdin reaching the commands. The other CLI tests call the same `main`
 * in-process (ferry-in-process.ts); these few calls check the wiring they skip.
 */
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../electron/engine/notify/sign-webhook';
import { tempDir } from '../helpers/temp-dir';
import { ferry } from './ferry-process';

describe('the ferry binary', () => {
  it('exits 0 with help on stdout, and 2 with the usage on stderr when no command is given', async () => {
    const help = await ferry(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^ferry: .*\n\nUsage: ferry/) });
    const none = await ferry([]);
    expect(none).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: ferry') });
  });

  it('takes the data directory from FERRY_DATA_DIR and exits 1 for a video that is not there', async () => {
    const dataDir = tempDir();
    const missing = 'f'.repeat(32);
    const result = await ferry(['show', missing], { FERRY_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No video with uid ${missing}`);
    expect(result.stdout).toBe('');
  });

  it('reads what is piped to it: webhook verify checks a body given on stdin', async () => {
    const secret = 'b7'.repeat(32);
    const body = '{"uid":"6b9e68b07dfee8cc2d116e4c51d6a957","status":{"state":"ready"}}';
    const signature = signWebhook(body, secret, Math.floor(Date.now() / 1000));
    const args = ['webhook', 'verify', '--secret', secret, '--signature', signature];
    const valid = await ferry(args, { FERRY_DATA_DIR: tempDir() }, body);
    expect(valid).toMatchObject({ code: 0, stdout: expect.stringMatching(/^valid \(signed at /) });
    const changed = await ferry(args, { FERRY_DATA_DIR: tempDir() }, body.replace('ready', 'error'));
    expect(changed).toMatchObject({ code: 1, stdout: expect.stringMatching(/^invalid: signature does not match/) });
  });
});
