import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchRequest, linksFromUrl, openedUrlRequest } from '../../electron/main/launch-args';

const cwd = path.resolve('/home/ana/Videos');

describe("a launch's files and links", () => {
  it("takes a packaged second instance's files, resolved from its working directory, and its links", () => {
    const argv = ['/opt/Ferry/ferry', 'holiday.mov', '/tmp/talk.mp4', 'https://example.com/a.mp4'];
    expect(launchRequest(argv, cwd, true)).toEqual({
      files: [path.join(cwd, 'holiday.mov'), path.resolve('/tmp/talk.mp4')],
      links: [{ url: 'https://example.com/a.mp4' }],
      offered: [],
    });
  });

  it("ignores Electron's and Chromium's switches, and unpackaged, the app's own path", () => {
    const argv = [
      '/repo/node_modules/electron/dist/electron',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372',
      '.',
      '--enable-features=Foo',
      'clip.mkv',
    ];
    expect(launchRequest(argv, cwd, false)).toEqual({ files: [path.join(cwd, 'clip.mkv')], links: [], offered: [] });
    expect(launchRequest(['/opt/Ferry/ferry', '--no-sandbox'], cwd, true)).toEqual({
      files: [],
      links: [],
      offered: [],
    });
  });

  it('offers, never queues, the urls and name of ferry://add links, and takes no other scheme', () => {
    const argv = [
      'Ferry.exe',
      'ferry://add?url=https%3A%2F%2Fcdn.example.com%2Fv.mp4&name=Launch%20talk',
      'FERRY://add?url=https://a.example/1.mp4&url=https://a.example/2.mp4',
      'ferry://delete?all=1',
      'javascript:alert(1)',
    ];
    expect(launchRequest(argv, cwd, true)).toEqual({
      files: [],
      links: [],
      offered: [
        { url: 'https://cdn.example.com/v.mp4', name: 'Launch talk' },
        { url: 'https://a.example/1.mp4' },
        { url: 'https://a.example/2.mp4' },
      ],
    });
  });

  it('offers what a URL opened by the OS brings, a plain web link too', () => {
    expect(openedUrlRequest('https://cdn.example.com/v.mp4')).toEqual({
      files: [],
      links: [],
      offered: [{ url: 'https://cdn.example.com/v.mp4' }],
    });
  });

  it('reads a Windows drive path as a file, not a URL', () => {
    expect(launchRequest(['Ferry.exe', 'C:\\Users\\ana\\clip.mp4'], 'C:\\Users\\ana', true).links).toEqual([]);
  });

  it('takes from a ferry:// link only web links, each one line', () => {
    expect(linksFromUrl('ferry://add?url=file:///etc/passwd')).toEqual([]);
    // A line break inside a url must not become a second link, nor a CSV or JSON list.
    expect(linksFromUrl('ferry://add?url=https%3A%2F%2Fa.example%2F1.mp4%0Ahttp%3A%2F%2F10.0.0.1%2F')).toEqual([
      { url: 'https://a.example/1.mp4http://10.0.0.1/' },
    ]);
    expect(linksFromUrl('not a url')).toEqual([]);
  });
});
