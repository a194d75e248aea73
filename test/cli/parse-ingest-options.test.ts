import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-context';
import { formatProgressLine, progressBar } from '../../electron/cli/format-progress';
import { parseIngestOptions, parseLadder } from '../../electron/cli/parse-ingest-options';
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

  it.each([
    [{ ladder: 'big,small' }, /--ladder takes "auto" or heights/],
    [{ 'thumbnail-pct': '1.5' }, /--thumbnail-pct must be a number from 0 to 1/],
    [{ 'max-size': '1.5' }, /--max-size must be a positive whole number/],
    [{ 'max-duration': '-3' }, /--max-duration must be a positive number/],
    [{ meta: ['novalue'] }, /--meta takes key=value/],
    [{ 'watermark-opacity': '0.5' }, /--watermark-opacity needs --watermark IMAGE/],
    [{ watermark: 'a.png', 'watermark-position': 'top' }, /--watermark-position must be one of/],
  ])('refuses %j', (flags, message) => {
    expect(() => parseIngestOptions(flags)).toThrow(UsageError);
    expect(() => parseIngestOptions(flags)).toThrow(message);
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
