// @vitest-environment happy-dom
/**
 * "Deliver to…" and "Deliver again" on a video's page, over the fake transport: a ready video goes
 * to a target chosen in the dialog, a finished or failed delivery goes again to its own target, and
 * what the engine answered is said in words.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery, Video } from '../../../shared/video';
import { makeTarget } from '../targets/targets';
import { renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const loaded = { timeout: 10_000 };
const targets = [makeTarget('tus1', 'Archive'), makeTarget('tus2', 'Backup')];

function readyVideo(deliveries: Delivery[] = []): Video {
  const video = makeVideo('c1', 'talk', 'ready', { pct: 100 });
  return { ...video, status: { state: 'ready', pctComplete: 100, step: 'done' }, deliveries };
}

function openPage(video: Video) {
  window.location.hash = `#/video/${video.uid}`;
  return renderQueue([video], { targets });
}

describe('Deliver to…', () => {
  it('sends a ready video to the target chosen, and the delivery shows on the page', async () => {
    const video = readyVideo();
    const { fake } = openPage(video);
    const section = within(await screen.findByRole('region', { name: 'Deliveries' }, loaded));
    expect(section.getByText('Not sent to any delivery target.')).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: 'Deliver to…' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Deliver to…' }));
    const deliver = dialog.getByRole('button', { name: 'Deliver' }) as HTMLButtonElement;
    expect(deliver.disabled).toBe(true);
    fireEvent.click(await dialog.findByRole('checkbox', { name: /Backup/ }));
    fireEvent.click(deliver);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.filter((c) => c.name === 'deliver').map((c) => c.input)).toEqual([
      { uids: [video.uid], targets: ['tus2'] },
    ]);
    expect(await screen.findByText('Sending the video to Backup (1 delivery).')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Backup', level: 4 })).toBeTruthy();
  });

  it('sends one delivery again from the start with Deliver again', async () => {
    const failed: Delivery = {
      target: 'tus1',
      mode: 'push',
      state: 'error',
      remoteId: null,
      pctComplete: 30,
      error: 'The TUS server answered 500.',
    };
    const video = readyVideo([failed]);
    const { fake } = openPage(video);
    fireEvent.click(await screen.findByRole('button', { name: 'Deliver again to Archive' }, loaded));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'deliver').map((c) => c.input)).toEqual([
        { uids: [video.uid], targets: ['tus1'] },
      ]),
    );
    const archive = within((await screen.findByRole('heading', { name: 'Archive', level: 4 })).closest('li')!);
    expect(await archive.findByText('Queued')).toBeTruthy();
  });
});
