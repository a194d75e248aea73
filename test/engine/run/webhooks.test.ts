import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import type { Video } from '../../../shared/video';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';
import { startReceiver } from '../../helpers/webhook-receiver';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('webhooks from a run', () => {
  it('announces each final state once, signed, even through a receiver that fails twice', async () => {
    const engine = createEngine({
      dataDir: tempDir(),
      webhooks: { baseMs: 20, maxMs: 100, maxAttempts: 5, timeoutMs: 2000 },
    });
    cleanups.push(() => engine.close());
    const { webhookSecret } = await engine.getSettings();
    expect(webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    const receiver = await startReceiver(
      () => webhookSecret,
      (n) => (n <= 2 ? 500 : 200),
    );
    cleanups.push(() => receiver.close());
    await engine.setSettings({ webhookUrl: receiver.url });

    const media = tempDir();
    const good = await make.standardDefinition43(media);
    const bad = make.textFile(media);
    const queued = (await engine.addFiles({ paths: [good, bad], options: { ladder: [240] } })).queued;
    await engine.run();

    expect(receiver.received.every((r) => r.invalid === undefined)).toBe(true);
    const accepted = receiver.received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body) as Video);
    expect(accepted.map((v) => `${v.uid}:${v.status.state}`).sort()).toEqual(
      [`${queued[0]!.uid}:ready`, `${queued[1]!.uid}:error`].sort(),
    );
    expect(accepted.find((v) => v.status.state === 'error')?.status.errorReasonCode).toBe('ERR_NON_VIDEO');
    expect(receiver.received).toHaveLength(4);
    const histories = await Promise.all(queued.map((v) => engine.history({ uid: v.uid })));
    const attempts = histories.flat().filter((e) => e.type === 'webhook');
    expect(attempts.map((e) => e.data.outcome).sort()).toEqual(['delivered', 'delivered', 'retrying', 'retrying']);
  });
});
