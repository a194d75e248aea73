/**
 * Publishes a transcode while it runs: follows what ffmpeg's dash muxer writes into the attempt's
 * folder and keeps `library/<uid>.live/manifest/` a playable picture of it. ffmpeg renames each
 * segment into place when it is complete and only then lists it, so every segment a playlist
 * names is whole; it is hard-linked (copied where links cannot be made) into the live folder
 * before any playlist there names it, and the master is written last, once every rendition has
 * its first segment: a player that finds the master finds everything it names.
 *
 * Ferry writes the live playlists itself (live-playlists.ts): they never carry ENDLIST, so a
 * crash leaves nothing that claims to be complete. The finished folder replaces them at publish.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { completeHevcCodecs, hevcCodecString } from './hevc-codec-string';
import { isDynamicMpd, liveMaster, livePlaylist, playlistFiles } from './live-playlists';
import type { LadderPlan } from './plan-ladder';

export interface LivePublisherOptions {
  /** Where ffmpeg writes (the attempt's manifest folder). */
  from: string;
  /** Where players are served from while it runs. */
  to: string;
  plan: LadderPlan;
  /** Once, when every rendition has its first segment in the live folder. */
  onPlayable: () => void;
  /** How often ffmpeg's folder is looked at; a segment lasts seconds, so a fraction of one is plenty. */
  intervalMs?: number;
  /** A failure to publish live is not the transcode's failure: it is reported (the first), and the transcode goes on. */
  onProblem: (error: Error) => void;
}

export interface LivePublisher {
  /**
   * Stops following (waiting for a look in progress); the live folder stays until the caller
   * removes it. `lastLook`: once more first, so that the segments ffmpeg wrote last play too while
   * the MP4, thumbnail and storyboard are made (still without ENDLIST: the finished folder says that).
   */
  stop(options?: { lastLook?: boolean }): Promise<void>;
}

export const masterName = 'video.m3u8';
export const mpdName = 'video.mpd';

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Readers never see half a file: written beside, then renamed over. */
async function writeWhole(file: string, text: string): Promise<void> {
  await fs.writeFile(`${file}.tmp`, text);
  await fs.rename(`${file}.tmp`, file);
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // File systems without hard links (FAT, some network shares) get a copy.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') await fs.copyFile(source, target);
    else throw error;
  }
}

async function fullCodecs(folder: string, files: Set<string>): Promise<Map<number, string>> {
  const codecs = new Map<number, string>();
  for (const file of files) {
    const index = /^init-(\d+)\.m4s$/.exec(file)?.[1];
    const full = index && hevcCodecString(await fs.readFile(path.join(folder, file)));
    if (index && full) codecs.set(Number(index), full);
  }
  return codecs;
}

export function startLivePublisher(options: LivePublisherOptions): LivePublisher {
  const playlistNames = Array.from(
    { length: options.plan.rungs.length + (options.plan.audio ? 1 : 0) },
    (_, i) => `media_${i}.m3u8`,
  );
  const linked = new Set<string>();
  const written = new Map<string, string>();
  let playable = false;
  /** Each HEVC rendition's full codec string, from its init segment (complete-codec-strings.ts does it at the end). */
  let codecs: Map<number, string> | undefined;
  let reported = false;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const publish = async (name: string, text: string) => {
    if (written.get(name) === text) return;
    await writeWhole(path.join(options.to, name), text);
    written.set(name, text);
  };

  const look = async () => {
    // The MPD first: the playlists read after it name at least the segments it counts.
    const mpd = await readIfThere(path.join(options.from, mpdName));
    const master = await readIfThere(path.join(options.from, 'master.m3u8'));
    const playlists = await Promise.all(playlistNames.map((name) => readIfThere(path.join(options.from, name))));
    if (playlists.every((p) => p === undefined)) return;
    await fs.mkdir(options.to, { recursive: true });
    let everyOneStarted = true;
    for (const [i, text] of playlists.entries()) {
      const files = text === undefined ? undefined : playlistFiles(text);
      if (!text || !files || files.segments.length === 0) {
        everyOneStarted = false;
        continue;
      }
      for (const file of [files.init, ...files.segments]) {
        if (file === undefined || linked.has(file)) continue;
        await linkOrCopy(path.join(options.from, file), path.join(options.to, file));
        linked.add(file);
      }
      await publish(playlistNames[i] as string, livePlaylist(text));
    }
    if (!everyOneStarted) return;
    codecs ??= await fullCodecs(options.to, linked);
    const complete = (text: { master: string; mpd: string }) =>
      codecs?.size ? completeHevcCodecs(text, codecs) : text;
    if (mpd && isDynamicMpd(mpd)) await publish(mpdName, complete({ master: '', mpd }).mpd);
    if (!playable && master) {
      await publish(masterName, complete({ master: liveMaster(master, options.plan), mpd: '' }).master);
      playable = true;
      options.onPlayable();
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = look()
        .catch((error: unknown) => {
          // Once: the same trouble would otherwise be told five times a second.
          if (!reported) options.onProblem(error as Error);
          reported = true;
        })
        .finally(schedule);
    }, options.intervalMs ?? 200);
  };
  schedule();

  return {
    async stop({ lastLook = false } = {}) {
      const wasStopped = stopped;
      stopped = true;
      clearTimeout(timer);
      await running;
      if (lastLook && !wasStopped) await look().catch((error: unknown) => options.onProblem(error as Error));
    },
  };
}
