/**
 * `ferry deliver` through the real CLI: a video ingested with no target goes to a TUS target added
 * afterwards once `ferry run` works the queue, byte for byte; asked again, it is uploaded anew; a
 * target that does not exist is a usage error naming the targets there are.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { sha256 } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { addTusTargetArgs, tusServerForTest } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry deliver', () => {
  it('sends a ready video to a target added after it, and again from the start', async () => {
    const dataDir = tempDir();
    const file = await make.standardDefinition43(tempDir());
    const ingested = await runFerry(['ingest', file, '--no-transcode', '--json', '--data-dir', dataDir]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const [video] = JSON.parse(ingested.stdout) as Video[];
    expect(video!.status.state).toBe('ready');

    const tus = await tusServerForTest();
    expect((await runFerry(addTusTargetArgs('archive', tus.endpoint, '--data-dir', dataDir))).code).toBe(0);
    const unknown = await runFerry(['deliver', video!.uid, '--to', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No delivery target "nope". Targets: archive (');

    for (const round of [1, 2]) {
      const queued = await runFerry(['deliver', video!.uid, '--to', 'archive', '--data-dir', dataDir]);
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stdout).toBe('ferry: queued 1 delivery of 1 video. ferry run sends them.\n');
      const run = await runFerry(['run', '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      expect(tus.uploads()).toHaveLength(round);
    }
    for (const upload of tus.uploads()) expect(sha256(tus.file(upload))).toBe(sha256(fs.readFileSync(file)));
    const show = await runFerry(['show', video!.uid, '--data-dir', dataDir]);
    expect(show.stdout).toContain('delivery  archive (push): ready');
  });
});
