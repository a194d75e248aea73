import { describe, expect, it } from 'vitest';
import { downloadHoursVerdict, minutesOf, minutesUntilChange } from '../../../electron/engine/run/download-hours';
import { freeSlots } from '../../../electron/engine/run/plan-claims';

const at = (time: string) => minutesOf(time);
const night = { start: '22:00', end: '07:00' };
const lunch = { start: '12:00', end: '13:30' };

describe('the download hours', () => {
  it.each([
    [night, '21:59', { open: false, opensAt: '22:00' }],
    [night, '22:00', { open: true }],
    [night, '23:59', { open: true }],
    [night, '00:00', { open: true }],
    [night, '06:59', { open: true }],
    [night, '07:00', { open: false, opensAt: '22:00' }],
    [night, '12:00', { open: false, opensAt: '22:00' }],
    [lunch, '11:59', { open: false, opensAt: '12:00' }],
    [lunch, '12:00', { open: true }],
    [lunch, '13:29', { open: true }],
    [lunch, '13:30', { open: false, opensAt: '12:00' }],
    [null, '03:00', { open: true }],
  ])('%o at %s: %o', (hours, time, verdict) => {
    expect(downloadHoursVerdict(hours, at(time))).toEqual(verdict);
  });

  it.each([
    [night, '21:00', 60],
    [night, '22:00', 9 * 60],
    [night, '06:59', 1],
    [night, '07:00', 15 * 60],
    [lunch, '13:30', 22 * 60 + 30],
    [lunch, '12:15', 75],
  ])('from %o at %s the verdict changes in %i minutes', (hours, time, minutes) => {
    expect(minutesUntilChange(hours, at(time))).toBe(minutes);
  });

  it('never changes without hours', () => {
    expect(minutesUntilChange(null, at('10:00'))).toBeNull();
  });

  it('keeps downloads from starting outside them, and lets the other stages go on', () => {
    const limits = { fetch: 4, fetchPerHost: 2, probe: 2, transcode: 1, deliver: 3 };
    const waiting = { paused: false, stopAfterCurrent: false, lowDiskSpace: false, downloadsWaitUntil: '22:00' };
    expect(freeSlots(limits, {}, waiting).map((s) => s.stage)).toEqual(['deliver', 'transcode', 'probe']);
    const open = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };
    expect(freeSlots(limits, {}, open).map((s) => s.stage)).toEqual(['deliver', 'transcode', 'probe', 'fetch']);
  });
});
