import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, opensInBrowser, windowOptions } from '../../electron/main/window-options';
import { repoRoot } from '../helpers/spawn-ts';

/** Each directive of a policy and its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The CSP's sources for one directive. */
const sources = (directive: string): string[] => directives(contentSecurityPolicy).get(directive) ?? [];

/** The policy of renderer/index.html's <meta>: what `ferry serve`'s page has, and the window has too. */
function metaPolicy(): string {
  const html = fs.readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
  const found = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!found) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return found[1]!;
}

describe("the window's Content-Security-Policy", () => {
  it('lets players, pictures and hls.js reach the library through ferry-media:, and hls.js use blob: media', () => {
    expect(sources('media-src')).toEqual(expect.arrayContaining(['ferry-media:', 'blob:']));
    expect(sources('img-src')).toContain('ferry-media:');
    expect(sources('connect-src')).toContain('ferry-media:');
  });

  it('lets hls.js run its blob: worker, and no other worker', () => {
    expect(sources('worker-src')).toEqual(['blob:']);
  });

  it('allows no script from anywhere but the app, and nothing by default', () => {
    expect(sources('script-src')).toEqual(["'self'"]);
    expect(sources('default-src')).toEqual(["'none'"]);
    expect(sources('object-src')).toEqual(["'none'"]);
  });

  it("is the page's own <meta> policy too, so the window and ferry serve's page allow the same", () => {
    const window = directives(contentSecurityPolicy);
    // A <meta> policy cannot say who may frame the page: only the window's header does.
    window.delete('frame-ancestors');
    expect(directives(metaPolicy())).toEqual(window);
  });
});

describe("the window's options", () => {
  it('isolate and sandbox the page', () => {
    const { webPreferences } = windowOptions('/preload.cjs');
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});

describe('links the page opens', () => {
  it("go to the user's browser when they are web links, a playback URL on plain http included", () => {
    expect(opensInBrowser('https://customer-x.cloudflarestream.com/abc/manifest/video.m3u8')).toBe(true);
    expect(opensInBrowser('http://192.168.1.20:8787/media/abc/manifest/video.m3u8')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ferry-media://x', 'not a url'])
      expect(opensInBrowser(url), url).toBe(false);
  });
});
