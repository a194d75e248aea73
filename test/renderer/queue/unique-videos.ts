/**
 * `count` queued videos named video-0 … video-(count-1), each with a uid of its own. The shared
 * manyVideos pads its ids to 32 characters, so v1, v10 and v100 get the same uid: an engine never
 * lists one uid twice, so a list of thousands is made here with uids from the index.
 */
import type { Video } from '../../../shared/video';
import { manyVideos } from '../support/videos';

export function uniqueVideos(count: number): Video[] {
  return manyVideos(count).map((video, i) => ({ ...video, uid: i.toString(16).padStart(32, '0') }));
}
