import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaAnswer } from '../../electron/main/media-response';
import { libraryFile, mediaUrl } from '../../electron/main/media-url';
import { isInside } from '../../electron/server/real-path-inside';

const library = path.resolve('/data/Ferry/library');
const uid = '0123456789abcdef0123456789abcdef';

describe('ferry-media:// URLs', () => {
  it("name a video's published outputs inside the library, with their type", () => {
    const manifest = libraryFile(mediaUrl(uid, 'manifest/video.m3u8'), library);
    expect(manifest?.absolutePath).toBe(path.join(library, uid, 'manifest', 'video.m3u8'));
    expect(manifest?.contentType).toBe('application/vnd.apple.mpegurl');
    expect(libraryFile(mediaUrl(uid, 'thumbnails/thumbnail.jpg'), library)?.contentType).toBe('image/jpeg');
    expect(libraryFile(mediaUrl(uid, 'downloads/default.mp4'), library)?.contentType).toBe('video/mp4');
  });

  it.each([
    ['traversal', `ferry-media://library/../../etc/passwd`],
    ['traversal inside the path', `ferry-media://library/${uid}/../../../etc/manifest/x.m3u8`],
    ['encoded traversal', `ferry-media://library/${uid}/manifest/%2e%2e%2f%2e%2e%2fsecret.m3u8`],
    ['an encoded slash', `ferry-media://library/${uid}/manifest%2fvideo.m3u8`],
    ['an encoded backslash', `ferry-media://library/${uid}/manifest/..%5c..%5cvideo.m3u8`],
    ['another host', `ferry-media://elsewhere/${uid}/manifest/video.m3u8`],
    ['another scheme', `file:///data/Ferry/library/${uid}/manifest/video.m3u8`],
    ['an absolute path as the uid', `ferry-media://library//etc/manifest/video.m3u8`],
    ['a uid that is not one', `ferry-media://library/ferry.db/manifest/video.m3u8`],
    ['the original', `ferry-media://library/${uid}/original/source.mov`],
    ['a hidden file', `ferry-media://library/${uid}/manifest/.video.m3u8`],
    ['a folder', `ferry-media://library/${uid}/manifest`],
    ['a query', `ferry-media://library/${uid}/manifest/video.m3u8?x=1`],
    ['nonsense', 'not a url'],
  ])('refuse %s', (_case, url) => {
    expect(libraryFile(url, library)).toBeUndefined();
  });

  it('are confined by path, not by prefix: a sibling folder named alike is outside', () => {
    expect(isInside(library, path.join(library, uid, 'manifest', 'a.m3u8'))).toBe(true);
    expect(isInside(library, `${library}-old/${uid}`)).toBe(false);
    expect(isInside(library, library)).toBe(false);
    expect(isInside(library, path.resolve('/etc/passwd'))).toBe(false);
  });
});

describe('a media answer', () => {
  const file = { contentType: 'video/mp4', cacheControl: 'public, max-age=10' };

  it('sends the whole file without a range, saying ranges are accepted', () => {
    const answer = mediaAnswer(null, 1000, file);
    expect(answer.status).toBe(200);
    expect(answer.range).toEqual({ start: 0, end: 999 });
    expect(answer.headers).toMatchObject({ 'Accept-Ranges': 'bytes', 'Content-Length': '1000' });
  });

  it('sends the range asked for with 206, a suffix and an open end included', () => {
    expect(mediaAnswer('bytes=100-199', 1000, file)).toMatchObject({
      status: 206,
      range: { start: 100, end: 199 },
      headers: { 'Content-Range': 'bytes 100-199/1000', 'Content-Length': '100' },
    });
    expect(mediaAnswer('bytes=-10', 1000, file).range).toEqual({ start: 990, end: 999 });
    expect(mediaAnswer('bytes=900-', 1000, file).headers['Content-Range']).toBe('bytes 900-999/1000');
  });

  it('lets hls.js read it from the app page, another origin, with ranges', () => {
    expect(mediaAnswer('bytes=0-9', 1000, file).headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Range',
    });
  });

  it('answers 416 with the size when the range starts past the end', () => {
    const answer = mediaAnswer('bytes=1000-', 1000, file);
    expect(answer.status).toBe(416);
    expect(answer.range).toBeUndefined();
    expect(answer.headers['Content-Range']).toBe('bytes */1000');
  });
});
