/**
 * Every video the engine lists in a state (or every video), a page at a time: for an action on
 * all of them ("Retry all", "Clear failed", a selection of everything) where only some rows are
 * loaded. Bounded: a page of 1,000 at most a thousand times.
 */
import type { FerryApi } from '../../../../shared/api';
import type { Video } from '../../../../shared/video';
import type { VideoState } from '../../../../shared/video-states';

const pageSize = 1000;
const maxPages = 1000;

export async function listAll(api: FerryApi, state?: VideoState): Promise<Video[]> {
  // By uid: a video that moved between two pages is counted once.
  const videos = new Map<string, Video>();
  for (let page = 0; page < maxPages; page++) {
    const answer = await api.list({ ...(state ? { state } : {}), offset: page * pageSize, limit: pageSize });
    answer.videos.forEach((video) => videos.set(video.uid, video));
    if (answer.videos.length < pageSize || (page + 1) * pageSize >= answer.total) break;
  }
  return [...videos.values()];
}
