/** `ferry target` and `ferry ingest --deliver` against a real TUS server, through the real CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { sha256 } from '../helpers/origin-server';
import { finished, spawnTs } from '../helpers/spawn-ts';
import { tempDir } from '../helpers/temp-dir';
import { startTusServer, type TusTestServer } from '../helpers/tus-server';
import { bin, ferry } from './ferry-process';

// No keychain in this process's environment: the opt-in file store stands in for it here
// (test/engine/delivery/keychain-credentials.test.ts covers the keychain itself).
const fileStore = { FERRY_CREDENTIALS: 'file' };

let tus: TusTestServer | undefined;
afterEach(async () => {
  await tus?.close();
  tus = undefined;
});

describe('ferry target', () => {
  it('adds, lists, changes and removes targets, never printing the credential', async () => {
    const dataDir = tempDir();
    const added = await finished(
      spawnTs(
        bin,
        [
          'target',
          'add',
          'archive',
          '--tus',
          'https://tus.example.test/files/',
          '--credential-env',
          'TUS_TOKEN',
          '--data-dir',
          dataDir,
        ],
        { ...fileStore, TUS_TOKEN: 'Bearer s3cret' },
      ),
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added target archive \([0-9a-f]{16}\)/);

    const listed = await ferry(['target', 'list', '--json', '--data-dir', dataDir], fileStore);
    const [target] = JSON.parse(listed.stdout) as DeliveryTarget[];
    expect(target).toMatchObject({ name: 'archive', provider: 'tus', hasCredential: true });
    expect(listed.stdout).not.toContain('s3cret');

    const changed = await ferry(
      ['target', 'add', 'archive', '--tus', 'https://tus2.example.test/files/', '--data-dir', dataDir],
      fileStore,
    );
    expect(changed.stdout).toContain(`changed target archive (${target!.id})`);
    const table = await ferry(['target', 'list', '--data-dir', dataDir], fileStore);
    expect(table.stdout).toMatch(
      new RegExp(`${target!.id}\\s+archive\\s+tus\\s+yes\\s+https://tus2.example.test/files/`),
    );

    const bad = await ferry(
      ['target', 'add', 'other', '--tus', 'ftp://tus.example.test/', '--data-dir', dataDir],
      fileStore,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tus: must be an http:// or https:// URL');
    expect(bad.stderr).toContain('See: ferry target --help');

    const removed = await ferry(['target', 'remove', 'archive', '--data-dir', dataDir], fileStore);
    expect(removed.stdout).toContain(`removed target archive (${target!.id})`);
    const empty = await ferry(['target', 'list', '--data-dir', dataDir], fileStore);
    expect(empty.stdout).toContain('No delivery targets yet');
  });

  it('delivers what ferry ingest --deliver makes, and list and show say how it went', async () => {
    tus = await startTusServer();
    const dataDir = tempDir();
    const file = await make.standardDefinition43(tempDir());
    expect((await ferry(['target', 'add', 'archive', '--tus', tus.endpoint, '--data-dir', dataDir])).code).toBe(0);

    const unknown = await ferry(['ingest', file, '--deliver', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No delivery target "nope". Targets: archive (');

    const result = await ferry([
      'ingest',
      file,
      '--no-transcode',
      '--deliver',
      'archive',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [video] = JSON.parse(result.stdout) as Video[];
    expect(video!.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video!.deliveries).toEqual([expect.objectContaining({ state: 'ready', remoteId: tus.uploads()[0] })]);
    expect(sha256(tus.file(tus.uploads()[0]!))).toBe(sha256(fs.readFileSync(file)));

    const list = await ferry(['list', '--data-dir', dataDir]);
    expect(list.stdout).toMatch(/DELIVERY\s+NAME/);
    expect(list.stdout).toContain(`archive ready  ${path.basename(file)}`);
    const show = await ferry(['show', video!.uid, '--data-dir', dataDir]);
    expect(show.stdout).toContain(`delivery  archive (tus): ready · remote id ${tus.uploads()[0]}`);
  });
});
