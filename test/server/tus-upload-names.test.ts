/**
 * An upload's video is named by the file's original name from its Upload-Metadata (`name`, as
 * Cloudflare Stream reads it, or `filename`, as tus-js-client's examples send it), and never by
 * the upload's 32-character id. A real `ferry serve` over a real engine, tus-js-client as scripts use it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { parseUploadMetadata } from '../../electron/server/upload-metadata';
import { noisyMp4 } from '../helpers/media-fixtures';
import { streamEndpoint, upload, videoOfUpload } from './tus-client';
import { serveEngine, type Served } from './ws-serve-fixture';

let dataDir: string;
let engine: Engine;
let served: Served;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tus-names-'));
  engine = createEngine({ dataDir });
  served = await serveEngine(engine);
});

afterEach(async () => {
  await served.stop();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Uploads a small real video with this metadata and answers the video it became. */
async function uploaded(file: string, metadata: Record<string, string>) {
  let mediaId = '';
  await upload(file, {
    endpoint: streamEndpoint(served.url),
    headers: { Authorization: `Bearer ${served.context.token}` },
    metadata,
    onAfterResponse: (_request, response) => {
      mediaId ||= response.getHeader('stream-media-id') ?? '';
    },
  }).done;
  return videoOfUpload(served.context, mediaId);
}

describe("an upload's name", () => {
  it("is the `filename` a TUS client sends, or Cloudflare's `name` over it, and never the upload's id", async () => {
    const file = await noisyMp4(dataDir, 1);
    const byFilename = await uploaded(file, { filename: 'Interview — take 3.mp4', filetype: 'video/mp4' });
    expect(byFilename.meta).toMatchObject({ name: 'Interview — take 3.mp4', filename: 'Interview — take 3.mp4' });
    const byName = await uploaded(file, { name: 'Keynote', filename: 'IMG_0042.MOV' });
    expect(byName.meta.name).toBe('Keynote');
    const unnamed = await uploaded(file, { filetype: 'video/mp4' });
    expect(unnamed.meta.name).toBeUndefined();
    expect(unnamed.source.path?.endsWith(unnamed.uid)).toBe(true);
  }, 60_000);

  it('takes `filename` in any case of its key, as every other key', () => {
    expect(parseUploadMetadata({ FileName: 'a.mov' })).toMatchObject({
      ok: true,
      value: { options: { meta: { name: 'a.mov', FileName: 'a.mov' } } },
    });
  });
});
