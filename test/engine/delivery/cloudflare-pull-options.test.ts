/**
 * A pull to Cloudflare Stream through the engine carries the video's serving options, as a push
 * does: the copy's body has each one the SDK's CopyCreateParams has (the double refuses any other),
 * the link as `input` (the SDK's preferred field; `url` is deprecated), and the video Stream holds,
 * read back through the official SDK, requires signed URLs. What Stream cannot be told (a
 * watermark image, a deletion date sooner than 30 days) is named in the delivery's notice.
 */
import Cloudflare from 'cloudflare';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../../shared/api';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { startCloudflareDouble } from '../../helpers/services/cloudflare-double';

const mediaDir = fileMediaDir('ferry-cf-pull-options-');
let media: string;
let mark: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
  mark = await make.solidImage(mediaDir, 'red', '64x64');
});
closeAfterEach();

const daysAhead = (days: number) => new Date(Math.floor(Date.now() / 1000 + days * 24 * 3600) * 1000).toISOString();

/** A link pulled by the Stream double through the engine, added with `options`. */
async function pullWith(options: IngestOptions) {
  const stream = await startCloudflareDouble();
  closers.push(stream.close);
  const origin = await startOrigin({ '/keynote.mp4': { kind: 'file', body: fs.readFileSync(media) } });
  closers.push(origin.close);
  const engine = engineWithVault({ ...deliveryTuning, pollBaseMs: 20, pollMaxMs: 100 });
  const target = await engine.saveTarget({
    name: 'stream',
    provider: 'cloudflare',
    mode: 'pull',
    endpoint: stream.origin,
    account: stream.account,
    credential: stream.token,
  });
  const url = origin.url('/keynote.mp4');
  const added = await engine.addLinks({
    links: [{ url, name: 'Private keynote' }],
    options: { transcode: false, ...options, deliverTo: [target.id] },
  });
  await engine.run();
  const video = await engine.get({ uid: added.queued[0]!.uid });
  return { stream, url, delivery: video.deliveries[0]! };
}

describe('a pull to Cloudflare Stream', () => {
  it('carries every serving option Stream takes, with the link as input, and Stream then requires signed URLs', async () => {
    const deletion = daysAhead(40);
    const { stream, url, delivery } = await pullWith({
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      thumbnailTimestampPct: 0.25,
      scheduledDeletion: deletion,
      creator: 'crew-7',
    });
    expect(delivery).toMatchObject({ mode: 'pull', state: 'ready' });
    expect(delivery.notice).toBeUndefined();
    expect(stream.copies).toEqual([
      {
        input: url,
        meta: { name: 'Private keynote' },
        requireSignedURLs: true,
        allowedOrigins: ['example.com', '*.example.org'],
        thumbnailTimestampPct: 0.25,
        scheduledDeletion: deletion,
        creator: 'crew-7',
      },
    ]);
    const client = new Cloudflare({ apiToken: stream.token, baseURL: `${stream.origin}/client/v4`, maxRetries: 0 });
    const held = await client.stream.get(delivery.remoteId!, { account_id: stream.account });
    expect(held).toMatchObject({
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      thumbnailTimestampPct: 0.25,
      scheduledDeletion: deletion,
      creator: 'crew-7',
    });
  });

  it('names in the notice what Stream cannot be told: the watermark image, a deletion sooner than 30 days', async () => {
    const soon = daysAhead(10);
    const { stream, delivery } = await pullWith({
      requireSignedURLs: true,
      scheduledDeletion: soon,
      watermark: { image: mark, position: 'lowerRight', opacity: 1, scale: 0.25, padding: 0.05 },
    });
    expect(delivery).toMatchObject({ mode: 'pull', state: 'ready' });
    expect(delivery.notice).toContain("watermark (Stream takes a watermark profile's uid, not Ferry's image");
    expect(delivery.notice).toContain(`scheduledDeletion (${soon} is not 30 to 1,096 days ahead`);
    // The rest is carried; the deletion date is left out rather than failing the copy.
    expect(stream.copies[0]).toMatchObject({ requireSignedURLs: true });
    expect(stream.copies[0]).not.toHaveProperty('scheduledDeletion');
  });
});
