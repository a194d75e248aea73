/**
 * The queue's names in the UI served by a real `ferry serve`, in Chromium: links to a local
 * origin (a Drive-like `/uc?export=download&id=…` whose download names the file in
 * Content-Disposition, a plain path, a link with only a query) and TUS uploads as a script sends
 * them (with `filename`, and with no name). Each row reads as a name and where it came from:
 * no whole link, no upload id, no internal path. The screenshot goes to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { Upload } from 'tus-js-client';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

const driveName = `attachment; filename="Keynote.mp4"; filename*=UTF-8''Keynote%20%E2%80%94%20Caf%C3%A9.mp4`;

describe('names in the served queue', () => {
  let app: ServedApp;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let file: string;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startServedApp('video-names');
    file = await make.standardDefinition43(app.work);
    const body = fs.readFileSync(file);
    origin = await startOrigin({
      '/uc': { kind: 'file', body, contentDisposition: driveName },
      '/videos/Talk%20One.mp4': { kind: 'file', body },
      '/': { kind: 'file', body },
    });
    ({ page, problems } = await app.open());
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await origin?.close();
  });

  /** Uploads the video over TUS as a script does (Cloudflare's endpoint, the token), with this Upload-Metadata. */
  const uploadWith = (metadata: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const endpoint = app.served.apiBase;
      const headers = { Authorization: `Bearer ${app.served.token}` };
      const options = { endpoint, headers, metadata, retryDelays: [], onSuccess: () => resolve(), onError: reject };
      new Upload(fs.readFileSync(file), options).start();
    });

  /** Each row as "name | source line". */
  const rowTexts = () =>
    page
      .getByRole('list', { name: 'Videos' })
      .getByRole('listitem')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            `${row.querySelector('.video-name')?.textContent} | ${row.querySelector('.video-source')?.textContent}`,
        ),
      );

  it('shows each link and upload by a readable name and where it came from', async () => {
    const host = new URL(origin.url('/')).host;
    await app.served.engine.addLinks({
      links: [
        { url: origin.url('/uc?export=download&id=1AbC-xyz') },
        { url: `${origin.url('/videos/Talk%20One.mp4')}?token=abc` },
        { url: origin.url('/?id=9') },
      ],
      options: { transcode: false },
    });
    await uploadWith({ filename: 'Interview take 3.avi', filetype: 'video/x-msvideo' });
    await uploadWith({ filetype: 'video/x-msvideo' });

    const expected = [
      `Keynote — Café.mp4 | ${host}`,
      `Talk One.mp4 | ${host}`,
      `Video from ${host} | ${host}`,
      'Interview take 3.avi | Uploaded',
      'Untitled upload | Uploaded',
    ];
    // The source line goes on with the size once it is known: compare up to it.
    const shown = async () => (await rowTexts()).map((text) => text.split(' · ')[0]).sort();
    await expect.poll(shown, { timeout: 60_000 }).toEqual([...expected].sort());
    const everything = (await page.getByRole('list', { name: 'Videos' }).textContent()) ?? '';
    expect(everything).not.toMatch(/[0-9a-f]{32}/);
    expect(everything).not.toMatch(/https?:|uploads\/|uc\?/);
    await page.screenshot({ path: path.join(artifactsDir, 'video-names.png') });
    expect(problems).toEqual([]);
  }, 120_000);
});
