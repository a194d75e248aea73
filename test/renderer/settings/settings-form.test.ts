import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { fieldRefusal, issueSentence, refusalText } from '../../../renderer/src/features/settings/save-failure';
import {
  concurrencyField,
  downloadLimitField,
  hoursField,
  minFreeDiskField,
  readNumber,
  servePortField,
  thumbnailField,
  toggleHeight,
  toggleTarget,
  uploadLimitField,
  webhookField,
  type FieldSpec,
} from '../../../renderer/src/features/settings/settings-form';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const settings: Settings = {
  concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 1, deliveries: 2 },
  webhookUrl: null,
  minFreeDiskBytes: 2 * GiB,
  keepOriginal: false,
  serve: { enabled: false, port: 8787 },
  uploads: { maxSizeBytes: 200 * GiB },
  defaults: { ladder: [1080, 480], thumbnailTimestampPct: 0.125 },
  transcode: { ladder: 'per-title', preset: 'balanced', codec: 'h264' },
  ui: { theme: 'system', watchClipboard: false },
  delivery: { deliverTo: ['t1'], maxUploadBytesPerSecond: null },
  download: { maxBytesPerSecond: 3 * MiB, hours: null },
  webhookSecret: 'secret',
  library: '/data/library',
};

/** The patch a field sends for `text`, made from `settings`, or its own refusal. */
function sent(field: FieldSpec, text: string) {
  const parsed = field.parse(text);
  return parsed.ok ? parsed.patch(settings) : { refused: parsed.issue };
}

describe("the settings screen's fields", () => {
  it('reads numbers as typed, and nothing else', () => {
    expect(readNumber(' 12 ')).toBe(12);
    expect(readNumber('1.5')).toBe(1.5);
    expect(readNumber('')).toBeNull();
    expect(readNumber('ten')).toBeNull();
    expect(readNumber('Infinity')).toBeNull();
  });

  it('show the engine units in the user’s: GiB, percent and MiB/s, and send them back', () => {
    expect(minFreeDiskField.shown(settings)).toBe('2');
    expect(sent(minFreeDiskField, '0.5')).toEqual({ minFreeDiskBytes: GiB / 2 });
    expect(thumbnailField.shown(settings)).toBe('12.5');
    expect(sent(thumbnailField, '50')).toEqual({ defaults: { ladder: [1080, 480], thumbnailTimestampPct: 0.5 } });
    expect(downloadLimitField.shown(settings)).toBe('3');
    expect(sent(downloadLimitField, '1.5')).toEqual({ download: { maxBytesPerSecond: 1.5 * MiB, hours: null } });
    expect(sent(downloadLimitField, ' ')).toEqual({ download: { maxBytesPerSecond: null, hours: null } });
    expect(uploadLimitField.shown(settings)).toBe('');
    expect(sent(uploadLimitField, '2.5')).toEqual({
      delivery: { deliverTo: ['t1'], maxUploadBytesPerSecond: 2.5 * MiB },
    });
  });

  it('change one value of a group, keeping its neighbours as saved', () => {
    expect(sent(concurrencyField('transcodes'), '3')).toEqual({
      concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 3, deliveries: 2 },
    });
    expect(sent(servePortField, '9000')).toEqual({ serve: { enabled: false, port: 9000 } });
    // The first hour set starts from the night, the hours offered by default.
    expect(sent(hoursField('start'), '23:30')).toEqual({
      download: { maxBytesPerSecond: 3 * MiB, hours: { start: '23:30', end: '07:00' } },
    });
  });

  it('refuse what is not a number, or a unit the engine cannot see, in the field’s own words', () => {
    expect(sent(concurrencyField('downloads'), '')).toEqual({ refused: 'needs a number' });
    expect(sent(minFreeDiskField, 'lots')).toEqual({ refused: 'needs a number of GiB' });
    expect(sent(thumbnailField, '101')).toEqual({ refused: 'must be a percentage from 0 to 100' });
    expect(sent(downloadLimitField, '0.01')).toEqual({
      refused: 'must be at least 0.0625 MiB/s (64 KiB/s), or empty for no limit',
    });
    // Ranges the engine knows are its to check.
    expect(sent(concurrencyField('downloads'), '99')).toMatchObject({ concurrency: { downloads: 99 } });
  });

  it('keep the ladder tallest first and the targets in their listed order, and turn webhooks off with an empty URL', () => {
    expect(toggleHeight([1080, 480], 2160, true)).toEqual([2160, 1080, 480]);
    expect(toggleHeight([1080, 480], 1080, false)).toEqual([480]);
    expect(toggleTarget(['t2'], 't1', true, ['t1', 't2'])).toEqual(['t1', 't2']);
    expect(sent(webhookField, '  ')).toEqual({ webhookUrl: null });
    expect(sent(webhookField, ' https://example.com/h ')).toEqual({ webhookUrl: 'https://example.com/h' });
  });

  it("take the engine's issue for their own path, and say what stays saved", () => {
    const refused = new FerryError('INVALID_INPUT', 'Invalid input', [
      { path: 'concurrency.transcodes', message: 'must be a whole number from 1 to 8' },
    ]);
    expect(fieldRefusal(refused, 'concurrency.transcodes')).toBe('must be a whole number from 1 to 8');
    expect(fieldRefusal(new FerryError('INTERNAL', 'The disk is full.'), 'webhookUrl')).toBe('The disk is full.');
    expect(refusalText('must be a whole number from 1 to 8', '1')).toBe(
      'Must be a whole number from 1 to 8. Not saved: 1 stays.',
    );
    expect(issueSentence('Give it a name.')).toBe('Give it a name.');
  });
});
