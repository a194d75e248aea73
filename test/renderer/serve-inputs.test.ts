// @vitest-environment happy-dom
/**
 * What the browser page reads from the user: the token in the link's fragment (taken once, then
 * gone from the address bar) and the links in pasted text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { linksInText, maxPastedLinks } from '../../renderer/src/features/add/links-in-text';
import { forgetToken, takeToken } from '../../renderer/src/serve/token-store';

afterEach(() => {
  forgetToken(window.sessionStorage);
  window.history.replaceState(null, '', '/');
});

describe('the token', () => {
  it('is taken from the fragment, removed from the address bar, and kept for reloads of this tab', () => {
    window.history.replaceState(null, '', '/?x=1#token=s3cr%2Bt');
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe('s3cr+t');
    expect(window.location.href).not.toContain('s3cr');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('');
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe('s3cr+t');
  });

  it('leaves the rest of the fragment in place', () => {
    window.history.replaceState(null, '', '/#video=abc&token=t-1');
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe('t-1');
    expect(window.location.hash).toBe('#video=abc');
  });

  it('is null with neither a fragment nor a kept token (the sign-in form asks)', () => {
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBeNull();
  });
});

describe('links in pasted text', () => {
  it('finds each http(s) and s3 link once, in order, whatever separates them', () => {
    const text =
      'see https://a.test/1.mp4, and\n"https://a.test/2.mp4"\ts3://bucket/k.mov https://a.test/1.mp4 ftp://x/y';
    expect(linksInText(text)).toEqual(['https://a.test/1.mp4', 'https://a.test/2.mp4', 's3://bucket/k.mov']);
    expect(linksInText('just words')).toEqual([]);
  });

  it('takes at most the bounded number of links from one paste', () => {
    const many = Array.from({ length: maxPastedLinks + 5 }, (_, i) => `https://a.test/${i}.mp4`).join('\n');
    expect(linksInText(many)).toHaveLength(maxPastedLinks);
  });
});
