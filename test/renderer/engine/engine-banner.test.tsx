// @vitest-environment happy-dom
/**
 * The engine's banner over the fake transport: what a user sees while Ferry's engine process is
 * restarting or stopped, Retry, and the list, totals and open video page loaded again once it is
 * back (the fake's videos are changed silently, as a restarted engine recovers its work).
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import { backShownMs } from '../../../renderer/src/features/engine/engine-banner';
import { fakeTotals } from '../../../renderer/src/transport/fake-transport';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

const killed = { state: 'restarting', crashes: 1, reason: 'killed by SIGKILL' } as const;
const reconnecting = "Ferry's engine stopped (killed by SIGKILL); reconnecting…";
const running = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };
const engineBanner = () => screen.queryByText(/Ferry's engine stopped/);
const rowState = (name: string) =>
  within(screen.getByRole('list', { name: 'Videos' }))
    .getByText(name)
    .closest('[role="listitem"]')
    ?.querySelector('.video-state')?.textContent;

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe("the engine's banner", () => {
  it('says reconnecting while the engine restarts, then goes and shows the list as the engine has it now', async () => {
    const talk = makeVideo('a', 'talk', 'downloading', { pct: 40 });
    const { fake } = renderQueue([talk]);
    await screen.findByText('talk');
    expect(engineBanner()).toBeNull();

    act(() => fake.emit('engine', { ...killed, retryAt: '2026-12-07T20:00:00.000Z' }));
    const banner = screen.getByRole('status');
    expect(banner.textContent).toBe(reconnecting);
    expect(banner.getAttribute('aria-live')).toBe('polite');
    // What was shown stays while it is away.
    expect(rowState('talk')).toBe('Downloading');

    // The new process recovered the dead one's lease and went on; another client added a link. No event said so.
    const resumed = makeVideo('a', 'talk', 'downloading', { pct: 55, modified: '2026-11-21T10:05:00.000Z' });
    fake.setVideos([makeVideo('b', 'added meanwhile'), resumed]);
    act(() => fake.emit('engine', { state: 'running', crashes: 1 }));

    await screen.findByText('added meanwhile');
    expect(engineBanner()).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Videos' }))
        .getByRole('progressbar')
        .getAttribute('aria-label'),
    ).toBe('Downloading 55%');
    await waitFor(() => expect(screen.getByLabelText('Queue totals').textContent).toContain('2 videos'));
    expect(screen.getByText("Ferry's engine is back; nothing queued was lost.")).toBeTruthy();
  });

  it('says it is back for a few seconds, then goes; a new death in the meantime shows at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      const { fake } = renderQueue([makeVideo('a', 'talk', 'downloading')]);
      await screen.findByText('talk');
      act(() => fake.emit('engine', { state: 'running', crashes: 1 }));
      const back = screen.getByRole('status');
      expect(back.textContent).toBe("Ferry's engine is back; nothing queued was lost.");
      act(() => vi.advanceTimersByTime(backShownMs));
      expect(screen.queryByText(/Ferry's engine is back/)).toBeNull();

      act(() => fake.emit('engine', { state: 'running', crashes: 2 }));
      act(() => fake.emit('engine', killed));
      expect(screen.getByRole('status').textContent).toBe(reconnecting);
      // The "back" it replaced had a timer: it does not take the new banner away.
      act(() => vi.advanceTimersByTime(backShownMs));
      expect(screen.getByRole('status').textContent).toBe(reconnecting);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why it stopped after three crashes and offers Retry, which starts it and reloads', async () => {
    const { fake } = renderQueue([makeVideo('a', 'talk', 'downloading')]);
    await screen.findByText('talk');
    act(() => fake.emit('engine', { state: 'stopped', crashes: 3, reason: 'killed by SIGKILL' }));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      "Ferry's engine stopped 3 times in a minute (killed by SIGKILL) and was not restarted. Retry, or look at logs/engine.log",
    );
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    retry.focus();
    expect(document.activeElement).toBe(retry);

    fake.setVideos([makeVideo('a', 'talk', 'queued', { modified: '2026-11-21T10:05:00.000Z' })]);
    fireEvent.click(retry);
    await waitFor(() => expect(rowState('talk')).toBe('Queued'));
    expect(fake.calls.filter((c) => c.name === 'restartEngine')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(engineBanner()).toBeNull();
  });

  it('keeps the list shown when a reload fails because the engine died again, and loads it once it is back', async () => {
    const talk = makeVideo('a', 'talk', 'downloading');
    const { fake } = renderQueue([talk]);
    await screen.findByText('talk');
    const list = fake.api.list;
    let refused = 0;
    fake.api.list = () => {
      refused++;
      return Promise.reject(new FerryError('ENGINE_RESTARTING', "Ferry's engine stopped before answering."));
    };

    act(() => fake.emit('engine', killed));
    // The counts changed, so the list is asked for again, and that fails.
    act(() => fake.emit('totals', fakeTotals([talk, makeVideo('b', 'other')], running)));
    await waitFor(() => expect(refused).toBe(1));
    await act(() => Promise.resolve());
    expect(rowState('talk')).toBe('Downloading');
    expect(screen.queryByRole('alert')).toBeNull();

    fake.api.list = list;
    fake.setVideos([makeVideo('b', 'other'), talk]);
    act(() => fake.emit('engine', { state: 'running', crashes: 2 }));
    await screen.findByText('other');
  });

  it('keeps saying Loading when the first load fails because the engine died under it, and loads once it is back', async () => {
    const talk = makeVideo('a', 'talk', 'downloading');
    let refuse = true;
    const { fake } = renderQueue([talk], {
      prepare: (fake) => {
        const totals = fake.api.totals;
        fake.api.totals = () =>
          refuse
            ? Promise.reject(new FerryError('ENGINE_RESTARTING', "Ferry's engine stopped before answering."))
            : totals();
      },
    });
    act(() => fake.emit('engine', killed));
    await screen.findByText('Loading…');
    await act(() => Promise.resolve());
    // The banner says why; no second message calls the queue unloadable.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(reconnecting);

    refuse = false;
    act(() => fake.emit('engine', { state: 'running', crashes: 1 }));
    await screen.findByText('talk');
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('reloads the open video page, which no window of the list holds', async () => {
    const first = makeVideo('a', 'first');
    const second = makeVideo('b', 'second', 'downloading', { pct: 30 });
    window.location.hash = `#/video/${second.uid}`;
    // Windows of one row: the list's reload asks only for the first video, so the page must ask for its own.
    const { fake } = renderQueue([first, second], { windowSize: 1 });
    const title = await screen.findByRole('heading', { name: 'second' });
    const state = () => title.closest('header')?.querySelector('.video-state')?.textContent;
    expect(state()).toBe('Downloading');

    act(() => fake.emit('engine', killed));
    fake.setVideos([
      first,
      { ...second, modified: '2026-11-21T10:05:00.000Z', status: { ...second.status, state: 'error' } },
    ]);
    act(() => fake.emit('engine', { state: 'running', crashes: 1 }));

    await waitFor(() => expect(state()).toBe('Failed'));
  });

  it('shows a command that failed because the engine died as that command failing, and the app goes on', async () => {
    const why = "Ferry's engine stopped (killed by SIGKILL) before answering; it is restarting. Look, then try again.";
    renderQueue([makeVideo('a', 'talk', 'downloading')], {
      prepare: (fake) => (fake.api.pause = () => Promise.reject(new FerryError('ENGINE_RESTARTING', why))),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Pause talk' }));

    expect((await screen.findByRole('alert')).textContent).toContain(why);
    expect(rowState('talk')).toBe('Downloading');
    expect(screen.getByRole('button', { name: 'Pause talk' })).toBeTruthy();
  });

  it('the fake engine starts again on restartEngine only when it had stopped, as the real one', async () => {
    const { fake } = renderQueue([]);
    const heard: string[] = [];
    fake.api.on('engine', (status) => heard.push(status.state));
    expect(await fake.api.restartEngine()).toEqual({ state: 'running', crashes: 0 });
    expect(heard).toEqual([]);

    fake.emit('engine', { state: 'stopped', crashes: 3, reason: 'killed by SIGKILL' });
    expect(await fake.api.restartEngine()).toEqual({ state: 'running', crashes: 0 });
    expect(heard).toEqual(['stopped', 'restarting', 'running']);
  });
});
