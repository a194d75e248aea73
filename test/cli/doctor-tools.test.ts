/** What `ferry doctor` prints about ffmpeg and ffprobe: where each came from, and the clip test. */
import { describe, expect, it } from 'vitest';
import { formatDoctor } from '../../electron/cli/commands/doctor';
import { runDoctor } from '../../electron/engine/run-doctor';
import { tempDir } from '../helpers/temp-dir';

describe('ferry doctor, the tools part', () => {
  it('prints each tool’s source, the clip test it passed, and the candidates it did not use', async () => {
    const text = formatDoctor(await runDoctor(tempDir(), { ...process.env, FFMPEG_PATH: '', FFPROBE_PATH: '' }));
    const ffprobe = text.slice(text.indexOf('ffprobe: '), text.indexOf('tools     '));
    expect(ffprobe).toMatch(/^ {2}from {6}(path \(PATH\)|bundled \(.+\))$/m);
    expect(ffprobe).toMatch(/^ {2}test {6}passed$/m);
    expect(ffprobe).toMatch(/^ {12}read the MPEG-TS clip: 1\.0 s, 64x64, \w+ \+ aac$/m);
    expect(ffprobe).toMatch(/^ {12}read the MP4 clip: 1\.0 s, 64x64, \w+ \+ aac$/m);
    // ffprobe always has another candidate: the fallback package, if nothing else.
    expect(ffprobe).toMatch(/^ {2}others {4}(path|bundled|fallback) \(.+\): (works, .+|ffprobe .+)$/m);
    expect(text).toContain('tools     ffmpeg and ffprobe from one build');
    // Every H.264/HEVC hardware encoder the build lists, after its one-second test encode.
    const ffmpeg = text.slice(0, text.indexOf('ffprobe: '));
    const listed = /^ {2}hardware {2}(.*)$/m.exec(ffmpeg)?.[1]?.split(', ') ?? [];
    const tested = listed.filter((name) => /^(h264|hevc)_(videotoolbox|nvenc|qsv|vaapi|amf)$/.test(name));
    for (const name of tested) expect(ffmpeg).toMatch(new RegExp(`^ {12}${name}: (works|failed: .+)$`, 'm'));
    expect(text).toContain('Ferry can work here.');
  });
});
