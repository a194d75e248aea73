/**
 * downloads/default.mp4 without a second encode: the top rendition's fMP4 segments (and the
 * audio's) are joined byte for byte behind their init segment, which is itself a valid
 * fragmented MP4, then remuxed with `-c copy -movflags +faststart` so moov comes first.
 * ffmpeg only ever reads local files Ferry wrote; never a playlist.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from './run-ffmpeg';
import { mediaSegments } from './write-hls-master';

async function joinTrack(manifestDir: string, playlist: string, out: string): Promise<void> {
  const text = await fs.readFile(path.join(manifestDir, playlist), 'utf8');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1];
  if (!init) throw new Error(`${playlist} has no init segment.`);
  const handle = await fs.open(out, 'w');
  try {
    for (const file of [init, ...mediaSegments(text).map((s) => s.uri)]) {
      await handle.write(await fs.readFile(path.join(manifestDir, file)));
    }
  } finally {
    await handle.close();
  }
}

export async function deriveMp4(options: {
  ffmpeg: string;
  manifestDir: string;
  videoPlaylist: string;
  audioPlaylist: string | null;
  out: string;
  signal?: AbortSignal;
}): Promise<void> {
  const joinedVideo = `${options.out}.video.mp4`;
  const joinedAudio = `${options.out}.audio.mp4`;
  try {
    await joinTrack(options.manifestDir, options.videoPlaylist, joinedVideo);
    const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'];
    args.push('-protocol_whitelist', 'file', '-format_whitelist', 'mov', '-i', joinedVideo);
    if (options.audioPlaylist) {
      await joinTrack(options.manifestDir, options.audioPlaylist, joinedAudio);
      args.push(
        '-protocol_whitelist',
        'file',
        '-format_whitelist',
        'mov',
        '-i',
        joinedAudio,
        '-map',
        '0:v:0',
        '-map',
        '1:a:0',
      );
    }
    args.push('-c', 'copy', '-movflags', '+faststart', options.out);
    const result = await runFfmpeg({
      ffmpeg: options.ffmpeg,
      args,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.code !== 0)
      throw new Error(`Making the MP4 failed: ${result.stderrTail.trim().split('\n').pop() ?? ''}`);
  } finally {
    await fs.rm(joinedVideo, { force: true });
    await fs.rm(joinedAudio, { force: true });
  }
}
