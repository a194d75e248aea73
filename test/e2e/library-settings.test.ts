/**
 * Settings → Library in Chromium, from a real `ferry serve` over a real engine: the place and
 * its free space are shown, a browser is told where the library can be moved (its folders are
 * the host's), and a move made meanwhile on the host (`ferry settings library`) shows after a
 * reload, with the media served from the new library at once.
 * Screenshot: test-artifacts/settings-library.png (800x600).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidColor } from '../helpers/media-fixtures';
import { until } from '../helpers/wait-for';
import { runFerry } from '../cli/ferry-in-process';
import { artifactsDir, startServedApp, type ServedApp } from './support/serve-app';

describe('the library settings, served by ferry serve', () => {
  let app: ServedApp;
  let uid: string;

  beforeAll(async () => {
    app = await startServedApp('library-settings');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const source = await solidColor(app.work, 'navy', '160x90', 1);
    const { queued } = await app.served.engine.addFiles({ paths: [source] });
    uid = queued[0]!.uid;
    await until(async () => (await app.served.engine.get({ uid })).status.state === 'ready', 120_000);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the place and its free space, and a move made on the host after a reload', async () => {
    const { page, problems } = await app.open({ viewport: { width: 800, height: 600 } });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    const library = page.getByRole('region', { name: 'Library' });
    const place = library.getByRole('textbox', { name: 'Finished videos are kept in' });
    // Over HTTP the data directory is named, never shown.
    expect(await place.inputValue()).toBe("Ferry's data directory/library");
    await library.getByText(/GiB free on its volume\. Move it on the machine Ferry runs on/).waitFor();
    expect(await library.getByRole('button', { name: 'Move…' }).count()).toBe(0);

    const to = path.join(app.work, 'moved-library');
    const moved = await runFerry(['settings', 'library', to], { FERRY_DATA_DIR: path.join(app.work, 'data') });
    expect(moved.code, moved.stderr).toBe(0);
    const thumbnail = await fetch(`${app.served.baseUrl}/media/${uid}/thumbnails/thumbnail.jpg`);
    expect(thumbnail.status).toBe(200);
    expect(Buffer.from(await thumbnail.arrayBuffer())).toEqual(
      fs.readFileSync(path.join(to, uid, 'thumbnails', 'thumbnail.jpg')),
    );

    await page.reload();
    const reloaded = page.getByRole('region', { name: 'Library' });
    await reloaded.getByRole('textbox', { name: 'Finished videos are kept in' }).waitFor();
    expect(await reloaded.getByRole('textbox', { name: 'Finished videos are kept in' }).inputValue()).toBe(to);
    await reloaded.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'settings-library.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
