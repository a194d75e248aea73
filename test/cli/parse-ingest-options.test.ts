import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-context';
import { formatProgressLine, progressBar } from '../../electron/cli/format-progress';
import {
  ingestFields,
  parseDeleteAfter,
  parseIngestOptions,
  parseLadder,
} from '../../electron/cli/parse-ingest-options';
import { unknownVideoDetails, type Video } from '../../shared/video';

describe('ingest flags', () => {
  it('builds the engine options from every flag', () => {
    expect(
      parseIngestOptions({
        meta: ['team=docs', 'note=a=b'],
        ladder: '1080,720p,360',
        preset: 'Quality',
        codec: 'hevc',
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
      preset: 'quality',
      codec: 'hevc',
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
    [{ ladder: '' }, /--ladder takes "auto" or heights/],
    [{ 'thumbnail-pct': 'half' }, /--thumbnail-pct takes a number, not "half"/],
    [{ 'max-size': '10 MB' }, /--max-size takes a number, not "10 MB"/],
    [{ 'max-duration': '' }, /--max-duration takes a number/],
    [{ watermark: 'a.png', 'watermark-scale': 'big' }, /--watermark-scale takes a number, not "big"/],
    [{ meta: ['novalue'] }, /--meta takes key=value/],
    [{ 'watermark-opacity': '0.5' }, /--watermark-opacity needs --watermark IMAGE/],
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

describe('ingest flags and the contract', () => {
  it('leaves ranges to the schema: numbers out of range pass through as given', () => {
    expect(parseIngestOptions({ 'thumbnail-pct': '2', ladder: '20', 'max-size': '1.5' })).toEqual({
      thumbnailTimestampPct: 2,
      ladder: [20],
      maxSizeBytes: 1.5,
    });
  });

  it('names the flag behind each field the schema can refuse', () => {
    expect(ingestFields('options.thumbnailTimestampPct')).toBe('--thumbnail-pct');
    expect(ingestFields('options.ladder.1')).toBe('--ladder');
    expect(ingestFields('options.watermark.opacity')).toBe('--watermark-opacity');
    expect(ingestFields('options.watermark.image')).toBe('--watermark');
    expect(ingestFields('options.meta.name')).toBe('--name');
    expect(ingestFields('options.meta.team')).toBe('--meta');
    expect(ingestFields('links.12.headers.Bad Name')).toBe('--header');
    expect(ingestFields('options.scheduledDeletion')).toBe('--delete-after');
    expect(ingestFields('somethingElse')).toBeUndefined();
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
    playable: false,
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
