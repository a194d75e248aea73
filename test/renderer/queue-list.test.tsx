// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { giveElementsASize, renderQueue } from './support/render-queue';
import { makeVideo, manyVideos } from './support/videos';
import { rowHeights } from '../../renderer/src/features/queue/density';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  // A test that opened a video's page leaves its address behind.
  window.location.hash = '';
});

const rows = () => within(screen.getByRole('list', { name: 'Videos' })).getAllByRole('listitem');
/** A row by its video's name: clicking the row (not its name, a link to the video's page) selects it. */
const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[role="listitem"]')!;
const names = () => rows().map((r) => r.querySelector('.video-name')?.textContent);
const checked = () =>
  rows()
    .filter((r) => (r.querySelector('input[type=checkbox]') as HTMLInputElement).checked)
    .map((r) => r.querySelector('.video-name')?.textContent);

/** Opens a row's "More actions" menu as the keyboard does (Radix opens it on pointerdown or Enter). */
const openMenu = (name: string) =>
  fireEvent.keyDown(screen.getByRole('button', { name: `More actions for ${name}` }), { key: 'Enter' });

const mixed = () => [
  makeVideo('a', 'keynote', 'downloading', { pct: 20 }),
  makeVideo('b', 'trailer', 'queued'),
  makeVideo('c', 'keynote-cut', 'error'),
  makeVideo('d', 'interview', 'ready'),
];

describe('the queue', () => {
  it('renders only the rows in view of 10,000 videos, and loads the window the user scrolls to', async () => {
    const { fake } = renderQueue(manyVideos(10_000));
    await screen.findByText('video-0');
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('10000');

    const list = screen.getByRole('list', { name: 'Videos' });
    act(() => {
      list.scrollTop = 7_000 * rowHeights.comfortable;
      fireEvent.scroll(list);
    });
    expect(await screen.findByText('video-7000')).toBeTruthy();
    const offsets = fake.calls.filter((c) => c.name === 'list').map((c) => (c.input as { offset: number }).offset);
    expect(offsets).toContain(7000);
    expect(offsets.length).toBeLessThan(5);
  });

  it('filters by state with tabs that show the counts, and searches by name or link', async () => {
    const { fake } = renderQueue(mixed());
    await screen.findByText('keynote');
    const tabs = screen.getByRole('tablist', { name: 'Filter by state' });
    expect(within(tabs).getByRole('tab', { name: 'All 4' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(within(tabs).getByRole('tab', { name: 'Failed 1' }));
    expect(await screen.findByText('keynote-cut')).toBeTruthy();
    expect(names()).toEqual(['keynote-cut']);
    // The shorter list still takes Tab: one row is in the tab order.
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByRole('tabpanel', { name: 'Failed 1' })).toBeTruthy();
    expect(within(tabs).getByRole('tab', { name: 'Failed 1' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(within(tabs).getByRole('tab', { name: 'All 4' }));
    await screen.findByText('interview');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'keynote' } });
    await expect.poll(names, { timeout: 2000 }).toEqual(['keynote', 'keynote-cut']);
    expect(fake.calls.some((c) => c.name === 'list' && (c.input as { search?: string }).search === 'keynote')).toBe(
      true,
    );
  });

  it('selects with click, shift-click and ctrl-click', async () => {
    renderQueue(mixed());
    await screen.findByText('keynote');
    fireEvent.click(row('keynote'));
    fireEvent.click(row('keynote-cut'), { shiftKey: true });
    expect(checked()).toEqual(['keynote', 'trailer', 'keynote-cut']);
    fireEvent.click(row('trailer'), { ctrlKey: true });
    expect(checked()).toEqual(['keynote', 'keynote-cut']);
    expect(screen.getByRole('toolbar', { name: 'Selected videos' }).textContent).toContain('2 selected');
  });

  it('selects by keyboard: arrows move, Shift+arrow extends, Space toggles, Ctrl+A takes all', async () => {
    renderQueue(mixed());
    await screen.findByText('keynote');
    const first = rows()[0]!;
    fireEvent.click(first);
    first.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', shiftKey: true });
    expect(checked()).toEqual(['keynote', 'trailer']);
    expect(document.activeElement?.textContent).toContain('trailer');

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(checked()).toEqual(['keynote', 'trailer', 'keynote-cut']);
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(checked()).toEqual(['keynote', 'trailer']);

    fireEvent.keyDown(document.activeElement!, { key: 'a', ctrlKey: true });
    expect(checked()).toEqual(['keynote', 'trailer', 'keynote-cut', 'interview']);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(checked()).toEqual([]);
  });

  it('runs a bulk action on the selected videos only, with their uids', async () => {
    const { fake } = renderQueue(mixed());
    await screen.findByText('keynote');
    fireEvent.click(row('keynote'));
    fireEvent.click(row('trailer'), { shiftKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Pause 2' }));

    await expect
      .poll(() => rows().map((r) => r.querySelector('.video-state')?.textContent))
      .toEqual(['Paused', 'Paused', 'Failed', 'Ready']);
    const pause = fake.calls.find((c) => c.name === 'pause');
    expect(pause?.input).toEqual({ uids: [mixed()[0]!.uid, mixed()[1]!.uid] });
  });

  it("moves a queued video to the top of the list from its row's menu", async () => {
    renderQueue(mixed());
    await screen.findByText('keynote');
    openMenu('trailer');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to top' }));
    await expect.poll(names).toEqual(['trailer', 'keynote', 'keynote-cut', 'interview']);
  });

  it("a row's own buttons act on that video", async () => {
    const { fake } = renderQueue(mixed());
    await screen.findByText('keynote');
    fireEvent.click(screen.getByRole('button', { name: 'Retry keynote-cut' }));
    await expect.poll(() => fake.calls.find((c) => c.name === 'retry')?.input).toEqual({ uids: [mixed()[2]!.uid] });
    expect(checked()).toEqual([]);
  });
});
