import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../renderer/src/app/use-theme';

describe('resolveTheme', () => {
  it('keeps a theme the user chose, whatever the system says', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it("follows the system's light or dark setting for 'system'", () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
});
