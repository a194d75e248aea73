import { describe, expect, it } from 'vitest';
import { parseTrim } from '../../electron/cli/parse-trim';

describe('--trim', () => {
  it.each([
    ['00:00:05-00:10:30', { start: 5, end: 630 }],
    ['5-630', { start: 5, end: 630 }],
    ['1:05-2:30', { start: 65, end: 150 }],
    ['0-2.5', { start: 0, end: 2.5 }],
    ['00:01:02.5-00:01:04.25', { start: 62.5, end: 64.25 }],
    ['90:00-100:00', { start: 5400, end: 6000 }],
    [' 1:00 - 1:30 ', { start: 60, end: 90 }],
  ])('reads %s', (text, trim) => {
    expect(parseTrim(text, { allowNone: false })).toEqual(trim);
  });

  it.each([
    ['5', /takes IN-OUT such as 00:00:05-00:10:30, 5-630 or 1:05-2:30.*not "5"/],
    ['5-', /takes IN-OUT/],
    ['a-b', /takes IN-OUT/],
    ['1:75-2:00', /takes IN-OUT.*not "1:75-2:00"/],
    ['1:2:3:4-5', /takes IN-OUT/],
    ['1.5:00-2:00', /takes IN-OUT/],
    ['-5-10', /takes IN-OUT/],
    ['10-5', /--trim: the out point 0:05 is not after the in point 0:10: give an out point later than the in point/],
    ['5-5', /not after the in point/],
    ['none', /--trim none only clears a trim \(ferry edit\)/],
  ])('refuses %s, saying what it takes', (text, message) => {
    expect(() => parseTrim(text, { allowNone: false })).toThrow(message);
  });

  it('takes none to clear a trim where that is allowed', () => {
    expect(parseTrim('none', { allowNone: true })).toBeNull();
  });
});
