// @vitest-environment happy-dom
/**
 * Files dropped on the window go to the engine the way the platform can: uploaded one by one in
 * a browser (with their progress), by path in the desktop app; what is not a video is listed as
 * skipped, and a lone list file opens the import preview instead.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UploadReport } from '../../../renderer/src/platform/upload-file';
import { giveElementsASize } from '../support/render-queue';
import { dropOnPage, renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const video = new File(['not really a video'], 'talk.mp4', { type: 'video/mp4' });
const notes = new File(['hello'], 'notes.pdf', { type: 'application/pdf' });

describe('dropping files', () => {
  it('in a browser: uploads the videos with their progress, and lists the rest as skipped', async () => {
    const uploads: { file: File; report: UploadReport }[] = [];
    renderAdd([], {
      platform: {
        uploadFile: (file, report) => {
          uploads.push({ file, report });
          return { abort: () => undefined };
        },
      },
    });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video, notes]));

    expect(uploads.map((u) => u.file.name)).toEqual(['talk.mp4']);
    const panel = await screen.findByRole('complementary', { name: 'Added files' });
    expect(within(panel).getByRole('list', { name: 'Skipped files' }).textContent).toContain(
      'notes.pdf: not a video file (by its extension)',
    );
    act(() => uploads[0]!.report.onProgress(40));
    expect(within(panel).getByRole('progressbar', { name: 'Uploading talk.mp4 40%' })).toBeTruthy();
    act(() => uploads[0]!.report.onDone());
    expect(screen.getByRole('status').textContent).toContain('Uploaded talk.mp4; Ferry queued it.');
    expect(within(panel).getByText('Uploaded; queued')).toBeTruthy();
  });

  it('in a browser: an upload can be canceled, and is then not queued', async () => {
    let aborted = 0;
    renderAdd([], { platform: { uploadFile: () => ({ abort: () => void aborted++ }) } });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video]));
    act(() => screen.getByRole('button', { name: 'Cancel the upload of talk.mp4' }).click());
    expect(aborted).toBe(1);
    expect(screen.getByRole('complementary', { name: 'Added files' }).textContent).toContain('Canceled: not queued');
  });

  it('in a browser: says what failed and what to do', async () => {
    let report: UploadReport | undefined;
    renderAdd([], { platform: { uploadFile: (_file, given) => ((report = given), { abort: () => undefined }) } });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await act(async () => dropOnPage([video]));
    act(() => report!.onFailed('the server answered 413'));
    expect(screen.getByRole('complementary', { name: 'Added files' }).textContent).toContain(
      'Upload failed: the server answered 413. Check that Ferry is still running, then add the file again.',
    );
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
    expect(asked).toEqual([{ paths: ['/home/me/talk.mp4'] }]);
    expect((await screen.findByRole('status')).textContent).toContain('2 skipped (notes.pdf');
    expect(screen.getByRole('list', { name: 'Skipped files' }).textContent).toContain('/home/me/x.doc: not a video');
  });
});
