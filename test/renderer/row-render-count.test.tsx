// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { queueContext, type QueueContext } from '../../renderer/src/features/queue/queue-context';
import { createSelectionStore } from '../../renderer/src/features/queue/selection-store';
import { VideoRow } from '../../renderer/src/features/queue/VideoRow';
import { createBrowserPlatform } from '../../renderer/src/platform/browser-platform';
import { createSettingsStore } from '../../renderer/src/store/settings-store';
import { createVideoStore } from '../../renderer/src/store/video-store';
import { createFakeTransport } from '../../renderer/src/transport/fake-transport';
import { makeVideo } from './support/videos';

afterEach(cleanup);

/** Two real rows over the real stores, each under a Profiler that counts its commits. */
async function twoRows() {
  const videos = [makeVideo('a', 'one', 'downloading', { pct: 10 }), makeVideo('b', 'two', 'downloading', { pct: 10 })];
  const fake = createFakeTransport(videos);
  const store = createVideoStore(fake.api);
  store.getState().subscribe();
  await store.getState().load();
  const context: QueueContext = {
    api: fake.api,
    store,
    settings: createSettingsStore(fake.api),
    selection: createSelectionStore(),
    platform: createBrowserPlatform('http://ferry.test'),
    report: (error) => {
      throw error;
    },
    tell: () => undefined,
  };
  const commits: Record<string, number> = { a: 0, b: 0 };
  render(
    <queueContext.Provider value={context}>
      {(['a', 'b'] as const).map((id, index) => (
        <Profiler key={id} id={id} onRender={() => commits[id]!++}>
          <VideoRow uid={videos[index]!.uid} index={index} setSize={2} top={index * 72} focused={false} />
        </Profiler>
      ))}
    </queueContext.Provider>,
  );
  return { fake, videos, commits, context };
}

describe('a row of the queue', () => {
  it('renders again only when its own video changes', async () => {
    const { fake, videos, commits } = await twoRows();
    const before = { ...commits };
    act(() =>
      fake.emit('videos', [
        { ...videos[0]!, modified: '2026-11-21T10:00:02Z', status: { ...videos[0]!.status, pctComplete: 55 } },
      ]),
    );
    expect(screen.getByRole('progressbar', { name: 'Downloading 55%' })).toBeTruthy();
    expect(commits.a).toBe(before.a! + 1);
    expect(commits.b).toBe(before.b);

    // An event about a video on no row renders no row.
    act(() => fake.emit('videos', [makeVideo('z', 'elsewhere', 'downloading')]));
    expect(commits).toEqual({ a: before.a! + 1, b: before.b });
  });

  it('renders again only when its own selection changes', async () => {
    const { commits, context } = await twoRows();
    const before = { ...commits };
    act(() => context.selection.getState().click(1, context.store.getState().rows, 'only'));
    expect(commits).toEqual({ a: before.a, b: before.b! + 1 });
  });
});
