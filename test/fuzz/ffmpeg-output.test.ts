/**
 * Fuzzing what Ferry reads from ffmpeg and ffprobe about a file it was handed: ffprobe's JSON
 * (media/read-probe.ts), whose values a hostile file chooses, the `-progress` lines of a running
 * ffmpeg (media/parse-ffmpeg-progress.ts), read as they arrive in pieces of any size, and the tool's
 * `-version`/`-encoders` text. Each answers a verdict or a value, never an exception, and nothing
 * that would make a ladder or a progress bar out of NaN.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEncoders, parseMuxerOptions, parseVersion } from '../../electron/engine/media/parse-ffmpeg-info';
import {
  parseProgressBlock,
  progressPercent,
  takeProgressBlocks,
} from '../../electron/engine/media/parse-ffmpeg-progress';
import { planLadder } from '../../electron/engine/media/plan-ladder';
import { readProbe, type FfprobeOutput } from '../../electron/engine/media/read-probe';
import type { Video } from '../../shared/video';
import { ferry } from '../cli/ferry-process';
import { ff } from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { fuzzParameters, withinBudget } from './fuzz-settings';

/** A number as ffprobe prints it, or as a damaged header makes it read. */
const printed = fc.oneof(
  fc.double().map(String),
  fc.nat(100_000).map(String),
  fc.constantFrom('N/A', '', '0', '-1', '1e400', 'nan', '0.04', '3600.5'),
);
/**
 * Ratios as ffprobe prints them (frame rates with a slash, aspect ratios with a colon): two whole
 * numbers, which a file chooses (16 bits each in an H.264 stream, 32 in some containers), or N/A.
 */
const whole = fc.oneof(fc.nat(65_535), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const ratio = (separator: '/' | ':') =>
  fc.oneof(
    fc.tuple(whole, whole).map(([n, d]) => `${n}${separator}${d}`),
    fc.constantFrom('N/A', `0${separator}1`, `0${separator}0`, `30000${separator}1001`, ''),
  );

const stream = fc.record(
  {
    codec_type: fc.constantFrom('video', 'audio', 'subtitle', 'data', 'attachment'),
    codec_name: fc.constantFrom('h264', 'hevc', 'vp9', 'av1', 'mjpeg', 'png', 'gif', 'aac', 'opus', 'prores'),
    width: fc.integer({ min: -1, max: 16_384 }),
    height: fc.integer({ min: -1, max: 16_384 }),
    avg_frame_rate: ratio('/'),
    r_frame_rate: ratio('/'),
    sample_aspect_ratio: ratio(':'),
    duration: printed,
    nb_frames: printed,
    disposition: fc.record({ attached_pic: fc.constantFrom(0, 1) }),
    tags: fc.record({ rotate: printed }, { requiredKeys: [] }),
    side_data_list: fc.array(fc.record({ rotation: fc.oneof(fc.integer(), printed) }, { requiredKeys: [] }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: [] },
);

const anyProbe: fc.Arbitrary<FfprobeOutput> = fc.record(
  {
    streams: fc.array(stream, { maxLength: 4 }),
    format: fc.record(
      {
        format_name: fc.constantFrom('mov,mp4,m4a,3gp,3g2,mj2', 'matroska,webm', 'hls', 'image2', 'mpegts', 'avi', ''),
        duration: printed,
        size: printed,
        bit_rate: printed,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** An MP4 whose first stream is a picture, so the numbers are read rather than refused early. */
const likelyVideo: fc.Arbitrary<FfprobeOutput> = fc
  .tuple(anyProbe, stream, printed)
  .map(([given, first, duration]) => ({
    streams: [
      { ...first, codec_type: 'video', codec_name: 'h264', disposition: { attached_pic: 0 } },
      ...(given.streams ?? []),
    ],
    format: { ...given.format, format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration },
  }));

const probe = fc.oneof(anyProbe, likelyVideo);

describe('fuzzing ffprobe JSON', () => {
  it('answers any probe with media info made of real numbers, or an error code and a sentence', () => {
    fc.assert(
      fc.property(probe, fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }), (given, max) => {
        const verdict = withinBudget('readProbe', () =>
          readProbe(given, max === undefined ? {} : { maxDurationSeconds: max }),
        );
        if (!verdict.ok) {
          expect(verdict.code).toMatch(/^ERR_/);
          expect(verdict.text).not.toBe('');
          return;
        }
        const { info } = verdict;
        for (const n of [info.duration, info.width, info.height, info.fps])
          expect(Number.isFinite(n) && n > 0, `${JSON.stringify(info)}`).toBe(true);
        expect(info.duration).toBeGreaterThanOrEqual(0.1);
        expect([0, 90, 180, 270].includes(info.rotation) || (info.rotation >= 0 && info.rotation < 360)).toBe(true);
        // What the numbers become: a ladder of real, even sizes and bitrates, and a whole frame rate.
        const ladder = planLadder({ ...info, hasAudio: info.audioCodec !== null });
        expect(ladder.rungs.length).toBeGreaterThan(0);
        for (const rung of ladder.rungs)
          for (const n of [rung.width, rung.height, rung.videoKbps])
            expect(Number.isFinite(n) && n > 0, JSON.stringify({ info, rung })).toBe(true);
        expect(ladder.frameRate).toMatch(/^\d+\/\d+$/);
      }),
      fuzzParameters(),
    );
  });
});

const block = fc.record({
  frame: fc.nat(),
  outTimeUs: fc.nat(10 ** 12),
  speed: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(Number.NaN)),
  done: fc.boolean(),
});
type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

/** A block as ffmpeg writes it to its -progress pipe. */
const written = (b: Block) =>
  [
    `frame=${b.frame}`,
    `out_time_us=${b.outTimeUs}`,
    `out_time_ms=${b.outTimeUs}`,
    `out_time=00:00:00.000000`,
    `speed=${Number.isNaN(b.speed) ? 'N/A' : `${b.speed}x`}`,
    `progress=${b.done ? 'end' : 'continue'}`,
  ].join('\n') + '\n';

describe('a pixel aspect ratio that squeezes the picture to nothing, through ferry ingest', () => {
  // Found by the property above: 64 pixels at 1:255 rounded to a video 0 pixels wide.
  it('keeps the picture its coded width instead of reporting a video 0 pixels wide', async () => {
    const media = tempDir();
    const file = path.join(media, 'squeezed.mkv');
    const picture = ['-f', 'lavfi', '-i', 'testsrc2=s=64x48:r=10:d=1', '-vf', 'setsar=1/255'];
    await ff([...picture, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file]);
    const result = await ferry(['ingest', file, '--json', '--ladder', '240', '--data-dir', tempDir()]);
    const [video] = JSON.parse(result.stdout) as Video[];
    expect(video?.status.state).toBe('ready');
    expect(video?.input).toEqual({ width: 64, height: 48 });
  });
});

describe('fuzzing ffmpeg progress lines', () => {
  it('reads a block ffmpeg wrote back as its time, speed and end', () => {
    fc.assert(
      fc.property(block, (b) => {
        expect(parseProgressBlock(written(b))).toEqual({
          outTimeSeconds: b.outTimeUs / 1e6,
          speed: Number.isNaN(b.speed) ? null : b.speed,
          done: b.done,
        });
      }),
      fuzzParameters(),
    );
  });

  it('finds the same blocks however the pipe cuts the stream', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (blocks, cuts) => {
        const stream = blocks.map(written).join('');
        const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => stream.slice(start, [...at, stream.length][i]));
        let buffer = '';
        const found: string[] = [];
        for (const piece of pieces) {
          const taken = takeProgressBlocks(buffer + piece);
          found.push(...taken.blocks);
          buffer = taken.rest;
        }
        expect(found).toEqual(blocks.map(written));
        expect(buffer).toBe('');
      }),
      fuzzParameters(),
    );
  });

  it('reads any text into a progress that is a number and a percentage from 0 to 100', () => {
    const lines = fc.array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc
          .tuple(
            fc.constantFrom('out_time_us', 'out_time_ms', 'out_time', 'speed', 'progress', 'frame'),
            fc.oneof(printed, fc.stringMatching(/^\d{1,30}:\d{1,3}:\d{1,3}(\.\d{1,6})?$/)),
          )
          .map(([k, v]) => `${k}=${v}`),
      ),
      { maxLength: 8 },
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      lines.map((l) => l.join('\n')),
    );
    fc.assert(
      fc.property(text, fc.double(), (given, duration) => {
        const { blocks } = withinBudget('takeProgressBlocks', () => takeProgressBlocks(given));
        for (const one of [...blocks, given]) {
          const progress = withinBudget('parseProgressBlock', () => parseProgressBlock(one));
          if (progress === null) continue;
          expect(progress.outTimeSeconds).toBeGreaterThanOrEqual(0);
          const percent = progressPercent(progress, duration);
          expect(percent >= 0 && percent <= 100).toBe(true);
        }
      }),
      fuzzParameters(),
    );
  });
});

describe("fuzzing ffmpeg's own version and encoder lists", () => {
  it('reads any text without throwing', () => {
    const banner = fc
      .tuple(fc.constantFrom('ffmpeg', 'ffprobe'), fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }))
      .map(([tool, version, rest]) => `${tool} version ${version}\nlibavformat  ${rest}\n ------\n V..... ${rest}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), banner), (text) => {
        const version = withinBudget('parseVersion', () => parseVersion(text, 'ffmpeg'));
        if (version !== null) expect(version.raw).not.toBe('');
        withinBudget('parseEncoders', () => parseEncoders(text));
        withinBudget('parseMuxerOptions', () => parseMuxerOptions(text));
      }),
      fuzzParameters(),
    );
  });
});
