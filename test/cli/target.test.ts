/** `ferry target`, through the real CLI against real data directories and a real TUS server. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import type { Finished } from '../helpers/spawn-ts';
import { tempDir } from '../helpers/temp-dir';
import { addTusTargetArgs, fileStore, tusServerForTest } from './ferry-process';
import { runFerry } from './ferry-in-process';

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every file of the data directory but the opt-in credential file, as bytes. */
const dataDirBytes = (dataDir: string) =>
  Buffer.concat(
    fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('ferry.db'))
      .map((name) => fs.readFileSync(path.join(dataDir, name))),
  );

describe('ferry target add', () => {
  it('adds a target of each provider with what it needs, and lists them without the credential', async () => {
    const dataDir = tempDir();
    const secret = 'sk-live-7f3a9c1e5b';
    const add = (...args: string[]) =>
      // The services are not reachable from a test: saved without asking them.
      runFerry(['target', 'add', ...args, '--no-test', '--credential-env', 'SERVICE_KEY', '--data-dir', dataDir], {
        ...fileStore,
        SERVICE_KEY: secret,
      });
    const outputs: Finished[] = [];
    for (const args of [
      ['cf', '--provider', 'cloudflare', '--account', '023e105f4ecef8ad9ca31a8372d0c353'],
      ['gc', '--provider', 'gcore'],
      ['om', '--provider', 'omega'],
      ['tl', '--provider', 'twelvelabs', '--index', '6298d673f1090f1100476d4c', '--mode', 'pull'],
      ['bn', '--provider', 'bunny', '--library', '4242', '--send', 'original', '--ready-when', 'playable'],
      ['vm', '--provider', 'vimeo'],
      ['own', '--provider', 'tus', '--endpoint', 'https://tus.example.test/files/'],
    ]) {
      const added = await add(...args);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toMatch(new RegExp(`^added target ${args[0]} \\([0-9a-f]{16}\\)`));
      outputs.push(added);
    }

    const json = await runFerry(['target', 'list', '--json', '--data-dir', dataDir], fileStore);
    const targets = JSON.parse(json.stdout) as DeliveryTarget[];
    const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
    expect(byName.cf).toMatchObject({
      provider: 'cloudflare',
      mode: 'push',
      account: '023e105f4ecef8ad9ca31a8372d0c353',
    });
    expect(byName.om).toMatchObject({ provider: 'omega', mode: 'pull', endpoint: 'https://omegastream.net/company' });
    expect(byName.tl).toMatchObject({ provider: 'twelvelabs', mode: 'pull', index: '6298d673f1090f1100476d4c' });
    expect(byName.bn).toMatchObject({ library: '4242', send: 'original', readyWhen: 'playable', hasCredential: true });
    // The endpoint as given (a trailing slash the engine may keep or drop).
    expect(byName.own).toMatchObject({ provider: 'tus', mode: 'push' });
    expect(byName.own!.endpoint).toMatch(/^https:\/\/tus\.example\.test\/files\/?$/);
    expect(targets.every((t) => t.hasCredential)).toBe(true);

    const table = await runFerry(['target', 'list', '--data-dir', dataDir], fileStore);
    expect(table.stdout).toMatch(
      /^ID\s+NAME\s+PROVIDER\s+MODE\s+SEND\s+CREDENTIAL\s+ACCOUNT\/LIBRARY\/INDEX\s+ENDPOINT\n/,
    );
    expect(table.stdout).toMatch(
      new RegExp(
        `${byName.cf!.id}\\s+cf\\s+Cloudflare Stream\\s+push\\s+mp4\\s+yes\\s+account 023e105f\\w+\\s+https://api.cloudflare.com\\n`,
      ),
    );
    expect(table.stdout).toMatch(
      /bn\s+Bunny Stream\s+push\s+original\s+yes\s+library 4242\s+https:\/\/video.bunnycdn.com/,
    );
    expect(table.stdout).toMatch(/om\s+Omega Stream\s+pull\s+—\s+yes\s+https:\/\/omegastream.net\/company/);

    for (const output of [...outputs, json, table]) expect(output.stdout + output.stderr).not.toContain(secret);
    expect(dataDirBytes(dataDir).includes(secret)).toBe(false);

    // Another service: the Gcore key must not go to the TUS server as its Authorization header.
    const moved = await runFerry(
      addTusTargetArgs('gc', 'https://tus.example.test/files', '--data-dir', dataDir),
      fileStore,
    );
    expect(moved.stdout).toContain(`changed target gc (${byName.gc!.id})`);
    expect(moved.stdout).toContain('its Gcore credential was removed: it is not for a TUS server');
    const after = JSON.parse(
      (await runFerry(['target', 'list', '--json', '--data-dir', dataDir], fileStore)).stdout,
    ) as DeliveryTarget[];
    expect(after.find((t) => t.name === 'gc')).toMatchObject({ provider: 'tus', hasCredential: false });
  });

  it('says what is missing or wrong, and where to find it', async () => {
    const dataDir = tempDir();
    const add = (...args: string[]) =>
      runFerry(['target', 'add', 't', ...args, '--credential-env', 'KEY', '--data-dir', dataDir], {
        ...fileStore,
        KEY: 'k',
      });

    const refusals: [string[], string][] = [
      [
        ['--provider', 'cloudflare'],
        'Cloudflare Stream needs --account <account ID>: find it in the Cloudflare dashboard',
      ],
      [['--provider', 'bunny'], 'Bunny Stream needs --library <library ID>: find it in the Bunny dashboard'],
      [['--provider', 'twelvelabs'], 'Twelve Labs needs --index <index ID>: find it in the Twelve Labs Playground'],
      [['--provider', 'tus'], '--endpoint URL is needed for a TUS server'],
      [
        ['--provider', 'youtube'],
        'Unknown provider "youtube". Providers: cloudflare (Cloudflare Stream), gcore (Gcore)',
      ],
      [
        ['--provider', 'omega', '--mode', 'push'],
        'Omega Stream cannot push; it takes only pull (it fetches the link): --mode pull.',
      ],
      [['--provider', 'vimeo', '--mode', 'pull'], 'Vimeo cannot pull; it takes only push'],
      [['--provider', 'gcore', '--account', 'a1'], '--account is not used by Gcore.'],
      [
        ['--provider', 'gcore', '--endpoint', 'ftp://api.example.test'],
        '--endpoint: must be an http:// or https:// URL',
      ],
      [
        ['--tus', 'https://tus.example.test/files/'],
        '--tus is gone: use --provider tus --endpoint https://tus.example.test/files/.',
      ],
    ];
    for (const [args, message] of refusals) {
      const refused = await add(...args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(message);
      expect(refused.stderr).toContain('See: ferry target --help');
    }

    const onCommandLine = await runFerry(
      ['target', 'add', 't', '--provider', 'gcore', '--credential', 'k', '--data-dir', dataDir],
      fileStore,
    );
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toContain(
      '--credential is gone: a credential on the command line lands in shell history',
    );
    expect(onCommandLine.stderr).toContain('--credential-env VAR');
    expect(onCommandLine.stderr).toContain('--credential-stdin');

    const without = await runFerry(['target', 'add', 't', '--provider', 'gcore', '--data-dir', dataDir], fileStore);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      'Gcore needs its API key: give --credential-env VAR or pipe it to --credential-stdin.',
    );

    const unset = await runFerry(
      ['target', 'add', 't', '--provider', 'gcore', '--credential-env', 'NOT_SET_ANYWHERE', '--data-dir', dataDir],
      fileStore,
    );
    expect(unset.stderr).toContain('--credential-env: the environment variable NOT_SET_ANYWHERE is not set.');

    const empty = await runFerry(
      ['target', 'add', 't', '--provider', 'gcore', '--credential-stdin', '--data-dir', dataDir],
      fileStore,
      '',
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--credential-stdin: stdin was empty');

    expect(JSON.parse((await runFerry(['target', 'list', '--json', '--data-dir', dataDir], fileStore)).stdout)).toEqual(
      [],
    );
  });
});

describe('ferry target test, change and remove', () => {
  it('tests a TUS server with the credential piped in, drops it when the endpoint moves, and fails clearly when nothing answers', async () => {
    const secret = 'Bearer 9d2f-piped-token';
    const tus = await tusServerForTest({ requireAuthorization: secret });
    const dataDir = tempDir();
    const target = (...args: string[]) => runFerry(['target', ...args, '--data-dir', dataDir], fileStore);

    // As `echo "$TOKEN" |` sends it: the trailing newline is not part of the credential.
    const added = await runFerry(
      addTusTargetArgs('archive', tus.endpoint, '--credential-stdin', '--data-dir', dataDir),
      fileStore,
      `${secret}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    // Tested once saved, as ferry target test does.
    expect(added.stdout).toContain(`tested: ${tus.endpoint} is a TUS server`);
    const passed = await target('test', 'archive');
    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stdout).toContain(`archive: ${tus.endpoint} is a TUS server`);
    expect(tus.requests.at(-1)).toMatchObject({ method: 'OPTIONS', authorization: secret });

    const wrong = await runFerry(
      addTusTargetArgs('other', tus.endpoint, '--credential-env', 'TOKEN', '--data-dir', dataDir),
      {
        ...fileStore,
        TOKEN: 'Bearer wrong',
      },
    );
    // Saved all the same, and the test that ran once it was says what is wrong.
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused the credential (401)');
    expect(wrong.stderr).toContain('saved all the same');
    const refused = await target('test', 'other');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused the credential (401)');
    expect(refused.stderr).toContain('--credential-env VAR');

    // A move to another origin without a credential drops the stored one, so it cannot follow the endpoint.
    const listed = JSON.parse((await target('list', '--json')).stdout) as DeliveryTarget[];
    const { id } = listed.find((t) => t.name === 'archive')!;
    const moved = `http://127.0.0.1:${await closedPort()}/files/`;
    const changed = await target('add', 'archive', '--endpoint', moved);
    expect(changed.stdout).toContain(`changed target archive (${id})`);
    const unreachable = await target('test', id);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`ferry: archive: Could not reach ${moved.replace(/\/$/, '')}`);
    expect(unreachable.stderr).toContain('Check the endpoint and the network.');
    const back = await target('add', 'archive', '--endpoint', tus.endpoint, '--no-test');
    expect(back.code, back.stderr).toBe(0);
    const bare = await target('test', 'archive');
    expect(bare.code).toBe(1);
    expect(tus.requests.at(-1)?.authorization).toBeUndefined();
    const again = await runFerry(
      ['target', 'add', 'archive', '--credential-stdin', '--data-dir', dataDir],
      fileStore,
      `${secret}\n`,
    );
    expect(again.code, again.stderr).toBe(0);
    expect((await target('test', 'archive')).code).toBe(0);

    const every = [added, passed, refused, changed, unreachable, await target('list'), await target('list', '--json')];
    for (const output of every) expect(output.stdout + output.stderr).not.toContain(secret);
    expect(dataDirBytes(dataDir).includes(secret)).toBe(false);

    const unknown = await target('test', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no delivery target "nope"');

    const removed = await target('remove', 'archive');
    expect(removed.stdout).toContain(`removed target archive (${id})`);
    expect((await target('list')).stdout).not.toMatch(/\barchive\b/);
    expect((await target('remove', 'archive')).code).toBe(1);
  });
});
