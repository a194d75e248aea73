/** `ferry settings delivery.*`, through the real CLI: where every finished video goes, and how fast uploads may send. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/api';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { addTusTargetArgs, tusServerForTest } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry settings delivery.*', () => {
  it('caps uploads with a speed as people write it, or none', async () => {
    const dataDir = tempDir();
    const settings = (...args: string[]) => runFerry(['settings', ...args, '--data-dir', dataDir]);

    const all = await settings();
    expect(all.stdout).toMatch(/delivery\.deliverTo\s+none\n/);
    expect(all.stdout).toMatch(/delivery\.maxUploadBytesPerSecond\s+none\n/);

    expect((await settings('delivery.maxUploadBytesPerSecond', '5MB/s')).stdout).toBe(
      'delivery.maxUploadBytesPerSecond = 5000000 (4.8 MiB/s)\n',
    );
    expect((await settings('delivery.maxUploadBytesPerSecond', '800 KiB/s')).stdout).toBe(
      'delivery.maxUploadBytesPerSecond = 819200 (800 KiB/s)\n',
    );
    expect(JSON.parse((await settings('--json')).stdout)).toMatchObject({
      delivery: { deliverTo: [], maxUploadBytesPerSecond: 819_200 },
    });

    const slow = await settings('delivery.maxUploadBytesPerSecond', '1000');
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain('delivery.maxUploadBytesPerSecond: must be at least 64 KiB a second');
    const words = await settings('delivery.maxUploadBytesPerSecond', 'fast');
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('takes a speed such as 5MB/s, 800KiB/s or a number of bytes a second');

    expect((await settings('delivery.maxUploadBytesPerSecond', 'none')).stdout).toBe(
      'delivery.maxUploadBytesPerSecond = none\n',
    );
  });

  it('sends every video added without --deliver to the default targets, and forgets a removed one', async () => {
    const tus = await tusServerForTest();
    const dataDir = tempDir();
    const settings = (...args: string[]) => runFerry(['settings', ...args, '--data-dir', dataDir]);
    for (const name of ['archive', 'backup']) {
      const added = await runFerry(addTusTargetArgs(name, tus.endpoint, '--data-dir', dataDir));
      expect(added.code, added.stderr).toBe(0);
    }
    const targets = JSON.parse(
      (await runFerry(['target', 'list', '--json', '--data-dir', dataDir])).stdout,
    ) as DeliveryTarget[];
    const id = (name: string) => targets.find((t) => t.name === name)!.id;

    const set = await settings('delivery.deliverTo', `${id('archive')}, ${id('backup')}`);
    expect(set.code, set.stderr).toBe(0);
    // Ids, with the names beside them where ferry settings passes the targets along.
    expect(set.stdout).toMatch(/^delivery\.deliverTo = /);
    expect(set.stdout).toContain(id('archive'));
    expect(set.stdout).toContain(id('backup'));

    const unknown = await settings('delivery.deliverTo', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No delivery target');
    expect(unknown.stderr).toContain('"nope"');

    const file = await make.standardDefinition43(tempDir());
    const result = await runFerry(['ingest', file, '--no-transcode', '--json', '--data-dir', dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const [video] = JSON.parse(result.stdout) as Video[];
    expect(video!.deliveries.map((d) => [d.target, d.state])).toEqual([
      [id('archive'), 'ready'],
      [id('backup'), 'ready'],
    ]);

    expect((await runFerry(['target', 'remove', 'backup', '--data-dir', dataDir])).code).toBe(0);
    const left = (await settings('delivery.deliverTo')).stdout;
    expect(left).toContain(id('archive'));
    expect(left).not.toContain(id('backup'));

    expect((await settings('delivery.deliverTo', 'none')).stdout).toBe('delivery.deliverTo = none\n');
    expect((JSON.parse((await settings('--json')).stdout) as Settings).delivery.deliverTo).toEqual([]);
  });
});
