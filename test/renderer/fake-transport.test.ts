import { describe, expect, it } from 'vitest';
import { commandNames, type FerryEvents } from '../../shared/api';
import { createFakeTransport, fakeAnswers } from '../../renderer/src/transport/fake-transport';
import { makeVideo } from './support/videos';

describe('the fake transport', () => {
  it('answers every command of the contract (a new command needs a fake answer)', () => {
    const missing = commandNames.filter((name) => typeof fakeAnswers[name] !== 'function');
    expect(missing).toEqual([]);
    const api = createFakeTransport().api;
    expect(commandNames.filter((name) => typeof api[name] !== 'function')).toEqual([]);
  });

  it('lists by state and search with offset and limit, and counts the whole match', async () => {
    const { api } = createFakeTransport([
      makeVideo('a', 'keynote', 'ready'),
      makeVideo('b', 'trailer', 'queued'),
      makeVideo('c', 'keynote-2', 'queued'),
    ]);
    const page = await api.list({ search: 'KEYNOTE', limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.videos.map((v) => v.meta.name)).toEqual(['keynote-2']);
    expect((await api.list({ state: 'queued' })).videos.map((v) => v.meta.name)).toEqual(['trailer', 'keynote-2']);
  });

  it('records calls and tells listeners what a command changed, as the engine does', async () => {
    const fake = createFakeTransport([makeVideo('a', 'one', 'downloading'), makeVideo('b', 'two', 'ready')]);
    const batches: FerryEvents['videos'][] = [];
    fake.api.on('videos', (batch) => batches.push(batch));
    const uids = fake.videos().map((v) => v.uid);
    expect(await fake.api.pause({ uids })).toEqual({ changed: 1 });
    expect(batches.flat().map((v) => [v.meta.name, v.status.state])).toEqual([['one', 'paused']]);
    expect(fake.calls).toEqual([{ name: 'pause', input: { uids } }]);
    await expect(fake.api.get({ uid: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
