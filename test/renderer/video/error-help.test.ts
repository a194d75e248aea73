import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/error-codes';
import { retryCanHelp } from '../../../shared/retry-can-help';
import { errorHelp, errorHelpTable, retryWarning } from '../../../renderer/src/features/video/error-help';

describe('what an error code means to the user', () => {
  it.each(errorCodes)('%s says what happened and what to do, in words without the code', (code) => {
    const help = errorHelp(code);
    expect(help.what.length).toBeGreaterThan(20);
    expect(help.fix.length).toBeGreaterThan(20);
    expect(`${help.what} ${help.fix} ${help.retryFails ?? ''}`).not.toMatch(/ERR_/);
  });

  it('has an entry for every code and no other', () => {
    expect(Object.keys(errorHelpTable).sort()).toEqual([...errorCodes].sort());
  });

  it.each(errorCodes)('%s says why a retry fails again exactly when a retry cannot help', (code) => {
    expect(retryWarning(code) !== undefined).toBe(!retryCanHelp(code));
    expect(errorHelp(code).retryFails !== undefined).toBe(!retryCanHelp(code));
  });

  it('explains a file that is not a video, and sends the user to the link', () => {
    expect(errorHelp('ERR_NON_VIDEO').what).toMatch(/^The file is not a video/);
    expect(errorHelp('ERR_NON_VIDEO').fix).toMatch(/link points at the video file itself/);
  });

  it('tells a 404 from a timeout: a retry of a link with nothing there fails again, one of a failing server may work', () => {
    expect(retryCanHelp('ERR_FETCH_NOT_FOUND')).toBe(false);
    expect(retryWarning('ERR_FETCH_NOT_FOUND')).toMatch(/nothing is there: a retry fails again unless/);
    expect(retryCanHelp('ERR_FETCH_ORIGIN_ERROR')).toBe(true);
    expect(retryWarning('ERR_FETCH_ORIGIN_ERROR')).toBeUndefined();
    expect(retryCanHelp('ERR_DISK_FULL')).toBe(true);
    expect(retryCanHelp('ERR_SIZE_EXCEED_CONSTRAINT')).toBe(false);
    expect(retryCanHelp('ERR_STREAMING_MANIFEST')).toBe(false);
  });

  it('offers a longer limit for a video that is too long, and nowhere else', () => {
    const offering = errorCodes.filter((code) => errorHelp(code).allowLonger);
    expect(offering).toEqual(['ERR_DURATION_EXCEED_CONSTRAINT']);
  });

  it('explains a failure without a code as an unexpected one, worth a retry', () => {
    expect(errorHelp(undefined)).toBe(errorHelpTable.ERR_UNKNOWN);
    expect(retryCanHelp(undefined)).toBe(true);
  });
});
