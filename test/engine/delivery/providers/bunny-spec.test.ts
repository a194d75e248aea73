/**
 * The Bunny Stream adapter and its double checked against Bunny's OpenAPI file (the facts in
 * bunny-openapi-facts.ts): every REST request the adapter makes is a declared operation with
 * declared query parameters and a body its request schema accepts, and every answer the double
 * gives is the schema's shape, through a push and a pull and every way a video ends. The TUS
 * metadata keys rest on Bunny's prose docs (docs.bunny.net/reference/tus-resumable-uploads).
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBunnyAdapter } from '../../../../electron/engine/delivery/providers/bunny';
import { bunnyStatus } from '../../../../electron/engine/delivery/providers/bunny-status';
import type { ProviderCall, TusPush } from '../../../../electron/engine/delivery/providers/provider';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import * as make from '../../../helpers/media-fixtures';
import { startOrigin } from '../../../helpers/origin-server';
import {
  createVideoModel,
  fetchVideoRequest,
  operationOf,
  queryParameters,
  statusModel,
  videoList,
  videoModel,
  videoModelStatus,
} from '../../../helpers/services/bunny-openapi-facts';
import { startBunnyDouble, type BunnyDouble, type BunnyOutcome } from '../../../helpers/services/bunny-double';
import { providerCallTo } from '../../../helpers/services/provider-call';
import { uploadSession } from '../../../helpers/tus-session-upload';
import { until } from '../../../helpers/wait-for';

const mediaDir = fileMediaDir('ferry-bunny-spec-');
let media: string;
let size: number;
const adapter = createBunnyAdapter({ lookup: { tries: 5, delayMs: 50 } });

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
  size = fs.statSync(media).size;
});
closeAfterEach();

const callTo = (bunny: BunnyDouble) => providerCallTo('bunny', bunny.origin, 'key', { library: '123' });

/** Polls until the video is no longer processing (bounded: 10 s). */
const settle = (c: ProviderCall, id: string) =>
  until(async () => (await adapter.status!(c, id)).phase !== 'processing', 10_000);

/** The schema each operation's 200 answer follows. */
const answers = {
  'GET /videos': videoList,
  'POST /videos': videoModel,
  'POST /videos/fetch': statusModel,
  'GET /videos/{videoId}': videoModel,
} as const;

describe("Bunny Stream against Bunny's OpenAPI file", () => {
  it('every request is a declared operation the spec accepts, and every answer has the spec’s shape', async () => {
    const bunny = await startBunnyDouble({ library: '123', apiKey: 'key' });
    closers.push(bunny.close);
    const c = callTo(bunny);
    await adapter.test(c);
    const push = adapter.push as TusPush;
    for (const outcome of ['finished', 'error', 'uploadFailed', 'jit'] satisfies BunnyOutcome[]) {
      bunny.outcome(outcome);
      const session = await push.session(
        c,
        { path: media, size, name: `Talk ${outcome}`, type: 'video/mp4' },
        null,
        size,
      );
      await uploadSession(session, media, size);
      // Bunny's TUS docs: filetype and title required, collection and thumbnailTime optional.
      const keys = Object.keys(session.metadata);
      expect(keys).toEqual(expect.arrayContaining(['filetype', 'title']));
      expect(keys.filter((k) => !['filetype', 'title', 'collection', 'thumbnailTime'].includes(k))).toEqual([]);
      await settle(c, session.remoteId!);
    }
    bunny.outcome('finished');
    const origin = await startOrigin({ '/v.mp4': { kind: 'file', body: fs.readFileSync(media) } });
    closers.push(origin.close);
    const pulled = await adapter.pull!(c, {
      url: origin.url('/v.mp4'),
      headers: { Authorization: 'Bearer o' },
      name: 'Pulled',
    });
    await settle(c, pulled.remoteId);

    const seen = new Set<number>();
    for (const request of bunny.requests) {
      const operation = operationOf(request.method, request.path);
      expect(operation, `${request.method} ${request.path}`).not.toBeNull();
      const key = operation as keyof typeof answers;
      expect(
        Object.keys(request.query).filter((q) => !queryParameters[key]!.includes(q)),
        key,
      ).toEqual([]);
      if (key === 'POST /videos') createVideoModel.parse(request.body);
      if (key === 'POST /videos/fetch') fetchVideoRequest.parse(request.body);
      expect(request.answer?.status, key).toBe(200);
      const answer = answers[key].parse(request.answer!.body);
      if ('status' in answer && typeof answer.status === 'number') seen.add(answer.status);
    }
    // Between them, the flows showed every VideoModelStatus.
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('the adapter has a word and a phase for every VideoModelStatus the spec lists', () => {
    for (const option of videoModelStatus.options) {
      const status = bunnyStatus({ status: option.value }, 'complete');
      expect(status.word).not.toMatch(/^status /);
    }
  });

  it('a field the spec lacks fails the check', () => {
    expect(() => createVideoModel.parse({ title: 'x', requireSignedURLs: true })).toThrow();
    expect(() => videoModel.parse({ guid: 'g', status: 9 })).toThrow();
  });
});
