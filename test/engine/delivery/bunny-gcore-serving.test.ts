/**
 * The video's serving options on Bunny Stream and Gcore, through the deliver stage: Bunny is given
 * the thumbnail as the time its OpenAPI takes (`thumbnailTime` in ms, at creation for a push, in the
 * fetch's query for a pull), and the delivery's notice names every option a service cannot take
 * per video (signed URLs, allowed origins, a deletion date, a creator; on Gcore the thumbnail too).
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../../shared/api';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { startBunnyDouble } from '../../helpers/services/bunny-double';
import { startGcoreDouble } from '../../helpers/services/gcore-double';

const mediaDir = fileMediaDir('ferry-serving-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

const options = {
  requireSignedURLs: true,
  allowedOrigins: ['example.com'],
  thumbnailTimestampPct: 0.5,
  scheduledDeletion: '2099-01-01T00:00:00Z',
  creator: 'crew-7',
} satisfies IngestOptions;

/** Delivers one video with `options` to `target` (a file pushed, or a link pulled); its delivery and duration. */
async function deliver(target: Parameters<ReturnType<typeof engineWithVault>['saveTarget']>[0]) {
  const engine = engineWithVault(deliveryTuning);
  const saved = await engine.saveTarget(target);
  // Transcoded, so the video's length is known (Bunny's thumbnail is a time).
  const ingest = { transcode: true, meta: { name: 'Keynote' }, ...options, deliverTo: [saved.id] };
  let added;
  if (target.mode === 'pull') {
    const origin = await startOrigin({ '/keynote.mp4': { kind: 'file', body: fs.readFileSync(media) } });
    closers.push(origin.close);
    added = await engine.addLinks({ links: [{ url: origin.url('/keynote.mp4') }], options: ingest });
  } else {
    added = await engine.addFiles({ paths: [media], options: ingest });
  }
  await engine.run();
  const video = await engine.get({ uid: added.queued[0]!.uid });
  return { delivery: video.deliveries[0]!, duration: video.duration };
}

async function bunnyWith(mode: DeliveryMode) {
  const bunny = await startBunnyDouble({ library: '123', apiKey: 'key' });
  closers.push(bunny.close);
  const result = await deliver(bunny.target(mode));
  return { bunny, ...result };
}

describe('serving options on Bunny Stream', () => {
  it('a push creates the video with thumbnailTime and names the rest in the notice', async () => {
    const { bunny, delivery, duration } = await bunnyWith('push');
    expect(duration).toBeGreaterThan(0);
    const create = bunny.requests.find((r) => r.method === 'POST' && r.path === '/videos');
    expect(create?.body).toEqual({ title: 'Keynote', thumbnailTime: Math.round(0.5 * duration * 1000) });
    expect(delivery).toMatchObject({ mode: 'push', state: 'ready' });
    for (const name of ['requireSignedURLs', 'allowedOrigins (example.com)', 'scheduledDeletion', 'creator (crew-7)'])
      expect(delivery.notice).toContain(name);
    expect(delivery.notice).not.toContain('thumbnailTimestampPct');
  });

  it('a pull gives thumbnailTime in the fetch query and names the rest in the notice', async () => {
    const { bunny, delivery, duration } = await bunnyWith('pull');
    const fetched = bunny.requests.find((r) => r.path === '/videos/fetch');
    expect(fetched?.query).toEqual({ thumbnailTime: String(Math.round(0.5 * duration * 1000)) });
    expect(delivery).toMatchObject({ mode: 'pull', state: 'ready' });
    expect(delivery.notice).toContain('requireSignedURLs');
    expect(delivery.notice).not.toContain('thumbnailTimestampPct');
  });
});

describe('serving options on Gcore', () => {
  it('names every option set in the notice, the video still delivered', async () => {
    const gcore = await startGcoreDouble({ apiKey: 'key' });
    closers.push(gcore.close);
    const { delivery } = await deliver({
      name: 'gcore',
      provider: 'gcore',
      mode: 'push',
      endpoint: gcore.origin,
      credential: 'key',
    });
    expect(delivery).toMatchObject({ mode: 'push', state: 'ready' });
    for (const name of [
      'Gcore has no equivalent',
      'requireSignedURLs',
      'allowedOrigins',
      'scheduledDeletion',
      'thumbnailTimestampPct',
      'creator',
    ])
      expect(delivery.notice).toContain(name);
    expect(gcore.created.map((c) => c.video)).toEqual([{ name: 'Keynote' }]);
  });
});
