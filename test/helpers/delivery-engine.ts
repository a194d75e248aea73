/**
 * What the engine-level delivery tests share: a fast delivery tuning, a media directory for the
 * test file, a list of things to close after each test, and an engine on a fresh data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { FileVault } from '../../electron/engine/delivery/file-vault';
import type { DeliveryTuning } from '../../electron/engine/delivery-steps/delivery-tuning';
import { tempDir } from './temp-dir';

/** Retries and polls in milliseconds rather than minutes; 64 KiB chunks, so a small file takes several. */
export const deliveryTuning = {
  retryBaseMs: 20,
  retryMaxMs: 100,
  maxAttempts: 3,
  chunkSize: 64 * 1024,
  pollBaseMs: 10,
  pollMaxMs: 50,
} satisfies Partial<DeliveryTuning>;

/** What the current test opened (services, origins, engines), closed after it, last opened first. */
export const closers: (() => Promise<void> | void)[] = [];

/** Registers the afterEach that closes `closers`; call once at the top of a test file. */
export function closeAfterEach(): void {
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
}

/** A directory for the file's generated media, made now and removed after the file's last test. */
export function fileMediaDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An engine on a fresh data directory, closed after the test. */
export function engineWithVault(tuning: Partial<DeliveryTuning>): Engine {
  const dataDir = tempDir();
  // No keychain in this process: the file store keeps the credential.
  const engine = createEngine({ dataDir, delivery: tuning, credentials: new FileVault(dataDir) });
  closers.push(() => engine.close());
  return engine;
}
