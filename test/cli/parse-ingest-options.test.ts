import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-context';
import { formatProgressLine, progressBar } from '../../electron/cli/format-progress';
import { parseDeleteAfter, parseIngestOptions, parseLadder } from '../../electron/cli/parse-ingest-options';
import { unknownVideoDetails, type Video } from '../../shared/video';

describe('ingest flags', () => {
  it('builds the engine options from every flag', () => {
    expect(
      parseIngestOptions({
        meta: ['team=docs', 'note=a=b'],
        ladder: '1080,720p,360',
        'thumbnail-pct': '0.25',
        'max-duration': '600',
        'max-size': '1000000',
        watermark: 'logo.png',
        'watermark-position': 'lowerLeft',
        'watermark-opacity': '0.5',
      }),
    ).toEqual({
      meta: { team: 'docs', note: 'a=b' },
      ladder: [1080, 720, 360],
      thumbnailTimestampPct: 0.25,
      maxDurationSeconds: 600,
      maxSizeBytes: 1_000_000,
      watermark: { image: 'logo.png', position: 'lowerLeft', opacity: 0.5, scale: 0.15, padding: 0.05 },
    });
    expect(parseIngestOptions({})).toEqual({});
    expect(parseLadder('auto')).toBe('auto');
  });

  const now = Date.parse('2030-01-01T12:00:00Z');

  it('--no-transcode keeps the original and --delete-after schedules the deletion', () => {
    expect(
      parseIngestOptions({ 'no-transcode': true, 'delete-after': '2030-02-01T08:30:00+01:00', meta: ['a=b'] }, now),
    ).toEqual({ transcode: false, scheduledDeletion: '2030-02-01T07:30:00.000Z', meta: { a: 'b' } });
    expect(parseIngestOptions({ 'no-transcode': false }, now)).toEqual({});
  });

  it('reads --delete-after as ISO, a bare date as local midnight', () => {
    expect(parseDeleteAfter('2030-01-02T00:00Z', now)).toBe('2030-01-02T00:00:00.000Z');
    expect(parseDeleteAfter('2030-03-04', now)).toBe(new Date(2030, 2, 4).toISOString());
    expect(parseDeleteAfter('2030-03-04 18:15', now)).toBe(new Date(2030, 2, 4, 18, 15).toISOString());
  });

  it.each([
    [{ ladder: 'big,small' }, /--ladder takes "auto" or heights/],
    [{ 'thumbnail-pct': '1.5' }, /--thumbnail-pct must be a number from 0 to 1/],
    [{ 'max-size': '1.5' }, /--max-size must be a positive whole number/],
    [{ 'max-duration': '-3' }, /--max-duration must be a positive number/],
    [{ meta: ['novalue'] }, /--meta takes key=value/],
    [{ 'watermark-opacity': '0.5' }, /--watermark-opacity needs --watermark IMAGE/],
    [{ watermark: 'a.png', 'watermark-position': 'top' }, /--watermark-position must be one of/],
    [{ 'no-transcode': true, ladder: '720' }, /--ladder needs a transcode; leave out --no-transcode/],
    [{ 'no-transcode': true, watermark: 'a.png' }, /--watermark needs a transcode/],
    [{ 'delete-after': 'tomorrow' }, /--delete-after takes an ISO date or date-time/],
    [{ 'delete-after': '3/4/2031' }, /--delete-after takes an ISO date/],
    [{ 'delete-after': '2031-02-30' }, /--delete-after takes an ISO date/],
    [{ 'delete-after': '2031-01-30T25:00' }, /--delete-after takes an ISO date/],
    [
      { 'delete-after': '2029-12-31T23:59Z' },
      /--delete-after must be in the future; 2029-12-31T23:59:00.000Z has passed/,
    ],
  ])('refuses %j', (flags, message) => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(() => parseIngestOptions(flags, now)).toThrow(UsageError);
    expect(() => parseIngestOptions(flags, now)).toThrow(message);
  });
});

describe('progress lines', () => {
  const video = (status: Video['status']): Video => ({
    ...unknownVideoDetails(),
    uid: 'a'.repeat(32),
    created: '',
    modified: '',
    meta: { name: 'holiday.mov' },
    status,
    readyToStream: false,
    source: { kind: 'file', path: '/v/holiday.mov' },
  });

  it('shows a bar, the percentage and what is happening', () => {
    expect(progressBar(50, 10)).toBe('[#####-----]');
    const line = formatProgressLine(video({ state: 'inprogress', pctComplete: 42.7, step: 'transcode' }), 60);
    expect(line).toMatch(/^holiday\.mov\s+\[#{10}-{14}\]\s+42% {2}transcoding$/);
    expect(line.length).toBeLessThanOrEqual(60);
  });

  it('says why a video failed', () => {
    expect(
      formatProgressLine(
        video({ state: 'error', pctComplete: 0, errorReasonCode: 'ERR_NON_VIDEO', errorReasonText: 'Not a video.' }),
      ),
    ).toBe('holiday.mov  failed: ERR_NON_VIDEO Not a video.');
  });
});
