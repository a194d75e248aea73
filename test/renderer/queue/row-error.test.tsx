// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { RowError } from '../../../renderer/src/features/queue/RowError';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(cleanup);

const reason =
  'The server answered 404 Not Found: the file is not there: check the link https://media.example.test/courses/2026/spring/Course%2001%20-%20Introduction%20to%20the%20long%20name.mp4.';

function failedVideo(): Video {
  const video = makeVideo('f', 'Course 01 - Introduction', 'error');
  return { ...video, status: { ...video.status, errorReasonCode: 'ERR_FETCH_NOT_FOUND', errorReasonText: reason } };
}

describe("a failed row's reason", () => {
  it('shows the whole reason as its tooltip, and opens it whole with what to do and why a retry fails again', () => {
    render(<RowError video={failedVideo()} />);
    const line = screen.getByRole('button', { name: reason });
    expect(line.title).toBe(reason);
    expect(line.className).toContain('video-error');

    fireEvent.click(line);
    const dialog = screen.getByRole('dialog', { name: 'Why Course 01 - Introduction failed' });
    expect(within(dialog).getByText(reason)).toBeTruthy();
    expect(dialog.textContent).toContain('What to do: Check the link');
    expect(dialog.textContent).toContain('a retry fails again unless the file is put back');
    expect(within(dialog).getByRole('link', { name: "Open the video's page" }).getAttribute('href')).toBe(
      `#/video/${failedVideo().uid}`,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says nothing for a video that did not fail, or failed without a reason', () => {
    const { container } = render(
      <>
        <RowError video={makeVideo('q', 'queued one', 'queued')} />
        <RowError video={makeVideo('e', 'silent failure', 'error')} />
      </>,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe("a failed row's Retry", () => {
  it('stays offered on a 404, and says that it will fail again; on a timeout it says nothing more', async () => {
    const flaky = makeVideo('g', 'flaky', 'error');
    flaky.status = { ...flaky.status, errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR', errorReasonText: 'Timed out.' };
    renderQueue([failedVideo(), flaky]);
    const retry404 = await screen.findByRole('button', { name: 'Retry Course 01 - Introduction' });
    expect(retry404.title).toBe(
      'The link answered that nothing is there: a retry fails again unless the file is put back at that address.',
    );
    expect(screen.getByRole('button', { name: 'Retry flaky' }).title).toBe('');
  });
});
