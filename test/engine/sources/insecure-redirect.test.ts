/**
 * A link with credentials on https that redirects to plain http on the same host and port, run
 * through the real `ferry ingest`: by default the redirect is refused before any byte goes out in
 * clear text; when the user allows it, the http hop gets the file but never the user's headers
 * (another origin, as curl and browsers judge it: scheme, host and port).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { ferry } from '../../cli/ferry-process';
import { selfSignedCertificate, startDualOrigin } from '../../helpers/dual-origin';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';

const secret = 'Bearer tok-9f2c71';
const cookie = 'session=c00kie-4a1e';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Made once for the file, in a folder of its own (tempDir's are removed after each test). */
let video: Buffer;
let certificate: { key: string; cert: string };
let shared: string;
beforeAll(async () => {
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-redirect-'));
  video = fs.readFileSync(await make.standardDefinition43(shared));
  certificate = selfSignedCertificate(shared);
});
afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));

/** https `/secure/v.mp4` redirects to http `/plain/v.mp4` on the same port, which serves the video. */
async function downgradingOrigin() {
  const origin = await startDualOrigin(certificate, (request, response) => {
    if (request.secure && request.path === '/secure/v.mp4')
      return void response.writeHead(302, { Location: origin.url('http', '/plain/v.mp4') }).end();
    if (!request.secure && request.path === '/plain/v.mp4') {
      response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': video.length });
      return void response.end(video);
    }
    response.writeHead(404).end();
  });
  closers.push(origin.close);
  return origin;
}

async function ingest(link: string, ...more: string[]) {
  const dataDir = tempDir();
  const args = ['ingest', link, '--header', `Authorization: ${secret}`, '--header', `Cookie: ${cookie}`];
  const result = await ferry([...args, '--no-transcode', '--json', '--data-dir', dataDir, ...more], {
    NODE_EXTRA_CA_CERTS: certificate.cert,
    FERRY_CREDENTIALS: 'file',
  });
  return { ...result, dataDir };
}

describe('a redirect from https to http', () => {
  it('is refused by default, naming the link and the way to allow it, and nothing goes out in clear text', async () => {
    const origin = await downgradingOrigin();
    const link = origin.url('https', '/secure/v.mp4');
    const result = await ingest(link);
    expect(result.code, result.stderr).toBe(1);
    const [failed] = JSON.parse(result.stdout) as Video[];
    expect(failed!.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR' });
    expect(failed!.status.errorReasonText).toContain(link);
    expect(failed!.status.errorReasonText).toContain('--allow-insecure-redirect');
    expect(origin.seen.filter((request) => !request.secure)).toEqual([]);
    expect(origin.seen.length).toBeGreaterThan(0);
    expect(origin.seen.every((request) => request.headers.authorization === secret)).toBe(true);
  });

  it('is followed when allowed, without the headers the user gave for the https origin', async () => {
    const origin = await downgradingOrigin();
    const result = await ingest(origin.url('https', '/secure/v.mp4'), '--allow-insecure-redirect');
    expect(result.code, result.stderr).toBe(0);
    const [ready] = JSON.parse(result.stdout) as Video[];
    expect(ready!.status.state).toBe('ready');
    const plain = origin.seen.filter((request) => !request.secure);
    expect(plain.length).toBeGreaterThan(0);
    for (const request of plain) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
    }
    const secure = origin.seen.filter((request) => request.secure);
    expect(secure.every((request) => request.headers.authorization === secret)).toBe(true);
    expect(secure.every((request) => request.headers.cookie === cookie)).toBe(true);
  });
});
