import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { findMediaTool } from '../../../electron/engine/media/find-media-tools';
import { findOnPath } from '../../../electron/engine/media/locate-media-tools';
import { expectReadyVideo } from '../../helpers/expect-ready-video';
import * as make from '../../helpers/media-fixtures';
import { probeJson } from '../../helpers/inspect-outputs';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The same outputs from every ffmpeg discovery can find: the 4.1 build from @ffmpeg-installer
 * (whose hls muxer crashes on a master playlist) and the system one (5.1 in CI).
 */
const builds: [string, string, number][] = [
  ['4.1 (@ffmpeg-installer)', make.ffmpeg41, 4],
  // A machine with no ffmpeg installed (a fresh Mac or Windows) has only the bundled one.
  ...(findOnPath('ffmpeg', process.env) ? [['system', 'ffmpeg', 5] as [string, string, number]] : []),
];

describe.each(builds)('with ffmpeg %s', (_label, binary, minMajor) => {
  it('makes the same complete ladder, odd sizes included', async () => {
    const media = tempDir('ferry-versions-');
    const tool = await findMediaTool('ffmpeg', { ...process.env, FFMPEG_PATH: binary === 'ffmpeg' ? '' : binary });
    expect(tool.version.major).toBeGreaterThanOrEqual(minMajor);
    if (minMajor === 4) expect(tool.version.libavformat).toBe(58); // the 2018 snapshot of 4.1
    const engine = createEngine({ dataDir: tempDir(), env: { ...process.env, FFMPEG_PATH: tool.path } });
    try {
      const files = [await make.landscape1080(media), await make.oddSize(media)];
      const added = await engine.addFiles({ paths: files, options: { ladder: [1080, 720, 360] } });
      await engine.run();
      for (const [i, file] of files.entries()) {
        const video = await engine.get({ uid: added.queued[i]!.uid });
        const source = await probeJson(file);
        await expectReadyVideo(video, { duration: Number(source.format.duration), hasAudio: true });
      }
      const landscape = await engine.get({ uid: added.queued[0]!.uid });
      expect(landscape.renditions.map((r) => r.name)).toEqual(['1080p', '720p', '360p']);
    } finally {
      engine.close();
    }
  });
});
