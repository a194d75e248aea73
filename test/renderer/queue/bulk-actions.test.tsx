// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const failed = (id: string, name: string, code: 'ERR_FETCH_NOT_FOUND' | 'ERR_FETCH_ORIGIN_ERROR'): Video => {
  const video = makeVideo(id, name, 'error');
  return {
    ...video,
    status: {
      ...video.status,
      errorReasonCode: code,
      errorReasonText:
        code === 'ERR_FETCH_NOT_FOUND'
          ? 'The server answered 404 Not Found: the file is not there: check the link.'
          : 'The server answered 500 Internal Server Error: the server failed. Gave up after 3 attempts.',
    },
  };
};
const videos = () => [
  makeVideo('a', 'keynote', 'downloading', { pct: 20 }),
  makeVideo('b', 'trailer', 'queued'),
  failed('c', 'gone', 'ERR_FETCH_NOT_FOUND'),
  failed('d', 'flaky', 'ERR_FETCH_ORIGIN_ERROR'),
  makeVideo('e', 'interview', 'ready'),
];
const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[role="listitem"]')!;
const bar = () => screen.getByRole('toolbar', { name: 'Selected videos' });
const offered = () =>
  within(bar())
    .getAllByRole('button')
    .map((button) => button.textContent);

describe('the bulk bar', () => {
  it('offers only what changes a selected video, with how many, and sends each to those only', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(row('gone'));
    fireEvent.click(row('flaky'), { ctrlKey: true });
    // Two failed videos: nothing to pause, resume or cancel.
    expect(offered()).toEqual(['Retry 2', 'Remove 2', 'Clear selection']);
    // One of them answered 404: the bar says a retry will not fix it.
    const retry = within(bar()).getByRole('button', { name: 'Retry 2' });
    expect(document.getElementById(retry.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '1 will fail again unless its link or file changed',
    );

    fireEvent.click(row('keynote'), { ctrlKey: true });
    expect(offered()).toEqual(['Pause 1', 'Cancel 1', 'Retry 2', 'Remove 3', 'Clear selection']);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Pause 1' }));
    await expect.poll(() => fake.calls.find((c) => c.name === 'pause')?.input).toEqual({ uids: [videos()[0]!.uid] });
  });

  it('counts a selection of everything from the totals by state, and sends it as all', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    row('keynote').focus();
    fireEvent.keyDown(row('keynote'), { key: 'a', ctrlKey: true });
    expect(bar().textContent).toContain('5 selected');
    expect(offered()).toEqual(['Pause 2', 'Cancel 2', 'Retry 2', 'Remove 5', 'Deliver 1…', 'Clear selection']);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Retry 2' }));
    await expect.poll(() => fake.calls.find((c) => c.name === 'retry')?.input).toEqual({ all: true });
  });

  it('lets a video that leaves the filter leave the selection', async () => {
    renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(screen.getByRole('tab', { name: /^Failed/ }));
    await screen.findByText('gone');
    fireEvent.click(row('gone'));
    fireEvent.click(within(bar()).getByRole('button', { name: 'Retry 1' }));
    // Queued again, it is no longer a failed video: off the tab, out of the selection, no bar.
    await expect.poll(() => screen.queryByText('gone')).toBeNull();
    expect(screen.queryByRole('toolbar', { name: 'Selected videos' })).toBeNull();
  });
});

describe('the Failed tab', () => {
  it('retries every failed video, and says how many will fail again', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    expect(screen.queryByRole('toolbar', { name: 'Failed videos' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /^Failed/ }));
    const failedBar = await screen.findByRole('toolbar', { name: 'Failed videos' });
    fireEvent.click(within(failedBar).getByRole('button', { name: 'Retry all 2' }));
    await expect
      .poll(() => fake.calls.find((c) => c.name === 'retry')?.input)
      .toEqual({ uids: [videos()[2]!.uid, videos()[3]!.uid] });
    expect((await screen.findByText(/^Retrying 2 videos\./)).textContent).toContain(
      '1 will fail again unless its link or file changed.',
    );
    await expect.poll(() => screen.queryByRole('toolbar', { name: 'Failed videos' })).toBeNull();
  });

  it('clears every failed video with Undo', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(screen.getByRole('tab', { name: /^Failed/ }));
    const failedBar = await screen.findByRole('toolbar', { name: 'Failed videos' });
    fireEvent.click(within(failedBar).getByRole('button', { name: 'Clear 2 failed' }));
    expect(await screen.findByText('Removed 2 videos')).toBeTruthy();
    await expect.poll(() => screen.queryByText('gone')).toBeNull();
    expect(fake.calls.some((c) => c.name === 'remove')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('gone')).toBeTruthy();
    expect(screen.getByText('flaky')).toBeTruthy();
    expect(fake.calls.some((c) => c.name === 'remove')).toBe(false);
  });
});
