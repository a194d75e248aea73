/** `ferry ingest --deliver` to a real TUS server, and what `ferry list` and `ferry show` then say, through the real CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { sha256 } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { addTusTargetArgs, tusServerForTest } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry ingest --deliver', () => {
  it('delivers what ferry ingest --deliver makes, and list and show say how it went', async () => {
    const tus = await tusServerForTest();
    const dataDir = tempDir();
    const file = await make.standardDefinition43(tempDir());
    const added = await runFerry(addTusTargetArgs('archive', tus.endpoint, '--data-dir', dataDir));
    expect(added.code, added.stderr).toBe(0);

    const unknown = await runFerry(['ingest', file, '--deliver', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No delivery target "nope". Targets: archive (');

    const result = await runFerry([
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

    const list = await runFerry(['list', '--data-dir', dataDir]);
    expect(list.stdout).toMatch(/DELIVERY\s+NAME/);
    expect(list.stdout).toContain(`archive ready  ${path.basename(file)}`);
    const show = await runFerry(['show', video!.uid, '--data-dir', dataDir]);
    expect(show.stdout).toContain(`delivery  archive (push): ready · remote id ${tus.uploads()[0]}`);
  });
});
