/** The ladder's codec is a setting only where the ffmpeg Ferry runs can encode it. */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FerryError } from '../../../shared/ferry-error';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const choice = { ladder: 'per-title', preset: 'balanced' } as const;

describe('choosing the ladder codec', () => {
  it('refuses AV1 with an ffmpeg that has no libsvtav1 (4.1), naming the encoder, and keeps H.264', async () => {
    engine = createEngine({ dataDir: tempDir(), env: { ...process.env, FFMPEG_PATH: make.ffmpeg41 } });
    const refused = await engine.setSettings({ transcode: { ...choice, codec: 'av1' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FerryError);
    expect((refused as FerryError).issues?.[0]).toMatchObject({ path: 'transcode.codec' });
    expect((refused as FerryError).message).toContain('no libsvtav1');
    expect((await engine.getSettings()).transcode.codec).toBe('h264');
    expect((await engine.setSettings({ transcode: { ...choice, codec: 'hevc' } })).transcode.codec).toBe('hevc');
  });
});
