import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, windowOptions } from '../../electron/main/window-options';

/** The CSP's sources for one directive. */
function sources(directive: string): string[] {
  const found = contentSecurityPolicy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return found?.slice(1) ?? [];
}

describe("the window's Content-Security-Policy", () => {
  it('lets players, pictures and hls.js reach the library through ferry-media:, and hls.js use blob: media', () => {
    expect(sources('media-src')).toEqual(expect.arrayContaining(['ferry-media:', 'blob:']));
    expect(sources('img-src')).toContain('ferry-media:');
    expect(sources('connect-src')).toContain('ferry-media:');
  });

  it('allows no script from anywhere but the app, and nothing by default', () => {
    expect(sources('script-src')).toEqual(["'self'"]);
    expect(sources('default-src')).toEqual(["'none'"]);
    expect(sources('object-src')).toEqual(["'none'"]);
  });
});

describe("the window's options", () => {
  it('isolate and sandbox the page', () => {
    const { webPreferences } = windowOptions('/preload.cjs');
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});
