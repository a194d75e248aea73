// @vitest-environment happy-dom
/** A video's deliveries on its page, over the fake transport: what a user reads in each state, and what they can do. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery, Video } from '../../../shared/video';
import { makeTarget } from '../targets/targets';
import { renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const MiB = 1024 ** 2;
const targets = [
  makeTarget('tus1', 'Archive'),
  makeTarget('cf1', 'Stream', { provider: 'cloudflare', mode: 'pull', endpoint: 'https://api.cloudflare.com' }),
  makeTarget('bn1', 'Bunny', { provider: 'bunny', endpoint: 'https://video.bunnycdn.com', library: '7' }),
  makeTarget('tl1', 'Search', { provider: 'twelvelabs', endpoint: 'https://api.twelvelabs.io', index: 'i1' }),
  makeTarget('vm1', 'Vimeo', { provider: 'vimeo', endpoint: 'https://api.vimeo.com' }),
];

const delivery = (target: string, extra: Partial<Delivery>): Delivery => ({
  target,
  mode: 'push',
  state: 'queued',
  remoteId: null,
  pctComplete: 0,
  ...extra,
});

function videoWith(deliveries: Delivery[]): Video {
  const video = makeVideo('d1', 'talk', 'ready', { pct: 100 });
  return { ...video, status: { state: 'ready', pctComplete: 100, step: 'deliver' }, deliveries };
}

function openPage(video: Video) {
  window.location.hash = `#/video/${video.uid}`;
  const copied: string[] = [];
  const { fake } = renderQueue([video], { targets, platform: { copyText: async (t) => void copied.push(t) } });
  return { fake, copied };
}

const item = async (name: string) => {
  const heading = await screen.findByRole('heading', { name, level: 4 });
  return within(heading.closest('li') as HTMLElement);
};

describe("a video's deliveries", () => {
  it('says where each delivery is, in words, with the service’s own word and the reason a pull became a push', async () => {
    openPage(
      videoWith([
        delivery('tus1', { state: 'queued' }),
        delivery('cf1', {
          state: 'uploading',
          pctComplete: 42.4,
          bytesPerSecond: 12 * MiB,
          etaSeconds: 65,
          notice: 'The video came from a file, so Ferry pushes it: Cloudflare Stream can only pull a link.',
        }),
        delivery('bn1', { state: 'processing', mode: 'pull', pctComplete: 30, remoteState: 'transcoding' }),
        delivery('tl1', { state: 'processing', remoteState: 'indexing' }),
        delivery('vm1', { state: 'ready', remoteId: '76979871' }),
      ]),
    );
    const section = within(await screen.findByRole('region', { name: 'Deliveries' }));
    expect((await item('Archive')).getByText('Queued')).toBeTruthy();
    expect(section.getByText('TUS server · Pushed by Ferry')).toBeTruthy();

    const stream = await item('Stream');
    expect(stream.getByText('Uploading 42% · 12.0 MiB/s · 1m 05s left')).toBeTruthy();
    expect(stream.getByText('Cloudflare Stream · Pushed by Ferry')).toBeTruthy();
    expect(stream.getByText(/Ferry pushes it: Cloudflare Stream can only pull a link/)).toBeTruthy();
    expect(stream.getByRole('progressbar', { name: 'Stream: Uploading 42% · 12.0 MiB/s · 1m 05s left' })).toBeTruthy();

    const bunny = await item('Bunny');
    expect(bunny.getByText('Processing at the service (transcoding, 30%)')).toBeTruthy();
    expect(bunny.getByText('Bunny Stream · Pulled by the service')).toBeTruthy();
    expect((await item('Search')).getByText('Processing at the service (indexing)')).toBeTruthy();
    expect((await item('Search')).queryByRole('progressbar')).toBeNull();
    expect((await item('Vimeo')).getByText('Ready')).toBeTruthy();
    expect(section.queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it('links to where the service plays the video, outside Ferry, and copies its id there', async () => {
    const { copied } = openPage(
      videoWith([
        delivery('cf1', {
          state: 'ready',
          mode: 'pull',
          remoteId: 'ea95132c15732412d22c1476fa83f27a',
          playbackUrl: 'https://customer-x.cloudflarestream.com/ea95132c/manifest/video.m3u8',
        }),
      ]),
    );
    const stream = await item('Stream');
    expect(stream.getByText('Ready')).toBeTruthy();
    const link = stream.getByRole('link', { name: /customer-x\.cloudflarestream\.com.*opens outside Ferry/ });
    expect(link.getAttribute('href')).toBe('https://customer-x.cloudflarestream.com/ea95132c/manifest/video.m3u8');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    expect(stream.getByText('ea95132c15732412d22c1476fa83f27a')).toBeTruthy();
    fireEvent.click(stream.getByRole('button', { name: 'Copy the id at Stream' }));
    expect(await screen.findByText('The id at Stream is on the clipboard.')).toBeTruthy();
    expect(copied).toEqual(['ea95132c15732412d22c1476fa83f27a']);
  });

  it('says why a delivery failed, and retries the failed ones', async () => {
    const { fake } = openPage(
      videoWith([
        delivery('tus1', { state: 'ready', remoteId: 'abc' }),
        delivery('bn1', {
          state: 'error',
          errorReasonCode: 'ERR_DELIVERY_FAILED',
          error: 'Bunny Stream refused the library API key (401): check it in Targets.',
        }),
        delivery('gone', { state: 'error', error: 'The target was removed.' }),
      ]),
    );
    const bunny = await item('Bunny');
    expect(bunny.getByText('Failed')).toBeTruthy();
    expect(bunny.getByText('Bunny Stream refused the library API key (401): check it in Targets.')).toBeTruthy();
    // A target removed since is not named by its id.
    expect((await item('A removed target')).getByText('No longer among the targets · Pushed by Ferry')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry the 2 failed deliveries' }));
    expect(fake.calls.filter((c) => c.name === 'retry').map((c) => c.input)).toEqual([
      { uids: [fake.videos()[0]?.uid] },
    ]);
  });

  it('has no deliveries section for a video sent nowhere that is not ready', async () => {
    const waiting = makeVideo('d2', 'talk', 'queued');
    const { fake } = openPage(waiting);
    await screen.findByRole('heading', { name: 'talk', level: 2 });
    expect(screen.queryByRole('region', { name: 'Deliveries' })).toBeNull();
    expect(fake.calls.some((c) => c.name === 'listTargets')).toBe(false);
  });
});
