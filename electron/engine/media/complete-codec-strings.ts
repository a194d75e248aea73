/** Gives ffmpeg's master playlist and MPD the full codec string of each HEVC rendition (hevc-codec-string.ts). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { completeHevcCodecs, hevcCodecString } from './hevc-codec-string';

export async function completeCodecStrings(manifestDir: string, mpdName = 'video.mpd'): Promise<void> {
  const codecs = new Map<number, string>();
  for (const name of await fs.readdir(manifestDir)) {
    const index = /^init-(\d+)\.m4s$/.exec(name);
    if (!index) continue;
    const full = hevcCodecString(await fs.readFile(path.join(manifestDir, name)));
    if (full) codecs.set(Number(index[1]), full);
  }
  if (codecs.size === 0) return;
  const masterPath = path.join(manifestDir, 'master.m3u8');
  const mpdPath = path.join(manifestDir, mpdName);
  const done = completeHevcCodecs(
    { master: await fs.readFile(masterPath, 'utf8'), mpd: await fs.readFile(mpdPath, 'utf8') },
    codecs,
  );
  await fs.writeFile(masterPath, done.master);
  await fs.writeFile(mpdPath, done.mpd);
}
