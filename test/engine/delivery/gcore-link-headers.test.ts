/**
 * What Gcore is given through the deliver stage, as its SDK documents it: `origin_http_headers`
 * carries one `Authorization` line, so a link that needs other headers is pushed instead with the
 * reason in the delivery's notice; and `empty` means the file is not all there, so an upload Gcore
 * leaves `empty` with a reason fails with that reason, not as a link Gcore could not fetch.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import { closeAfterEach, closers, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { gcoreTarget } from '../../helpers/services/gcore-target';

const mediaDir = fileMediaDir('ferry-gcore-headers-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

const setUp = (mode: DeliveryMode) => gcoreTarget(mode);

/** A link behind `header`, delivered to a pull target: the delivery and what Gcore holds. */
async function deliverLink(header: [string, string], headers: Record<string, string>) {
  const { gcore, engine, targetId } = await setUp('pull');
  const body = fs.readFileSync(media);
  const origin = await startOrigin({ '/talk.mp4': { kind: 'file', body, requireHeader: header } });
  closers.push(origin.close);
  const added = await engine.addLinks({
    links: [{ url: origin.url('/talk.mp4'), headers }],
    options: { transcode: false, meta: { name: 'Talk' }, deliverTo: [targetId] },
  });
  await engine.run();
  const video = await engine.get({ uid: added.queued[0]!.uid });
  return { gcore, body, delivery: video.deliveries[0]! };
}

describe('Gcore origin_http_headers', () => {
  it('pulls a link whose only header is Authorization, sent as the one documented line', async () => {
    const { gcore, body, delivery } = await deliverLink(['Authorization', 'Bearer o'], { authorization: 'Bearer o' });
    expect(delivery).toMatchObject({ mode: 'pull', state: 'ready' });
    expect(gcore.created.map((c) => c.video)).toEqual([
      {
        name: 'Talk',
        origin_url: expect.stringContaining('/talk.mp4'),
        origin_http_headers: 'Authorization: Bearer o',
      },
    ]);
    const [video] = [...gcore.videos.values()];
    expect(sha256(video!.originBytes!)).toBe(sha256(body));
  });

  it('pushes a link that needs other headers too, saying why in the notice', async () => {
    const { gcore, body, delivery } = await deliverLink(['X-Tenant', 'north'], {
      Authorization: 'Bearer o',
      'X-Tenant': 'north',
    });
    expect(delivery).toMatchObject({ mode: 'push', state: 'ready' });
    expect(delivery.notice).toContain('Pushed instead of pulled');
    expect(delivery.notice).toContain('(X-Tenant)');
    expect(delivery.notice).toContain('it sends only Authorization');
    // Gcore never went to the origin: the video it holds is the upload, made without origin_url.
    expect(gcore.created.map((c) => c.video)).toEqual([{ name: 'Talk' }]);
    const [id] = [...gcore.videos.keys()];
    expect(sha256(gcore.uploaded(id!))).toBe(sha256(body));
  });
});

describe('Gcore `empty` after a push', () => {
  it("fails with Gcore's reason for the upload, not as a link it could not fetch", async () => {
    const { gcore, engine, targetId } = await setUp('push');
    gcore.refuseUploads('The storage limit has been exceeded');
    const added = await engine.addFiles({
      paths: [media],
      options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [targetId] },
    });
    await engine.run();
    const delivery = (await engine.get({ uid: added.queued[0]!.uid })).deliveries[0]!;
    expect(delivery).toMatchObject({ mode: 'push', state: 'error', remoteState: 'empty' });
    expect(delivery.error).toContain('Gcore did not take the uploaded file: The storage limit has been exceeded');
    expect(delivery.error).not.toContain('link');
  });
});
