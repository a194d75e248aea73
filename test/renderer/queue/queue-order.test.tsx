// @vitest-environment happy-dom
/**
 * The queue list's order and keyboard over the fake engine: the column headers ask the engine for
 * a sort and say it (aria-sort), Alt+arrows move a queued video with the `move` command, F2
 * renames with `edit`, and only the keyboard's row takes Tab.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(cleanup);

const videos = () => [
  makeVideo('a', 'keynote', 'downloading', { pct: 25 }),
  makeVideo('b', 'interview', 'queued'),
  makeVideo('c', 'trailer', 'queued'),
  makeVideo('d', 'b-roll', 'ready'),
];
const names = () =>
  within(screen.getByRole('list', { name: 'Videos' }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.video-name')?.textContent);
const rowOf = (name: string) => screen.getByRole('link', { name }).closest<HTMLElement>('[role="listitem"]')!;

describe('the queue list', () => {
  it('asks for the queue order first, and sorts by the header pressed, saying so', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('keynote');
    const lists = () =>
      fake.calls.filter((c) => c.name === 'list').map((c) => c.input as { sort?: string; asc?: boolean });
    expect(lists()[0]).toMatchObject({ sort: 'queue', asc: true });
    expect(screen.getByRole('columnheader', { name: 'Queue' }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(names()).toEqual(['b-roll', 'interview', 'keynote', 'trailer']));
    expect(lists().at(-1)).toMatchObject({ sort: 'name', asc: true });
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Queue' }).getAttribute('aria-sort')).toBe('none');

    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(names()[0]).toBe('trailer'));
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('moves a queued video with Alt+arrows, and the keyboard follows it', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('trailer');
    const row = rowOf('trailer');
    act(() => row.focus());
    fireEvent.click(row);
    fireEvent.keyDown(row, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(names()).toEqual(['keynote', 'trailer', 'interview', 'b-roll']));
    expect(fake.calls.filter((c) => c.name === 'move').map((c) => c.input)).toEqual([
      { uid: videos()[2]!.uid, to: 'up' },
    ]);
    await waitFor(() => expect(document.activeElement).toBe(rowOf('trailer')));

    // A video that is not waiting does not move.
    fireEvent.click(rowOf('b-roll'));
    fireEvent.keyDown(rowOf('b-roll'), { key: 'ArrowUp', altKey: true });
    expect(fake.calls.filter((c) => c.name === 'move')).toHaveLength(1);

    // Sorted by name, a move would not show: the list says how to move instead.
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(names()[0]).toBe('b-roll'));
    fireEvent.click(rowOf('trailer'));
    fireEvent.keyDown(rowOf('trailer'), { key: 'ArrowUp', altKey: true });
    expect(await screen.findByText(/choose "Queue" above the list/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'move')).toHaveLength(1);
  });

  it('renames in place with F2, and only the keyboard row takes Tab', async () => {
    const { fake } = renderQueue(videos());
    await screen.findByText('interview');
    const tabStops = screen
      .getByRole('list', { name: 'Videos' })
      .querySelectorAll(
        '[tabindex="0"], a:not([tabindex="-1"]), button:not([tabindex="-1"]), input:not([tabindex="-1"])',
      );
    expect(tabStops).toHaveLength(1);

    fireEvent.click(rowOf('interview'));
    fireEvent.keyDown(rowOf('interview'), { key: 'F2' });
    const field = screen.getByRole('textbox', { name: 'Name of interview' });
    fireEvent.change(field, { target: { value: 'interview, long cut' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await screen.findByRole('link', { name: 'interview, long cut' });
    expect(fake.calls.filter((c) => c.name === 'edit').map((c) => c.input)).toEqual([
      { uid: videos()[1]!.uid, changes: { meta: { name: 'interview, long cut' } } },
    ]);
  });
});
