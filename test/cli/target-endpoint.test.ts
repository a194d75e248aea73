/**
 * `ferry target add --endpoint` in the forms a user has at hand for Cloudflare Stream, through the
 * real CLI against a started `ferry serve` (the Ferry the target delivers to): the origin, the
 * SDK's base URL (`…/client/v4`) and the API base `ferry serve` prints
 * (`…/client/v4/accounts/{id}/stream`, whose account is taken) are saved as the origin, so the
 * target's test reaches the video list rather than `/client/v4/client/v4/…`.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import { tempDir } from '../helpers/temp-dir';
import { serve } from '../server/stream-fixture';
import { fileStore } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry target add --endpoint for Cloudflare Stream', () => {
  it('takes the origin, the SDK base URL or the printed API base, and the target test passes', async () => {
    const api = await serve();
    const origin = api.server.baseUrl;
    const dataDir = tempDir();
    const env = { ...fileStore, PEER_TOKEN: api.server.token };
    const target = (...args: string[]) => runFerry(['target', ...args, '--data-dir', dataDir], env);
    const add = (name: string, ...args: string[]) =>
      target('add', name, '--provider', 'cloudflare', '--mode', 'pull', '--credential-env', 'PEER_TOKEN', ...args);

    const forms: [string, string[]][] = [
      ['printed', ['--endpoint', `${origin}/client/v4/accounts/acct-9/stream`]],
      ['sdk', ['--endpoint', `${origin}/client/v4/`, '--account', 'acct-9']],
      ['origin', ['--endpoint', origin, '--account', 'acct-9']],
    ];
    for (const [name, args] of forms) {
      const added = await add(name, ...args);
      expect(added.code, added.stderr).toBe(0);
      const tested = await target('test', name);
      expect(tested.code, `${name}: ${tested.stderr}`).toBe(0);
    }
    const listed = JSON.parse((await target('list', '--json')).stdout) as DeliveryTarget[];
    for (const saved of listed) expect(saved).toMatchObject({ endpoint: origin, account: 'acct-9' });

    const mismatch = await add('other', '--endpoint', `${origin}/client/v4/accounts/acct-9/stream`, '--account', 'x');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('account acct-9');
  });
});
