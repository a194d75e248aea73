// @vitest-environment happy-dom
/**
 * The import preview: a list file dropped on the window (or picked) shows the counts of new,
 * duplicate and invalid lines over the whole list, the lines it will not queue first with their
 * line numbers and reasons, then the first new ones; one click queues them all, and every line
 * that was not queued is listed afterwards.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { giveElementsASize } from '../support/render-queue';
import { makeVideo } from '../support/videos';
import { dropOnPage, renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const known = makeVideo('a', 'talk');
/** 30 lines: 26 new links, one already queued, three that are not links. */
const lines = [
  ...Array.from({ length: 13 }, (_, i) => `https://cdn.example.test/v${i}.mp4`),
  'https://media.example.test/talk.mp4',
  'not a link',
  ...Array.from({ length: 13 }, (_, i) => `https://cdn.example.test/w${i}.mp4`),
  'also not a link',
  'nor this',
];
const list = new File([lines.join('\n')], 'links.txt', { type: 'text/plain' });

describe('the import preview', () => {
  it('shows the lines it will not queue first, each with its line and why, then the first new ones', async () => {
    renderAdd([known]);
    await screen.findByRole('list', { name: 'Videos' });
    dropOnPage([list]);

    const sheet = await screen.findByRole('dialog', { name: 'Import links.txt' });
    expect(await within(sheet).findByText('26 new · 1 already in the queue or repeated · 3 invalid')).toBeTruthy();
    expect(within(sheet).getByText('4 lines will not be queued:')).toBeTruthy();
    const problems = within(within(sheet).getByRole('list', { name: 'Lines not queued' })).getAllByRole('listitem');
    expect(problems.map((row) => row.textContent)).toEqual([
      'Line 14Already in the queuehttps://media.example.test/talk.mp4',
      'Line 15Invalidnot a linka line holds one link: put each link on its own line',
      'Line 29Invalidalso not a linka line holds one link: put each link on its own line',
      'Line 30Invalidnor thisa line holds one link: put each link on its own line',
    ]);
    const fresh = within(within(sheet).getByRole('list', { name: 'First new lines' })).getAllByRole('listitem');
    expect(fresh).toHaveLength(20);
    expect(fresh[0]!.textContent).toContain('https://cdn.example.test/v0.mp4');
    expect(within(sheet).getByText(/The first 20 new of 30 lines/)).toBeTruthy();
  });

  it('queues them all in one click, then lists every line that was not queued', async () => {
    const imported: unknown[] = [];
    const { fake } = renderAdd([known], {
      prepare: (fake) => {
        fake.api.importList = async (input) => {
          imported.push(input);
          return {
            queued: 26,
            uids: [],
            duplicates: [{ line: 14, url: 'https://media.example.test/talk.mp4', uid: known.uid }],
            invalid: [
              { line: 15, text: 'not a link', reason: 'a line holds one link' },
              { line: 29, text: 'also not a link', reason: 'a line holds one link' },
              { line: 30, text: 'nor this', reason: 'a line holds one link' },
            ],
          };
        };
      },
    });
    await screen.findByRole('list', { name: 'Videos' });
    dropOnPage([list]);
    const sheet = await screen.findByRole('dialog', { name: 'Import links.txt' });
    expect(await within(sheet).findByText('26 new · 1 already in the queue or repeated · 3 invalid')).toBeTruthy();
    expect(fake.calls.find((c) => c.name === 'checkLinks')?.input).toEqual({
      content: lines.join('\n'),
      format: 'text',
      limit: 1000,
      problemsFirst: true,
    });

    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 26 videos' }));
    const done = await screen.findByRole('dialog', { name: 'Imported links.txt' });
    expect(within(done).getByText('4 lines were not queued:')).toBeTruthy();
    const left = within(within(done).getByRole('list', { name: 'Lines not queued' })).getAllByRole('listitem');
    expect(left.map((row) => row.textContent)).toEqual([
      'Line 14Already in the queuehttps://media.example.test/talk.mp4',
      'Line 15Invalidnot a linka line holds one link',
      'Line 29Invalidalso not a linka line holds one link',
      'Line 30Invalidnor thisa line holds one link',
    ]);
    expect(imported).toEqual([{ content: lines.join('\n'), format: 'text', options: { ladder: 'auto' } }]);
    fireEvent.click(within(done).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText(/Queued 26 videos · 1 already in the queue · 3 invalid \(line 15/)).toBeTruthy();
  });

  it('opens from "Import list…" with the picked file, and says when a list has no links', async () => {
    const picked = new File(['just words\n'], 'notes.csv', { type: 'text/csv' });
    renderAdd([], {
      platform: { pickFiles: async () => [picked] },
      prepare: (fake) => {
        fake.api.checkLinks = async () => ({ format: 'csv', counts: { new: 0, duplicate: 0, invalid: 0 }, rows: [] });
      },
    });
    const trigger = await screen.findByRole('button', { name: 'Add videos' });
    fireEvent.keyDown(trigger, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Import list…' }));
    const sheet = await screen.findByRole('dialog', { name: 'Import notes.csv' });
    expect(await within(sheet).findByText(/This list has no links/)).toBeTruthy();
    expect((within(sheet).getByRole('button', { name: 'Queue 0 videos' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
