/** What the download tests share: a loopback origin closed after each test, short retry waits, checks. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { DownloadOptions } from '../../../electron/engine/sources/download-url';
import { sha256, startOrigin, type Route } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

export const MiB = 1024 * 1024;
const origins: Awaited<ReturnType<typeof startOrigin>>[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.close();
});

/** An origin on loopback, closed after the test. */
export async function origin(routes: Record<string, Route>) {
  const started = await startOrigin(routes);
  origins.push(started);
  return started;
}

export function options(url: string, extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    url,
    headers: {},
    dest: path.join(tempDir(), 'video.mp4'),
    maxConnections: 4,
    idleTimeoutMs: 2000,
    dropRetry: { baseMs: 20, maxMs: 200, maxAttempts: 3 },
    ...extra,
  };
}

export const file = (bytes: number) => randomBytes(bytes);
export const expectSame = (dest: string, body: Buffer) => expect(sha256(fs.readFileSync(dest))).toBe(sha256(body));
