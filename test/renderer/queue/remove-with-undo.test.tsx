// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { undoSeconds } from '../../../renderer/src/features/queue/UndoToast';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.location.hash = '';
});

const videos = () => [
  makeVideo('a', 'keynote', 'queued'),
  makeVideo('b', 'trailer', 'error'),
  makeVideo('c', 'interview', 'ready'),
];
/** The rows' names; none when the list has given way to the empty queue's message. */
const names = () =>
  (screen.queryByRole('list', { name: 'Videos' })?.querySelectorAll('[role="listitem"]') ?? []).length === 0
    ? []
    : [...screen.getByRole('list', { name: 'Videos' }).querySelectorAll('[role="listitem"]')].map(
        (row) => row.querySelector('.video-name')?.textContent,
      );
const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[role="listitem"]')!;
const removeFromMenu = (name: string) => {
  fireEvent.keyDown(screen.getByRole('button', { name: `More actions for ${name}` }), { key: 'Enter' });
  fireEvent.click(screen.getByRole('menuitem', { name: 'Remove' }));
};
const toast = () => document.querySelector<HTMLElement>('.undo-toast[role="status"]')!;
const removes = (fake: ReturnType<typeof renderQueue>['fake']) => fake.calls.filter((c) => c.name === 'remove');

describe('removing with Undo', () => {
  it('takes the row away at once and tells the engine only when the toast has had its time', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    removeFromMenu('trailer');

    expect(names()).toEqual(['keynote', 'interview']);
    expect(screen.getByText('Removed trailer')).toBeTruthy();
    expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeTruthy();
    expect(removes(fake)).toEqual([]);

    act(() => vi.advanceTimersByTime((undoSeconds - 1) * 1000));
    expect(removes(fake)).toEqual([]);
    act(() => vi.advanceTimersByTime(1000));
    expect(removes(fake).map((c) => c.input)).toEqual([{ uids: [videos()[1]!.uid] }]);
    expect(screen.queryByText('Removed trailer')).toBeNull();
    vi.useRealTimers();
    expect(names()).toEqual(['keynote', 'interview']);
  });

  it('brings the rows back in place with Undo (or Ctrl+Z), and nothing is removed', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    removeFromMenu('trailer');
    expect(names()).toEqual(['keynote', 'interview']);
    fireEvent.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await expect.poll(names).toEqual(['keynote', 'trailer', 'interview']);
    expect(screen.queryByText('Removed trailer')).toBeNull();

    removeFromMenu('keynote');
    expect(names()).toEqual(['trailer', 'interview']);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await expect.poll(names).toEqual(['keynote', 'trailer', 'interview']);
    expect(removes(fake)).toEqual([]);
  });

  it('keeps a hidden row hidden when the list is asked for again meanwhile', async () => {
    const { fake, store } = renderQueue(videos());
    await screen.findByText('keynote');
    removeFromMenu('trailer');
    await act(() => store.getState().refresh());
    expect(names()).toEqual(['keynote', 'interview']);
    expect(removes(fake)).toEqual([]);
  });

  it('sends the removal when the page is left, and when another removal replaces the toast', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    removeFromMenu('trailer');
    removeFromMenu('keynote');
    expect(removes(fake).map((c) => c.input)).toEqual([{ uids: [videos()[1]!.uid] }]);
    expect(screen.getByText('Removed keynote')).toBeTruthy();
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(removes(fake).map((c) => c.input)).toEqual([{ uids: [videos()[1]!.uid] }, { uids: [videos()[0]!.uid] }]);
  });

  it('says how many went, and the selection bar leaves with the rows it selected', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(row('keynote'));
    fireEvent.click(row('interview'), { shiftKey: true });
    const bar = screen.getByRole('toolbar', { name: 'Selected videos' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Remove 3' }));
    await expect.poll(names).toEqual([]);
    expect(screen.getByText('Removed 3 videos')).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: 'Selected videos' })).toBeNull();
    fireEvent.click(within(toast()).getByRole('button', { name: 'Dismiss' }));
    expect(removes(fake).map((c) => c.input)).toEqual([{ uids: videos().map((v) => v.uid) }]);
  });

  it('leaves nothing selected after removing the selected row from its menu', async () => {
    renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(row('trailer'));
    removeFromMenu('trailer');
    expect(names()).toEqual(['keynote', 'interview']);
    // The menu's click is not the row's: the row now in its place is not selected, and no bar stays.
    expect(document.querySelectorAll('.video-row.selected')).toHaveLength(0);
    expect(screen.queryByRole('toolbar', { name: 'Selected videos' })).toBeNull();
  });

  it('drops a video removed elsewhere from the selection, and the bar with it', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    fireEvent.click(row('trailer'));
    expect(screen.getByRole('toolbar', { name: 'Selected videos' }).textContent).toContain('1 selected');
    await act(() => fake.api.remove({ uids: [videos()[1]!.uid] }));
    await expect.poll(names).toEqual(['keynote', 'interview']);
    expect(screen.queryByRole('toolbar', { name: 'Selected videos' })).toBeNull();
  });
});
