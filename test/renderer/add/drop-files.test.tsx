// @vitest-environment happy-dom
/**
 * Files dropped on the window go to the engine the way the platform can: uploaded in a browser,
 * by path in the desktop app, all shown in one upload tray (progress, cancel, retry); what is
 * not a video is listed as skipped, and a file whose content is in Ferry already is flagged
 * before it is queued again.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UploadReport } from '../../../renderer/src/platform/upload-file';
import { fingerprintFile } from '../../../renderer/src/features/add/fingerprint-file';
import { giveElementsASize } from '../support/render-queue';
import { makeVideo } from '../support/videos';
import { dropOnPage, renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const video = new File(['not really a video, 40 bytes of it here.'], 'talk.mp4', { type: 'video/mp4' });
const notes = new File(['hello'], 'notes.pdf', { type: 'application/pdf' });
const tray = () => screen.getByRole('region', { name: 'Uploads' });

/** A browser platform whose uploads the test drives. */
function recordUploads() {
  const uploads: { file: File; report: UploadReport; aborted: boolean }[] = [];
  const platform = {
    uploadFile: (file: File, report: UploadReport) => {
      const upload = { file, report, aborted: false };
      uploads.push(upload);
      return { abort: () => void (upload.aborted = true) };
    },
  };
  return { uploads, platform };
}

describe('dropping files', () => {
  it('in a browser: one tray with each upload’s progress and the total, the rest listed as skipped', async () => {
    const { uploads, platform } = recordUploads();
    renderAdd([], { platform });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video, notes]));

    await waitFor(() => expect(uploads.map((u) => u.file.name)).toEqual(['talk.mp4']));
    expect(within(tray()).getByText('notes.pdf').closest('li')?.textContent).toContain(
      'Skipped: not a video file (by its extension)',
    );
    act(() => uploads[0]!.report.onProgress(10, 40));
    expect(within(tray()).getByRole('progressbar', { name: 'Uploading talk.mp4' }).getAttribute('value')).toBe('25');
    expect(within(tray()).getByRole('progressbar', { name: 'All uploads' }).getAttribute('value')).toBe('25');
    expect(within(tray()).getByText('talk.mp4').closest('li')?.textContent).toContain('25% · 10 B of 40 B');
    expect(within(tray()).getByText(/^Uploading 1 file · 25%/)).toBeTruthy();

    act(() => uploads[0]!.report.onDone());
    expect(within(tray()).getByText('talk.mp4').closest('li')?.textContent).toContain('Uploaded 40 B; queued');
    // The tray says it: no banner at the top for each file.
    expect(screen.queryAllByRole('status').filter((s) => s.textContent?.includes('Uploaded'))).toEqual([]);
    act(() => within(tray()).getByRole('button', { name: 'Clear finished' }).click());
    expect(screen.queryByRole('region', { name: 'Uploads' })).toBeNull();
  });

  it('in a browser: an upload can be canceled, then retried from its first byte', async () => {
    const { uploads, platform } = recordUploads();
    renderAdd([], { platform });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video]));
    await waitFor(() => expect(uploads).toHaveLength(1));
    act(() => within(tray()).getByRole('button', { name: 'Cancel the upload of talk.mp4' }).click());
    expect(uploads[0]!.aborted).toBe(true);
    expect(tray().textContent).toContain('Canceled: not queued');
    // What the canceled upload reports afterwards is not the file's any more.
    act(() => uploads[0]!.report.onDone());
    expect(tray().textContent).toContain('Canceled: not queued');

    act(() => within(tray()).getByRole('button', { name: 'Retry the upload of talk.mp4' }).click());
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(within(tray()).getByRole('progressbar', { name: 'Uploading talk.mp4' }).getAttribute('value')).toBe('0');
    act(() => uploads[1]!.report.onDone());
    expect(tray().textContent).toContain('Uploaded 40 B; queued');
  });

  it('in a browser: says what failed and offers Retry', async () => {
    const { uploads, platform } = recordUploads();
    renderAdd([], { platform });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video]));
    await waitFor(() => expect(uploads).toHaveLength(1));
    act(() => uploads[0]!.report.onFailed('the server answered 413'));
    expect(tray().textContent).toContain(
      'Upload failed: the server answered 413. Check that Ferry is still running, then retry.',
    );
    expect(within(tray()).getByRole('button', { name: 'Retry the upload of talk.mp4' })).toBeTruthy();
  });

  it('in a browser: a file whose content is in Ferry already waits for Add again or Skip', async () => {
    const { uploads, platform } = recordUploads();
    const known = makeVideo('a1', 'Monday talk', 'ready');
    known.meta.fingerprint = await fingerprintFile(video);
    renderAdd([known], { platform });
    await screen.findByText('Monday talk');
    const copy = new File([video], 'copy of talk.mp4', { type: 'video/mp4' });
    await act(async () => dropOnPage([copy, new File(['other bytes'], 'new.mp4')]));

    await waitFor(() => expect(tray().textContent).toContain('Already in Ferry as Monday talk'));
    await waitFor(() => expect(uploads.map((u) => u.file.name)).toEqual(['new.mp4']));
    act(() => within(tray()).getByRole('button', { name: 'Add copy of talk.mp4 again' }).click());
    await waitFor(() => expect(uploads.map((u) => u.file.name)).toEqual(['new.mp4', 'copy of talk.mp4']));

    await act(async () => dropOnPage([video]));
    await waitFor(() => expect(within(tray()).getByRole('button', { name: 'Skip talk.mp4' })).toBeTruthy());
    act(() => within(tray()).getByRole('button', { name: 'Skip talk.mp4' }).click());
    expect(within(tray()).getByText('talk.mp4').closest('li')?.textContent).toContain('Skipped: already in Ferry');
    expect(uploads).toHaveLength(2);
  });

  it('in a browser: the same file dropped again while it uploads is flagged, not sent twice', async () => {
    const { uploads, platform } = recordUploads();
    renderAdd([], { platform });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video]));
    await waitFor(() => expect(uploads).toHaveLength(1));
    await act(async () => dropOnPage([new File([video], 'again.mp4')]));
    await waitFor(() =>
      expect(within(tray()).getByText('again.mp4').closest('li')?.textContent).toContain(
        'Already added here as talk.mp4',
      ),
    );
    expect(uploads).toHaveLength(1);
  });

  it('in the desktop app: adds the videos by path, the engine telling what it skipped', async () => {
    const asked: unknown[] = [];
    renderAdd([], {
      platform: { uploadFile: null, pathForFile: (file) => `/home/me/${file.name}` },
      prepare: (fake) => {
        fake.api.addFiles = async (input) => {
          asked.push(input);
          return {
            queued: [],
            duplicates: [],
            invalid: [],
            skipped: [{ input: '/home/me/x.doc', reason: 'not a video' }],
          };
        };
      },
    });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video, notes]));
    await waitFor(() => expect(asked).toEqual([{ paths: ['/home/me/talk.mp4'] }]));
    expect((await screen.findByRole('status')).textContent).toContain('2 skipped (notes.pdf');
    expect(within(tray()).getByText('/home/me/x.doc').closest('li')?.textContent).toContain('Skipped: not a video');
  });

  it('in the desktop app: a dropped file whose content is in Ferry already is added only on Add again', async () => {
    const asked: unknown[] = [];
    const known = makeVideo('b2', 'Tuesday talk', 'ready');
    known.meta.fingerprint = await fingerprintFile(video);
    renderAdd([known], {
      platform: { uploadFile: null, pathForFile: (file) => `/home/me/${file.name}` },
      prepare: (fake) => {
        fake.api.addFiles = async (input) => (asked.push(input), { queued: [], duplicates: [], invalid: [] });
      },
    });
    await screen.findByText('Tuesday talk');
    await act(async () => dropOnPage([video]));
    await waitFor(() => expect(tray().textContent).toContain('Already in Ferry as Tuesday talk'));
    expect(asked).toEqual([]);
    act(() => within(tray()).getByRole('button', { name: 'Add talk.mp4 again' }).click());
    await waitFor(() => expect(asked).toEqual([{ paths: ['/home/me/talk.mp4'], options: { duplicates: 'allow' } }]));
  });
});
