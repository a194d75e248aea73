import type { Video } from '../../../shared/video';
import { VideoRow } from './VideoRow';

export function VideoList({ videos }: { videos: readonly Video[] }) {
  return (
    <ul className="video-list" aria-label="Videos">
      {videos.map((video) => (
        <VideoRow key={video.uid} video={video} />
      ))}
    </ul>
  );
}
