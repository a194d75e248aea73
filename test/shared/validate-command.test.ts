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
});
