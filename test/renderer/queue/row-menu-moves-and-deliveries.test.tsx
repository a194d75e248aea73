// @vitest-environment happy-dom
/**
 * What the row's "More actions" menu and the bulk bar add for a producer: a waiting video moves
 * up, down or to the bottom of the queue (the keyboard's Alt+arrows have the same through the
 * list), and ready videos go to a delivery target added after they were ready, one from its row,
 * several from the selection, through the same "Deliver to…" dialog as the video's page.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { makeTarget } from '../targets/targets';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const ready = (id: string, name: string): Video => ({
  ...makeVideo(id, name, 'ready', { pct: 100 }),
  status: { state: 'ready', pctComplete: 100, step: 'done' },
});
const videos = () => [makeVideo('a', 'keynote', 'queued'), ready('b', 'trailer'), ready('c', 'interview')];
const targets = [makeTarget('tus1', 'Archive')];
const rowOf = (name: string) => screen.getByRole('link', { name }).closest<HTMLElement>('[role="listitem"]')!;
const openMenu = (name: string) =>
  fireEvent.keyDown(within(rowOf(name)).getByRole('button', { name: `More actions for ${name}` }), { key: 'Enter' });
const menuItems = () =>
  within(screen.getByRole('menu'))
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

describe("the row's menu and the bulk bar", () => {
  it('moves a waiting video up, down and to the bottom', async () => {
    const { fake } = renderQueue(videos(), { targets });
    await screen.findByRole('link', { name: 'keynote' });
    openMenu('keynote');
    expect(menuItems()).toEqual(['Copy link', 'Move to top', 'Move up', 'Move down', 'Move to bottom', 'Remove']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to bottom' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'move').map((c) => c.input)).toHaveLength(1));
    expect(fake.calls.find((c) => c.name === 'move')?.input).toEqual({ uid: videos()[0]!.uid, to: 'bottom' });
  });

  it('delivers a ready video from its row to a target chosen in the dialog', async () => {
    const { fake } = renderQueue(videos(), { targets });
    await screen.findByRole('link', { name: 'trailer' });
    openMenu('trailer');
    expect(menuItems()).not.toContain('Move up');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Deliver to…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Deliver to…' }));
    fireEvent.click(await dialog.findByRole('checkbox', { name: /Archive/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Deliver' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.filter((c) => c.name === 'deliver').map((c) => c.input)).toEqual([
      { uids: [videos()[1]!.uid], targets: ['tus1'] },
    ]);
  });

  it("offers the selection's ready videos to deliver, saying how many, and sends only those", async () => {
    const { fake } = renderQueue(videos(), { targets });
    await screen.findByRole('link', { name: 'interview' });
    for (const name of ['keynote', 'trailer', 'interview']) fireEvent.click(within(rowOf(name)).getByRole('checkbox'));
    const bar = within(screen.getByRole('toolbar', { name: 'Selected videos' }));
    fireEvent.click(bar.getByRole('button', { name: 'Deliver 2…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Deliver to…' }));
    fireEvent.click(await dialog.findByRole('checkbox', { name: /Archive/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Deliver' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'deliver')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'deliver')?.input).toEqual({
      uids: [videos()[1]!.uid, videos()[2]!.uid],
      targets: ['tus1'],
    });
  });
});
