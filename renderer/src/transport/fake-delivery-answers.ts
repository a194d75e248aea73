/**
 * The fake engine's `deliver`, `shareLinks` and `edit`, as the engine answers them (deliver-videos.ts,
 * share-links.ts, edit-video.ts), over the fake transport's world: what the video page's tests need.
 */
import type { CommandInput, CommandOutput, FerryEvents, Selection } from '../../../shared/api';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import { embedSnippets, mediaUrls } from '../../../shared/share-links';
import type { Delivery, Video } from '../../../shared/video';

interface World {
  videos: Video[];
  targets: DeliveryTarget[];
  emit<E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]): void;
}

/** Where the fake's server would be: the answers of a `ferry serve` caller. */
export const fakeServerUrl = 'http://127.0.0.1:8787';

const picked = (world: World, selection: Selection) =>
  'all' in selection ? world.videos : world.videos.filter((v) => selection.uids.includes(v.uid));

function replace(world: World, next: Video): Video {
  world.videos = world.videos.map((v) => (v.uid === next.uid ? next : v));
  world.emit('videos', [next]);
  return next;
}

export function fakeDeliver(world: World, input: CommandInput<'deliver'>): CommandOutput<'deliver'> {
  for (const id of input.targets)
    if (!world.targets.some((t) => t.id === id)) throw new FerryError('NOT_FOUND', `No delivery target with id ${id}.`);
  const answer = { queued: 0, videos: 0, notReady: 0 };
  for (const video of picked(world, input)) {
    if (video.status.state !== 'ready') {
      answer.notReady++;
      continue;
    }
    const fresh = (target: string): Delivery => ({
      target,
      mode: 'push',
      state: 'queued',
      remoteId: null,
      pctComplete: 0,
    });
    const again = new Set(input.targets);
    let queued = 0;
    const kept = video.deliveries.map((d) => {
      if (!again.delete(d.target) || (d.state !== 'ready' && d.state !== 'error')) return d;
      queued++;
      return fresh(d.target);
    });
    queued += again.size;
    if (queued === 0) continue;
    replace(world, { ...video, deliveries: [...kept, ...[...again].map(fresh)] });
    answer.queued += queued;
    answer.videos++;
  }
  return answer;
}

export function fakeShareLinks(world: World, { uid }: CommandInput<'shareLinks'>): CommandOutput<'shareLinks'> {
  const video = world.videos.find((v) => v.uid === uid);
  if (!video) throw new FerryError('NOT_FOUND', `No video ${uid}.`);
  if (video.status.state !== 'ready')
    return { files: null, urls: null, embed: null, expiresAt: null, why: 'The video is not ready yet.' };
  const outputs = {
    uid,
    playback: video.playback !== null,
    mp4: video.downloads !== null,
    thumbnail: video.thumbnail !== null,
  };
  const urls = mediaUrls(outputs, fakeServerUrl, video.requireSignedURLs ? 'fake-token' : null);
  return { files: null, urls, embed: embedSnippets(uid, urls), expiresAt: null };
}

/** Meta merged, a key given '' removed, as the engine's edit does; the change is told as the engine tells it. */
export function fakeEdit(world: World, { uid, changes }: CommandInput<'edit'>): Video {
  const video = world.videos.find((v) => v.uid === uid);
  if (!video) throw new FerryError('NOT_FOUND', `No video ${uid}.`);
  const meta = Object.fromEntries(
    Object.entries({ ...video.meta, ...changes.meta }).filter(([, value]) => value !== ''),
  );
  const trim = changes.trim === undefined ? video.trim : changes.trim;
  return replace(world, { ...video, meta, trim, modified: new Date().toISOString() });
}
