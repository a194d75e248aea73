/**
 * Real ffmpeg: the per-title analysis on a slide-like and a high-motion source, and HEVC and AV1
 * ladders whose manifests declare the codecs ffprobe finds in their segments.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMediaTools } from '../../../electron/engine/media/find-media-tools';
import { measureTitleSample, minAnalysedSeconds } from '../../../electron/engine/media/measure-title-sample';
import { planLadder } from '../../../electron/engine/media/plan-ladder';
import { planTitleRungs } from '../../../electron/engine/media/plan-title-caps';
import { readProbe } from '../../../electron/engine/media/read-probe';
import { transcodeVideo } from '../../../electron/engine/media/transcode-video';
import type { MediaInfo } from '../../../shared/media-info';
import type { VideoCodec } from '../../../shared/transcode-presets';
import { dashFiles, hlsMaster, joinSegments } from '../../helpers/inspect-outputs';
import * as make from '../../helpers/media-fixtures';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-title-'));
const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
let encoders: string[] = [];

/** Slides: a still page of text and a box, a new page every 5 seconds. */
async function slides(seconds: number): Promise<string> {
  const out = path.join(dir, `slides-${seconds}.mp4`);
  const page = 'floor(t/5)';
  await make.ff([
    ...['-f', 'lavfi', '-i', `color=c=white:s=640x360:r=30:d=${seconds}`],
    '-vf',
    `drawtext=text='Slide %{eif\\:${page}+1\\:d}':fontsize=40:x=40:y=30:fontcolor=black,` +
      `drawbox=x=40:y=120:w=200+mod(${page}*90\\,300):h=120:color=0x3366cc:t=fill`,
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out],
  ]);
  return out;
}

/** High motion: testsrc2 with fresh noise in every frame. */
async function motion(seconds: number): Promise<string> {
  const out = path.join(dir, `motion-${seconds}.mp4`);
  await make.ff([
    ...['-f', 'lavfi', '-i', `testsrc2=s=640x360:r=30:d=${seconds},noise=alls=20:allf=t`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '16', '-pix_fmt', 'yuv420p', out],
  ]);
  return out;
}

beforeAll(async () => {
  encoders = (await findMediaTools()).ffmpeg.capabilities?.encoders ?? [];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the per-title analysis', () => {
  const sample = (source: string, duration: number) =>
    measureTitleSample({
      ffmpeg: make.ffmpeg,
      source,
      formatName: mp4,
      duration,
      width: 640,
      height: 360,
      frameRate: '30/1',
      crf: 22,
    });

  it('gives a slide deck far fewer bits than a high-motion video at every rung', async () => {
    const still = await sample(await slides(minAnalysedSeconds), minAnalysedSeconds);
    const moving = await sample(await motion(minAnalysedSeconds), minAnalysedSeconds);
    expect(still && moving).toBeTruthy();
    expect(still!.kbps * 5).toBeLessThan(moving!.kbps);
    const rungs = planLadder({ width: 1920, height: 1080, fps: 30, frameRate: '30/1', hasAudio: false }).rungs;
    const stillRungs = planTitleRungs(rungs, 'h264', still);
    const movingRungs = planTitleRungs(rungs, 'h264', moving);
    stillRungs.forEach((rung, i) => expect(rung.capKbps).toBeLessThan(movingRungs[i]!.capKbps));
    // The slides are easy: near-transparent quality costs them little.
    expect(stillRungs.every((rung) => rung.crfDrop > 0)).toBe(true);
    expect(movingRungs.every((rung) => rung.crfDrop === 0)).toBe(true);
  }, 60_000);

  it('is skipped for a source too short for it to pay', async () => {
    expect(await sample(await slides(4), 4)).toBeNull();
  });
});

async function info(source: string): Promise<MediaInfo> {
  const { stdout } = await run(make.ffprobe, ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', source]);
  const probed = readProbe(JSON.parse(stdout) as Parameters<typeof readProbe>[0]);
  if (!('info' in probed)) throw new Error(`The fixture ${source} did not probe.`);
  return probed.info;
}

/** The codec string a player expects, built from what ffprobe reads in the segments. */
function expectedCodecs(stream: { codec_name: string; codec_tag_string: string; profile: string; level: number }) {
  if (stream.codec_name === 'hevc') return `${stream.codec_tag_string}.1.6.L${stream.level}.`;
  if (stream.codec_name === 'av1') return `av01.0.${String(stream.level).padStart(2, '0')}M.08`;
  return `avc1.6400${stream.level.toString(16).padStart(2, '0')}`;
}

describe.each(['hevc', 'av1'] as const)('a %s ladder', (codec: VideoCodec) => {
  it("declares in its HLS master and MPD the codec of each rendition's segments, H.264 kept for other players", async (ctx) => {
    if (codec === 'av1' && !encoders.includes('libsvtav1')) ctx.skip();
    const source = await make.landscape1080(dir, 2);
    const outputDir = path.join(dir, `library-${codec}`, 'uid');
    const result = await transcodeVideo({
      ffmpeg: make.ffmpeg,
      ffprobe: make.ffprobe,
      source,
      info: await info(source),
      ladder: [720, 360],
      encoding: { choice: { ladder: 'per-title', preset: 'fast', codec }, encoders },
      thumbnailTimestampPct: 0,
      watermark: null,
      outputDir,
    });
    const manifest = path.dirname(result.playback.hls);
    const master = hlsMaster(fs.readFileSync(result.playback.hls, 'utf8'));
    const mpd = fs.readFileSync(result.playback.dash, 'utf8');
    const files = dashFiles(mpd);
    const seen: string[] = [];
    for (const variant of master.variants) {
      const id = /media_(\d+)\.m3u8/.exec(variant.uri)?.[1] as string;
      const joined = joinSegments(manifest, files.get(id) ?? [], path.join(dir, `${codec}-${id}.mp4`));
      const { stdout } = await run(make.ffprobe, [
        ...['-v', 'error', '-select_streams', 'v:0', '-of', 'json'],
        ...['-show_entries', 'stream=codec_name,codec_tag_string,profile,level', joined],
      ]);
      const stream = (JSON.parse(stdout) as { streams: Parameters<typeof expectedCodecs>[0][] }).streams[0]!;
      const [video, audio] = variant.codecs.split(',');
      expect(video?.startsWith(expectedCodecs(stream)), `${video} for ${JSON.stringify(stream)}`).toBe(true);
      expect(audio).toBe('mp4a.40.2');
      expect(mpd).toContain(`<Representation id="${id}" mimeType="video/mp4" codecs="${video}"`);
      seen.push(`${stream.codec_name} ${variant.height}p`);
    }
    const name = codec === 'hevc' ? 'hevc' : 'av1';
    expect(seen.sort()).toEqual([`${name} 360p`, `${name} 720p`, 'h264 720p'].sort());
  }, 120_000);
});
