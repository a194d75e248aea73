// @vitest-environment happy-dom
/**
 * The queue's state is visible: a banner above the list with its undo ("Pause all" was grey
 * footer text while the rows said "Queued"; "Stop after current" greyed out with no way back),
 * queued rows say the queue is paused, and a paused download keeps its bar and bytes (it showed
 * only "6.5 MiB").
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(cleanup);

const MiB = 1024 * 1024;
const rowOf = (name: string) => screen.getByRole('link', { name }).closest<HTMLElement>('[role="listitem"]')!;
/** The banner is a status region; others (the undo toast's) may be on the page too. */
const banner = () =>
  screen.queryAllByRole('status').find((element) => element.classList.contains('queue-state')) ?? null;

const queue = (): Video[] => [
  { ...makeVideo('a', 'keynote', 'paused', { pct: 5 }), size: 120 * MiB },
  makeVideo('b', 'trailer', 'queued'),
];

describe("the queue's state", () => {
  it('says the queue is paused above the list and in the queued rows, and Resume undoes it', async () => {
    const { fake } = renderQueue(queue());
    await screen.findByRole('link', { name: 'trailer' });
    expect(banner()).toBeNull();
    expect(within(rowOf('trailer')).getByText('Queued').parentElement?.textContent).toBe('Queued');

    await act(() => fake.api.pauseQueue());
    expect(banner()?.textContent).toContain('Queue paused — nothing new starts.');
    expect(rowOf('trailer').querySelector('.progress-line')?.textContent).toBe('Queued · queue paused');

    fireEvent.click(within(banner()!).getByRole('button', { name: 'Resume' }));
    await screen.findByRole('link', { name: 'trailer' });
    await act(async () => {});
    expect(banner()).toBeNull();
    expect(rowOf('trailer').querySelector('.progress-line')?.textContent).toBe('Queued');
  });

  it('says the queue stops after the current videos, and Keep going undoes it', async () => {
    const { fake } = renderQueue(queue());
    await screen.findByRole('link', { name: 'trailer' });
    await act(() => fake.api.stopAfterCurrent());
    expect(banner()?.textContent).toContain('Stops after the current videos');
    fireEvent.click(within(banner()!).getByRole('button', { name: 'Keep going' }));
    await act(async () => {});
    expect(banner()).toBeNull();
    expect((await fake.api.totals()).queue.stopAfterCurrent).toBe(false);
  });

  it('says what to do when the disk is almost full', async () => {
    const { fake } = renderQueue(queue());
    await screen.findByRole('link', { name: 'trailer' });
    const totals = await fake.api.totals();
    act(() => fake.emit('totals', { ...totals, queue: { ...totals.queue, lowDiskSpace: true } }));
    expect(banner()?.textContent).toContain('the disk is almost full — free some space');
    expect(within(banner()!).getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
  });

  it('says a full disk paused the queue, where, how much is free and needed, and Resume resumes', async () => {
    const { fake } = renderQueue(queue());
    await screen.findByRole('link', { name: 'trailer' });
    await act(() => fake.api.pauseQueue());
    const totals = await fake.api.totals();
    const disk = {
      kind: 'full' as const,
      dataDir: '/media/ferry',
      freeBytes: 0,
      neededBytes: 300 * MiB,
      message: 'The disk holding /media/ferry is full.',
    };
    act(() => fake.emit('totals', { ...totals, queue: { ...totals.queue, disk } }));
    expect(banner()?.textContent).toContain('Paused: the disk is full — /media/ferry has 0 B free');
    expect(banner()?.textContent).toContain('about 300 MiB');
    expect(banner()?.textContent).not.toContain('Queue paused');
    fireEvent.click(within(banner()!).getByRole('button', { name: 'Resume' }));
    await act(async () => {});
    expect((await fake.api.totals()).queue.paused).toBe(false);
  });

  it('says downloads wait for the download hours, and when they open', async () => {
    const { fake } = renderQueue(queue());
    await screen.findByRole('link', { name: 'trailer' });
    const totals = await fake.api.totals();
    act(() => fake.emit('totals', { ...totals, queue: { ...totals.queue, downloadsWaitUntil: '22:00' } }));
    expect(banner()?.textContent).toContain('Downloads wait for the download hours — they start at 22:00');
    expect(within(banner()!).getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
    act(() => fake.emit('totals', totals));
    expect(banner()).toBeNull();
  });

  it('keeps a paused download’s bar, percentage and bytes', async () => {
    renderQueue(queue());
    await screen.findByRole('link', { name: 'keynote' });
    const row = rowOf('keynote');
    expect(within(row).getByRole('progressbar', { name: 'Paused 5%' })).toBeTruthy();
    expect(row.querySelector('.progress-line')?.textContent).toBe('Paused');
    expect(row.querySelector('.speed')?.textContent).toBe('6.0 of 120 MiB, 5%');
    // A queued video that never started has no bar.
    expect(within(rowOf('trailer')).queryByRole('progressbar')).toBeNull();
  });
});
