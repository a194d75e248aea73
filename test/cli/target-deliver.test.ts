/** `ferry ingest --deliver` to a real TUS server, and what `ferry list` and `ferry show` then say, through the real CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { sha256 } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { startTusServer, type TusTestServer } from '../helpers/tus-server';
import { ferry } from './ferry-process';

let tus: TusTestServer | undefined;
afterEach(async () => {
  await tus?.close();
  tus = undefined;
});

describe('ferry ingest --deliver', () => {
  it('delivers what ferry ingest --deliver makes, and list and show say how it went', async () => {
    tus = await startTusServer();
    const dataDir = tempDir();
    const file = await make.standardDefinition43(tempDir());
    const added = await ferry([
      'target',
      'add',
      'archive',
      '--provider',
      'tus',
      '--endpoint',
      tus.endpoint,
      '--data-dir',
      dataDir,
    ]);
    expect(added.code, added.stderr).toBe(0);

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
    expect(show.stdout).toContain(`delivery  archive (push): ready · remote id ${tus.uploads()[0]}`);
  });
});
