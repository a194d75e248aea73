import { describe, expect, it } from 'vitest';
import { importProblems, listDialogOptions } from '../../electron/main/list-import';
import { screenUrl } from '../../electron/main/screen-url';

const packaged = 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html';
const dev = 'http://localhost:5173/';

describe('Settings… from the menu', () => {
  it("changes only the hash of the page the window shows, so the renderer's router follows without a reload", () => {
    expect(screenUrl(`${packaged}#/video/${'a'.repeat(32)}`, packaged, 'settings')).toBe(`${packaged}#/settings`);
    expect(screenUrl(packaged, packaged, 'settings')).toBe(`${packaged}#/settings`);
    expect(screenUrl('http://localhost:5173/index.html#/', dev, 'settings')).toBe(
      'http://localhost:5173/index.html#/settings',
    );
  });

  it('loads the app at that screen when the window shows nothing yet, or not the app', () => {
    expect(screenUrl('', packaged, 'settings')).toBe(`${packaged}#/settings`);
    expect(screenUrl('https://evil.example/#/x', dev, 'settings')).toBe(`${dev}#/settings`);
  });
});

describe('Import List… from the menu', () => {
  it('picks one list of links, any file still allowed', () => {
    expect(listDialogOptions.properties).toEqual(['openFile']);
    expect(listDialogOptions.filters?.[0]?.extensions).toEqual(['txt', 'csv', 'json', 'ndjson']);
    expect(listDialogOptions.filters?.[1]?.extensions).toEqual(['*']);
  });

  it('tells the lines that were not queued, duplicates aside, at most twenty of them', () => {
    const report = (invalid: number) => ({
      ok: true as const,
      value: {
        queued: 1,
        uids: ['a'.repeat(32)],
        duplicates: [{ line: 1, url: 'https://a.test/x.mp4', uid: 'b'.repeat(32) }],
        invalid: Array.from({ length: invalid }, (_, i) => ({ line: i + 2, text: 'nope', reason: 'not a link' })),
      },
    });
    expect(importProblems(report(0))).toEqual([]);
    expect(importProblems(report(1))).toEqual(['Line 2: nope: not a link']);
    const many = importProblems(report(25));
    expect(many).toHaveLength(21);
    expect(many.at(-1)).toBe('…and 5 more lines.');
  });

  it('tells why the list could not be read at all', () => {
    expect(
      importProblems({ ok: false, error: { code: 'INVALID_INPUT', message: 'Cannot read the list /x.txt: gone' } }),
    ).toEqual(['Cannot read the list /x.txt: gone']);
  });
});
