/**
 * A trim on a source the top rendition could copy, through the queue with real ffmpeg: on the
 * source's keyframes it stays a copy (the top rung's video packets are the source's between
 * them, byte for byte); between keyframes it is encoded, cut to the frame, and the video says why.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { colorAt, colorSteps, videoFrames } from '../../helpers/color-steps';
import { dashFiles, joinSegments, packetHashes } from '../../helpers/inspect-outputs';
import { tempDir } from '../../helpers/temp-dir';
import fs from 'node:fs';
import type { Video } from '../../../shared/video';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The top rendition's video as one file, from the DASH manifest's segments. */
function topRung(video: Video, out: string): string {
  const manifest = path.dirname(video.playback!.dash);
  const files = dashFiles(fs.readFileSync(video.playback!.dash, 'utf8'));
  return joinSegments(manifest, files.get('0') ?? [], out);
}

describe('a trim of a source the top rendition can copy', () => {
  it('stays a copy on keyframes, and is encoded to the frame between them', async () => {
    const engine = createEngine({ dataDir: tempDir() });
    cleanups.push(() => engine.close());
    const scratch = tempDir();
    // H.264 High at 300 kbit/s with a keyframe every second (25 frames): what the 180p rung would be.
    const source = await colorSteps(scratch, ['red', 'green', 'blue', 'white'], 25, true);
    const sourcePackets = await packetHashes(source);
    expect(sourcePackets.length).toBe(100);

    const uid = (await engine.addFiles({ paths: [source], options: { trim: { start: 1, end: 3 } } })).queued[0]!.uid;
    await engine.run();
    const copied = await engine.get({ uid });
    expect(copied.status.state).toBe('ready');
    expect(copied.topRendition?.original, copied.topRendition?.why).toBe(true);
    expect(await packetHashes(topRung(copied, path.join(scratch, 'copied.mp4')))).toEqual(sourcePackets.slice(25, 75));
    expect((await videoFrames(copied.downloads!.default)).frames).toBe(50);

    // 0.96 s is the last red frame, not a keyframe: encoded, starting on that very frame.
    await engine.edit({ uid, changes: { trim: { start: 0.96, end: 3 } } });
    await engine.run();
    const encoded = await engine.get({ uid });
    expect(encoded.status.state).toBe('ready');
    expect(encoded.topRendition).toMatchObject({
      original: false,
      why: expect.stringMatching(/in point \(0\.96 s\) is not on a keyframe/),
    });
    const mp4 = encoded.downloads!.default;
    expect((await videoFrames(mp4)).frames).toBe(51);
    expect(await colorAt(mp4, 0)).toBe('red');
    expect(await colorAt(mp4, 0.04)).toBe('green');
    expect(await colorAt(mp4, 1.99)).toBe('blue');
    expect(await packetHashes(topRung(encoded, path.join(scratch, 'encoded.mp4')))).not.toEqual(
      sourcePackets.slice(24, 75),
    );
  });
});
