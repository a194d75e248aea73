import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { issueSentence, saveFailure } from '../../../renderer/src/features/settings/save-failure';
import {
  newVideosDraft,
  newVideosPatch,
  readNumber,
  servePatch,
  toggleHeight,
  webhookPatch,
  workDraft,
  workPatch,
} from '../../../renderer/src/features/settings/settings-form';

const GiB = 1024 ** 3;

const settings: Settings = {
  concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 1, deliveries: 2 },
  webhookUrl: null,
  minFreeDiskBytes: 2 * GiB,
  keepOriginal: false,
  serve: { enabled: false, port: 8787 },
  uploads: { maxSizeBytes: 200 * GiB },
  defaults: { ladder: [1080, 480], thumbnailTimestampPct: 0.125 },
  ui: { theme: 'system', watchClipboard: false },
  delivery: { deliverTo: [], maxUploadBytesPerSecond: null },
  webhookSecret: 'secret',
  library: '/data/library',
};

describe('the settings forms', () => {
  it('reads numbers as typed, and nothing else', () => {
    expect(readNumber(' 12 ')).toBe(12);
    expect(readNumber('1.5')).toBe(1.5);
    expect(readNumber('')).toBeNull();
    expect(readNumber('ten')).toBeNull();
    expect(readNumber('Infinity')).toBeNull();
  });

  it('shows the engine units in the user’s: GiB and percent, and back', () => {
    const work = workDraft(settings);
    expect(work).toMatchObject({ downloads: '4', minFreeGiB: '2' });
    expect(workPatch({ ...work, minFreeGiB: '0.5' })).toEqual({
      ok: true,
      patch: { concurrency: settings.concurrency, minFreeDiskBytes: GiB / 2 },
    });
    expect(newVideosDraft(settings)).toEqual({
      auto: false,
      heights: [1080, 480],
      thumbnailPercent: '12.5',
      keepOriginal: false,
    });
  });

  it('names each field that is not a number, by its path in the patch', () => {
    expect(workPatch({ ...workDraft(settings), downloads: '', minFreeGiB: 'lots' })).toEqual({
      ok: false,
      issues: { 'concurrency.downloads': 'needs a number', minFreeDiskBytes: 'needs a number' },
    });
    expect(servePatch(true, 'x')).toEqual({ ok: false, issues: { 'serve.port': 'needs a number' } });
  });

  it('leaves ranges to the engine, except the percentage it does not know', () => {
    expect(workPatch({ ...workDraft(settings), downloads: '99' })).toMatchObject({
      ok: true,
      patch: { concurrency: { downloads: 99 } },
    });
    expect(newVideosPatch({ ...newVideosDraft(settings), thumbnailPercent: '101' })).toEqual({
      ok: false,
      issues: { 'defaults.thumbnailTimestampPct': 'must be a percentage from 0 to 100' },
    });
  });

  it('keeps the ladder tallest first, and sends auto when auto is chosen', () => {
    expect(toggleHeight([1080, 480], 2160, true)).toEqual([2160, 1080, 480]);
    expect(toggleHeight([1080, 480], 1080, false)).toEqual([480]);
    expect(toggleHeight([1080], 1080, true)).toEqual([1080]);
    const draft = newVideosDraft(settings);
    expect(newVideosPatch({ ...draft, auto: true, thumbnailPercent: '50' })).toEqual({
      ok: true,
      patch: { defaults: { ladder: 'auto', thumbnailTimestampPct: 0.5 }, keepOriginal: false },
    });
  });

  it('turns webhooks off with an empty URL', () => {
    expect(webhookPatch('  ')).toEqual({ webhookUrl: null });
    expect(webhookPatch(' https://example.com/h ')).toEqual({ webhookUrl: 'https://example.com/h' });
  });

  it("puts the engine's issues by field, and any other failure in one sentence", () => {
    const refused = new FerryError('INVALID_INPUT', 'Invalid input', [
      { path: 'concurrency.downloads', message: 'must be a whole number from 1 to 32' },
    ]);
    expect(saveFailure(refused).fields).toEqual({ 'concurrency.downloads': 'must be a whole number from 1 to 32' });
    expect(saveFailure(new FerryError('INTERNAL', 'The disk is full.'))).toEqual({
      message: 'Not saved: The disk is full.',
      fields: {},
    });
    expect(issueSentence('must be a port, 1 to 65535')).toBe('Must be a port, 1 to 65535.');
    expect(issueSentence('Give it a name.')).toBe('Give it a name.');
  });
});
