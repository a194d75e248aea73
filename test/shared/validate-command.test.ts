import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../shared/validate-command';

const uid = '0123456789abcdef0123456789abcdef';

describe('command validation', () => {
  it('accepts well-formed input and keeps its values', () => {
    expect(validateCommand('list', { state: 'ready', limit: 10 })).toEqual({
      ok: true,
      value: { state: 'ready', limit: 10 },
    });
    expect(validateCommand('get', { uid }).ok).toBe(true);
    expect(validateCommand('pause', { all: true }).ok).toBe(true);
    expect(validateCommand('totals', undefined).ok).toBe(true);
    expect(validateCommand('setSettings', { webhookUrl: 'https://example.test/hook' }).ok).toBe(true);
  });

  it('names the command and the field that is wrong', () => {
    const result = validateCommand('list', { state: 'done', limit: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('"list"');
    expect(result.message).toContain('state');
    expect(result.message).toContain('limit');
  });

  it.each([
    ['get', { uid: 'not-a-uid' }],
    ['get', {}],
    ['list', { unknownField: 1 }],
    ['pause', { uids: [] }],
    ['pause', { all: false }],
    ['totals', { extra: true }],
    ['setSettings', { webhookUrl: 'ftp://example.test/' }],
    ['addLinks', { links: [] }],
    ['addFiles', { paths: ['/a.mp4'], options: { thumbnailTimestampPct: 2 } }],
  ] as const)('refuses %s with %j', (name, input) => {
    expect(validateCommand(name, input).ok).toBe(false);
  });

  it('lists each bad field with its path, an unknown key and a selection included', () => {
    const issues = (name: Parameters<typeof validateCommand>[0], input: unknown) => {
      const result = validateCommand(name, input);
      return result.ok ? [] : result.issues;
    };
    expect(issues('addFiles', { paths: ['/a.mp4'], options: { thumbnailTimestampPct: 2, ladder: [20] } })).toEqual([
      { path: 'options.ladder.0', message: 'must be heights from 64 to 4320' },
      { path: 'options.thumbnailTimestampPct', message: 'must be from 0 to 1' },
    ]);
    expect(issues('list', { colour: 'red' })).toEqual([{ path: 'colour', message: 'is not a field of this command' }]);
    expect(issues('pause', { uids: [42] })).toEqual([{ path: 'uids.0', message: expect.any(String) }]);
    expect(issues('remove', { all: true, deleteOutputs: 'yes' })).toEqual([
      { path: 'deleteOutputs', message: expect.any(String) },
    ]);
  });

  it('checks request headers once, names and values, wherever they come from', () => {
    const headers = (given: Record<string, string>) => {
      const result = validateCommand('addLinks', { links: [{ url: 'https://a.test/v.mp4', headers: given }] });
      return result.ok ? [] : result.issues.map((issue) => issue.path);
    };
    expect(headers({ Authorization: 'Bearer abc', 'X-Token': 'a\tb' })).toEqual([]);
    expect(headers({ 'Bad Name': 'x', 'X-Ok': 'v' })).toEqual(['links.0.headers.Bad Name']);
    expect(headers({ 'X-Split': 'a\r\nX-Injected: 1' })).toEqual(['links.0.headers.X-Split']);
    expect(headers({ 'X-Nul': 'a\u0000b', '': 'v' })).toEqual(['links.0.headers.X-Nul', 'links.0.headers.']);
  });

  it('takes a list by path or by content, and the UI settings only in their known forms', () => {
    const issues = (name: Parameters<typeof validateCommand>[0], input: unknown) => {
      const result = validateCommand(name, input);
      return result.ok ? [] : result.issues;
    };
    expect(issues('importList', { path: '/lists/a.txt' })).toEqual([]);
    expect(issues('importList', { content: 'https://a.test/v.mp4', format: 'text' })).toEqual([]);
    expect(issues('importList', { content: 'x', format: 'xml' })).toEqual([
      { path: 'format', message: 'must be one of text, csv, json, ndjson' },
    ]);
    expect(issues('setSettings', { ui: { theme: 'dark', watchClipboard: true } })).toEqual([]);
    expect(issues('setSettings', { ui: { theme: 'blue', watchClipboard: false } })).toEqual([
      { path: 'ui.theme', message: 'must be system, light or dark' },
    ]);
    expect(issues('setSettings', { defaults: { ladder: [1080, 30], thumbnailTimestampPct: 0.5 } })).toEqual([
      { path: 'defaults.ladder.1', message: 'must be heights from 64 to 4320' },
    ]);
    expect(issues('setSettings', { library: '/elsewhere' })).toEqual([
      { path: 'library', message: 'is not a field of this command' },
    ]);
    expect(issues('checkLinks', { content: 'x', limit: 5000 })).toEqual([
      { path: 'limit', message: 'must be a whole number from 1 to 1000' },
    ]);
  });
});
