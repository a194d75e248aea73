import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/error-codes';
import { errorHelp, errorHelpTable } from '../../../renderer/src/features/video/error-help';

describe('what an error code means to the user', () => {
  it.each(errorCodes)('%s says what happened and what to do, in words without the code', (code) => {
    const help = errorHelp(code);
    expect(help.what.length).toBeGreaterThan(20);
    expect(help.fix.length).toBeGreaterThan(20);
    expect(`${help.what} ${help.fix}`).not.toMatch(/ERR_/);
    expect(['retry', 'edit', 'none']).toContain(help.action);
  });

  it('has an entry for every code and no other', () => {
    expect(Object.keys(errorHelpTable).sort()).toEqual([...errorCodes].sort());
  });

  it('explains a file that is not a video, and sends the user to the link rather than to Retry', () => {
    expect(errorHelp('ERR_NON_VIDEO')).toMatchObject({
      what: expect.stringMatching(/^The file is not a video/),
      action: 'none',
    });
    expect(errorHelp('ERR_NON_VIDEO').fix).toMatch(/link points at the video file itself/);
  });

  it('offers Retry where trying again can help, and a longer limit for a video that is too long', () => {
    expect(errorHelp('ERR_FETCH_ORIGIN_ERROR').action).toBe('retry');
    expect(errorHelp('ERR_DISK_FULL').action).toBe('retry');
    expect(errorHelp('ERR_DURATION_EXCEED_CONSTRAINT').action).toBe('edit');
    expect(errorHelp('ERR_NOT_A_DIRECT_LINK').action).toBe('none');
  });

  it('explains a failure without a code as an unexpected one', () => {
    expect(errorHelp(undefined)).toBe(errorHelpTable.ERR_UNKNOWN);
  });
});
