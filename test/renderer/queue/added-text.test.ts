import { describe, expect, it } from 'vitest';
import { addedText, addedTitle } from '../../../renderer/src/features/queue/added-text';

const now = new Date(2026, 11, 7, 18, 30);

describe("the Added column's words", () => {
  it('says the time for today, the day and month this year, the whole date before', () => {
    expect(addedText(new Date(2026, 11, 7, 9, 5).toISOString(), now)).toBe(
      new Date(2026, 11, 7, 9, 5).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    );
    const earlier = addedText(new Date(2026, 2, 14, 9, 5).toISOString(), now);
    expect(earlier).toContain('14');
    expect(earlier).not.toContain('2026');
    expect(addedText(new Date(2025, 2, 14).toISOString(), now)).toContain('2025');
  });

  it('says nothing for a date it cannot read', () => {
    expect(addedText('not a date', now)).toBe('');
    expect(addedTitle('not a date')).toBe('');
  });

  it("gives the row's tooltip the whole date and time", () => {
    const title = addedTitle(new Date(2025, 2, 14, 9, 5, 7).toISOString());
    expect(title).toContain('2025');
    expect(title).toContain('14');
    expect(title).toMatch(/0?9:05:07/);
  });
});
