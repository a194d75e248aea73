import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerMediaRequest } from '../../electron/main/media-request';
import { mediaUrl } from '../../electron/main/media-url';
import { tempDir } from '../helpers/temp-dir';

const uid = 'fedcba9876543210fedcba9876543210';
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let library: string;

beforeEach(() => {
  const dataDir = tempDir('ferry-media-request-');
  library = path.join(dataDir, 'library');
  fs.mkdirSync(path.join(library, uid, 'downloads'), { recursive: true });
  fs.mkdirSync(path.join(library, uid, 'manifest'), { recursive: true });
  fs.writeFileSync(path.join(library, uid, 'downloads', 'default.mp4'), bytes);
  // A symlink inside the library that leads out of it, to the database beside it.
  fs.writeFileSync(path.join(dataDir, 'secret.m3u8'), 'outside the library');
  fs.symlinkSync(path.join(dataDir, 'secret.m3u8'), path.join(library, uid, 'manifest', 'video.m3u8'));
  fs.symlinkSync(path.join(library, uid, 'manifest', 'loop.m3u8'), path.join(library, uid, 'manifest', 'loop.m3u8'));
});

const ask = (url: string, init?: RequestInit) => answerMediaRequest(new Request(url, init), library);

describe('a ferry-media request', () => {
  it('gets the whole file with its type', async () => {
    const response = await ask(mediaUrl(uid, 'downloads/default.mp4'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('video/mp4');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('gets exactly the bytes of its range', async () => {
    const response = await ask(mediaUrl(uid, 'downloads/default.mp4'), { headers: { Range: 'bytes=10-19' } });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(10, 20));
  });

  it('gets 416 past the end, and no body for HEAD', async () => {
    expect((await ask(mediaUrl(uid, 'downloads/default.mp4'), { headers: { Range: 'bytes=5000-' } })).status).toBe(416);
    const head = await ask(mediaUrl(uid, 'downloads/default.mp4'), { method: 'HEAD' });
    expect(head.headers.get('Content-Length')).toBe('1000');
    expect(await head.text()).toBe('');
  });

  it('gets 404 for a symlink leading out of the library, a missing file, or a name that is not served', async () => {
    expect((await ask(mediaUrl(uid, 'manifest/video.m3u8'))).status).toBe(404);
    expect((await ask(mediaUrl(uid, 'manifest/missing.m3u8'))).status).toBe(404);
    expect((await ask(`ferry-media://library/${uid}/../../secret.m3u8`)).status).toBe(404);
  });

  it('gets 404 for a symlink that loops, or a video folder that is a file', async () => {
    expect((await ask(mediaUrl(uid, 'manifest/loop.m3u8'))).status).toBe(404);
    const other = '0123456789abcdef0123456789abcdef';
    fs.writeFileSync(path.join(library, other), 'a file where a folder should be');
    expect((await ask(mediaUrl(other, 'manifest/video.m3u8'))).status).toBe(404);
  });
});
