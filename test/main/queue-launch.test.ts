/**
 * What a second launch, a file opened from the OS or a ferry:// link hands main, through the same
 * functions main's launch handlers run, on a real engine: what the user typed or opened is queued;
 * what a ferry:// link brings (any web page can open one) is queued by nothing, only kept, bounded,
 * for the window's paste sheet, which takes it through window.ferryPlatform's handler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { launchRequest, openedUrlRequest } from '../../electron/main/launch-args';
import { createOfferedLinksBox } from '../../electron/main/offered-links';
import { createPlatformHandlers } from '../../electron/main/platform-handlers';
import { queueLaunch } from '../../electron/main/queue-launch';
import type { SenderInfo } from '../../electron/main/trusted-sender';
import { maxOfferedLinks } from '../../shared/platform-bridge';
import { tempDir } from '../helpers/temp-dir';

const engines: Engine[] = [];
afterEach(() => engines.splice(0).forEach((engine) => engine.close()));

function started() {
  const dataDir = tempDir('ferry-launch-');
  const engine = createEngine({ dataDir });
  engines.push(engine);
  return { dataDir, engine };
}

/** window.ferryPlatform's handlers as main registers them for its window, over the same box. */
function windowHandlers(box: ReturnType<typeof createOfferedLinksBox>, dataDir: string) {
  const appFrame: SenderInfo = { url: 'file:///app/index.html', isMainFrame: true };
  const handlers = createPlatformHandlers(
    {
      library: path.join(dataDir, 'library'),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      openPath: async () => '',
      readClipboard: () => '',
      takeOfferedLinks: () => box.take(),
    },
    (sender) => sender === appFrame,
  );
  return { take: () => handlers.takeOfferedLinks(appFrame, undefined) };
}

const ferryLink = (urls: readonly string[]) =>
  `ferry://add?${urls.map((url) => `url=${encodeURIComponent(url)}`).join('&')}`;

describe('what a second launch or a file opened from the OS hands over', () => {
  it('is queued: its links and its files, each once', async () => {
    const { dataDir, engine } = started();
    const clip = path.join(dataDir, 'clip.mp4');
    fs.writeFileSync(clip, 'not really a video, but a file');
    const argv = ['/opt/Ferry/ferry', '--no-sandbox', clip, 'https://cdn.example.com/talk.mp4'];

    const outcome = await queueLaunch(engine, launchRequest(argv, dataDir, true), createOfferedLinksBox());

    expect(outcome).toEqual({ queued: 2, offered: 0, problems: [] });
    const { videos } = await engine.list({});
    expect(videos.map((video) => video.source)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'url', url: 'https://cdn.example.com/talk.mp4' }),
        expect.objectContaining({ kind: 'file' }),
      ]),
    );
  });

  it('says what could not be queued', async () => {
    const { engine } = started();
    const outcome = await queueLaunch(
      engine,
      { files: ['/nowhere/missing.mp4'], links: [], offered: [] },
      createOfferedLinksBox(),
    );
    expect(outcome.queued).toBe(0);
    expect(outcome.problems.join('\n')).toMatch(/missing\.mp4/);
  });
});

describe('what a ferry:// link hands over', () => {
  const local = [
    'http://127.0.0.1:8080/admin.mp4',
    'http://192.168.1.1/router.mp4',
    'https://cdn.example.com/talk.mp4',
  ];

  it('queues nothing by itself, and the window takes its links for the paste sheet, once', async () => {
    const { dataDir, engine } = started();
    const box = createOfferedLinksBox();
    const window = windowHandlers(box, dataDir);
    // On Windows and Linux the link comes on a launch's command line, on macOS through open-url.
    const argv = ['/opt/Ferry/ferry', ferryLink(local)];

    const launched = await queueLaunch(engine, launchRequest(argv, dataDir, true), box);
    const opened = await queueLaunch(engine, openedUrlRequest(`${ferryLink([local[2]!])}&name=Talk`), box);

    expect(launched).toEqual({ queued: 0, offered: 3, problems: [] });
    expect(opened).toEqual({ queued: 0, offered: 1, problems: [] });
    expect((await engine.list({})).total).toBe(0);
    expect(await window.take()).toEqual({
      ok: true,
      value: { links: [...local.map((url) => ({ url })), { url: local[2], name: 'Talk' }], dropped: 0 },
    });
    expect(await window.take()).toEqual({ ok: true, value: null });
    expect((await engine.list({})).total).toBe(0);
  });

  it(`offers at most ${maxOfferedLinks} links, and counts the rest as refused`, async () => {
    const { dataDir, engine } = started();
    const box = createOfferedLinksBox();
    const window = windowHandlers(box, dataDir);
    const urls = Array.from({ length: 5000 }, (_, i) => `http://10.0.0.${i % 250}/${i}.mp4`);

    const outcome = await queueLaunch(engine, openedUrlRequest(ferryLink(urls)), box);
    // A second link before the window took the first adds nothing more than the bound.
    await queueLaunch(engine, openedUrlRequest(ferryLink(['https://cdn.example.com/late.mp4'])), box);

    expect(outcome).toEqual({ queued: 0, offered: maxOfferedLinks, problems: [] });
    const taken = await window.take();
    expect(taken).toEqual({
      ok: true,
      value: { links: urls.slice(0, maxOfferedLinks).map((url) => ({ url })), dropped: 5000 - maxOfferedLinks + 1 },
    });
    expect((await engine.list({})).total).toBe(0);
    // Once taken, a new link is offered again.
    await queueLaunch(engine, openedUrlRequest(ferryLink(['https://cdn.example.com/late.mp4'])), box);
    expect(await window.take()).toEqual({
      ok: true,
      value: { links: [{ url: 'https://cdn.example.com/late.mp4' }], dropped: 0 },
    });
  });
});
