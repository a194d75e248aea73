/**
 * For the tests of links through the dispatcher: a real engine on a temporary data directory with
 * the opt-in file vault (no keychain in a test process), a real origin, both closed after the
 * test, and a small real video made once per file.
 */
import fs from 'node:fs';
import { afterEach, beforeAll } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The video's bytes, read once the file's beforeAll has made it. */
export function videoForFile(): () => Buffer {
  let video: Buffer | undefined;
  beforeAll(async () => {
    video = fs.readFileSync(await make.standardDefinition43(tempDir()));
  });
  return () => {
    if (!video) throw new Error('the video is made in beforeAll');
    return video;
  };
}

/** An engine that tries a fetch once, quickly, closed after the test. */
export function openLinkEngine(dataDir = tempDir()): Engine {
  const engine = createEngine({
    dataDir,
    fetch: { baseMs: 20, maxAttempts: 1, idleTimeoutMs: 5000 },
    credentials: new FileVault(dataDir),
  });
  cleanups.push(() => engine.close());
  return engine;
}

export async function originForTest(routes: Parameters<typeof startOrigin>[0]) {
  const origin = await startOrigin(routes);
  cleanups.push(() => origin.close());
  return origin;
}
