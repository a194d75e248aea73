import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/main/trusted-sender';
import { contentSecurityPolicy, windowOptions } from '../../electron/main/window-options';

const packaged = 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html';
const dev = 'http://localhost:5173/';

describe('trusted senders', () => {
  it.each([
    [packaged, packaged, true, true],
    [`${packaged}#/settings`, packaged, true, true],
    [packaged, packaged, false, false], // a subframe
    ['file:///tmp/evil.html', packaged, true, false],
    ['https://evil.example/', packaged, true, false],
    ['http://localhost:5173/index.html', dev, true, true],
    ['http://localhost:5174/', dev, true, false],
    ['not a url', dev, true, false],
  ])('%s in a window that loaded %s (main frame %s) is trusted: %s', (url, appUrl, isMainFrame, expected) => {
    expect(isTrustedSender({ url, isMainFrame }, appUrl)).toBe(expected);
  });
});

describe('the window', () => {
  it('is isolated and sandboxed, without Node in the page', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP that allows only its own scripts', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });
});
