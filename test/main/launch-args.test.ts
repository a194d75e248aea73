import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchRequest, linksFromUrl } from '../../electron/main/launch-args';

const cwd = path.resolve('/home/ana/Videos');

describe("a launch's files and links", () => {
  it("takes a packaged second instance's files, resolved from its working directory, and its links", () => {
    const argv = ['/opt/Ferry/ferry', 'holiday.mov', '/tmp/talk.mp4', 'https://example.com/a.mp4'];
    expect(launchRequest(argv, cwd, true)).toEqual({
      files: [path.join(cwd, 'holiday.mov'), path.resolve('/tmp/talk.mp4')],
      links: [{ url: 'https://example.com/a.mp4' }],
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
    expect(launchRequest(argv, cwd, false)).toEqual({ files: [path.join(cwd, 'clip.mkv')], links: [] });
    expect(launchRequest(['/opt/Ferry/ferry', '--no-sandbox'], cwd, true)).toEqual({ files: [], links: [] });
  });

  it('takes ferry://add links with their urls and name, and no other scheme', () => {
    const argv = [
      'Ferry.exe',
      'ferry://add?url=https%3A%2F%2Fcdn.example.com%2Fv.mp4&name=Launch%20talk',
      'ferry://add?url=https://a.example/1.mp4&url=https://a.example/2.mp4',
      'ferry://delete?all=1',
      'javascript:alert(1)',
    ];
    expect(launchRequest(argv, cwd, true).links).toEqual([
      { url: 'https://cdn.example.com/v.mp4', name: 'Launch talk' },
      { url: 'https://a.example/1.mp4' },
      { url: 'https://a.example/2.mp4' },
    ]);
  });

  it('reads a Windows drive path as a file, not a URL', () => {
    expect(launchRequest(['Ferry.exe', 'C:\\Users\\ana\\clip.mp4'], 'C:\\Users\\ana', true).links).toEqual([]);
  });

  it('takes from a ferry:// link only web links', () => {
    expect(linksFromUrl('ferry://add?url=file:///etc/passwd')).toEqual([]);
    expect(linksFromUrl('not a url')).toEqual([]);
  });
});
