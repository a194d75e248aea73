import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { launchRequest } from '../../electron/main/launch-args';
import { queueLaunch } from '../../electron/main/queue-launch';
import { tempDir } from '../helpers/temp-dir';

const engines: Engine[] = [];
afterEach(() => engines.splice(0).forEach((engine) => engine.close()));

describe('what a second launch or a ferry:// link hands over', () => {
  it('is queued: its links and its files, each once', async () => {
    const dataDir = tempDir('ferry-launch-');
    const engine = createEngine({ dataDir });
    engines.push(engine);
    const clip = path.join(dataDir, 'clip.mp4');
    fs.writeFileSync(clip, 'not really a video, but a file');
    const argv = [
      '/opt/Ferry/ferry',
      '--no-sandbox',
      clip,
      'ferry://add?url=https://cdn.example.com/talk.mp4&name=Talk',
    ];

    const outcome = await queueLaunch(engine, launchRequest(argv, dataDir, true));

    expect(outcome).toEqual({ queued: 2, problems: [] });
    const { videos } = await engine.list({});
    expect(videos.map((video) => video.meta.name).sort()).toEqual(['Talk', 'clip.mp4']);
  });

  it('says what could not be queued', async () => {
    const engine = createEngine({ dataDir: tempDir('ferry-launch-') });
    engines.push(engine);
    const outcome = await queueLaunch(engine, { files: ['/nowhere/missing.mp4'], links: [] });
    expect(outcome.queued).toBe(0);
    expect(outcome.problems.join('\n')).toMatch(/missing\.mp4/);
  });
});
