// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Video } from '../../../shared/video';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.restoreAllMocks();
});

const rowOf = (name: string) => screen.getByRole('link', { name }).closest<HTMLElement>('[role="listitem"]')!;

const busy = (): Video[] => [
  {
    ...makeVideo('a', 'keynote', 'downloading', { pct: 25, bytesPerSecond: 2 * 1024 ** 2, etaSeconds: 42 }),
    size: 100 * 1024 ** 2,
  },
  { ...makeVideo('b', 'interview', 'ready'), thumbnail: 'https://ferry.test/thumb.jpg', size: 30 * 1024 ** 2 },
  makeVideo('c', 'trailer', 'queued'),
];

describe("a queue row's contents", () => {
  it('shows the name as a link to the video, the source, bytes so far, state, progress, speed and time left', async () => {
    renderQueue(busy());
    const link = await screen.findByRole('link', { name: 'keynote' });
    expect(link.getAttribute('href')).toBe(`#/video/${busy()[0]!.uid}`);
    const row = rowOf('keynote');
    expect(row.textContent).toContain('media.example.test · 25.0 MiB of 100 MiB');
    expect(within(row).getByRole('progressbar', { name: 'Downloading 25%' })).toBeTruthy();
    expect(row.textContent).toContain('2.0 MiB/s · 42s left');

    // A ready video shows its thumbnail and size; a queued one a placeholder and no progress.
    const ready = rowOf('interview');
    expect(ready.querySelector('img.thumb')?.getAttribute('src')).toContain(`/media/${busy()[1]!.uid}/thumbnails/`);
    expect(ready.textContent).toContain('30.0 MiB');
    expect(within(rowOf('trailer')).queryByRole('progressbar')).toBeNull();
  });

  it("names each delivery's target in its chip, with where it is", async () => {
    const delivered: Video = {
      ...makeVideo('d', 'launch', 'ready'),
      deliveries: [
        {
          target: 'target-1',
          mode: 'pull',
          state: 'processing',
          remoteId: 'r1',
          pctComplete: 0,
          remoteState: 'inprogress',
        },
        { target: 'gone', mode: 'push', state: 'error', remoteId: null, pctComplete: 0, error: 'Refused.' },
      ],
    };
    renderQueue([delivered], {
      prepare: (fake) =>
        void fake.api.saveTarget({
          id: undefined,
          name: 'Stream',
          provider: 'tus',
          mode: 'push',
          endpoint: 'https://t.test/',
        }),
    });
    await screen.findByRole('link', { name: 'launch' });
    const chips = within(rowOf('launch')).getByRole('list', { name: 'Deliveries' });
    await vi.waitFor(() => expect(chips.textContent).toContain('Stream: processing'));
    // A target removed since keeps its id, and the chip its reason.
    expect(within(chips).getByText('gone: failed').getAttribute('title')).toBe('Refused.');
  });

  it('opens the video page with Enter on the focused row', async () => {
    renderQueue(busy());
    await screen.findByRole('link', { name: 'keynote' });
    const row = rowOf('interview');
    fireEvent.click(row);
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(window.location.hash).toBe(`#/video/${busy()[1]!.uid}`);
  });

  it('keeps the common actions as buttons and the rarer ones in a "More actions" menu', async () => {
    const { fake } = renderQueue(busy());
    await screen.findByRole('link', { name: 'keynote' });
    const row = rowOf('keynote');
    const buttons = within(row)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(buttons).toEqual(['Pause keynote', 'Cancel keynote', 'More actions for keynote']);

    const copied = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    fireEvent.keyDown(within(row).getByRole('button', { name: 'More actions for keynote' }), { key: 'Enter' });
    const menu = screen.getByRole('menu');
    // A browser cannot open a folder on the engine's machine, so that item is not offered there.
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Copy link', 'Remove']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Copy link' }));
    expect(copied).toHaveBeenCalledWith('https://media.example.test/keynote.mp4');

    fireEvent.keyDown(within(rowOf('trailer')).getByRole('button', { name: 'More actions for trailer' }), {
      key: 'Enter',
    });
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Remove' }));
    await expect.poll(() => screen.queryByRole('link', { name: 'trailer' })).toBeNull();
    // Sent once its Undo toast ends (test/renderer/queue/remove-with-undo.test.tsx).
    expect(fake.calls.some((c) => c.name === 'remove')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(fake.calls.find((c) => c.name === 'remove')?.input).toEqual({ uids: [busy()[2]!.uid] });
  });
});
