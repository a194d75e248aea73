/**
 * A video's page (`#/video/<uid>`, `/play` to start its player): its header and actions, the player
 * once it plays (while it is still encoded, or ready), why it
 * failed and how to fix it, its download's speed, what to take away from it, its details, its deliveries and its history. Kept live by use-video.ts.
 */
import type { Video } from '../../../../shared/video';
import { parseRoute, useLocationHash } from '../../app/route';
import { DeliveriesSection } from './DeliveriesSection';
import { ErrorPanel } from './ErrorPanel';
import { HistoryList } from './HistoryList';
import { SpeedGraph } from './SpeedGraph';
import { UseThisVideo } from './UseThisVideo';
import { useVideo, type History } from './use-video';
import { VideoDetails } from './VideoDetails';
import { VideoHeader } from './VideoHeader';
import { VideoPlayer } from './VideoPlayer';
import { ffmpegTail } from './video-facts';
import './video-screen.css';

function Page({ video, history }: { video: Video; history: History }) {
  // Opened with Play (the queue row's): the player starts by itself.
  const route = parseRoute(useLocationHash());
  const play = route.screen === 'video' && route.play === true;
  const failed = video.status.state === 'error';
  return (
    <>
      <VideoHeader video={video} />
      {failed && <ErrorPanel video={video} tail={ffmpegTail(history.events)} />}
      <SpeedGraph video={video} />
      {video.playback ? (
        <VideoPlayer video={video} autoPlay={play} />
      ) : (
        <p className="muted video-no-player">
          {video.outputsDeletedAt
            ? 'The outputs of this video were deleted, so there is nothing to play.'
            : failed
              ? 'Nothing to play: the video failed before it was made.'
              : 'The player appears here as soon as the first seconds are encoded.'}
        </p>
      )}
      {video.status.state === 'ready' && !video.outputsDeletedAt && <UseThisVideo video={video} />}
      <VideoDetails video={video} />
      <DeliveriesSection video={video} />
      <HistoryList history={history} />
    </>
  );
}

export function VideoScreen({ uid }: { uid: string }) {
  const { load, history } = useVideo(uid);
  return (
    <main className="screen video-screen">
      <a href="#/" className="video-back">
        <span aria-hidden="true">← </span>Back to the queue
      </a>
      {load.status === 'loading' && <p className="muted">Loading the video…</p>}
      {load.status === 'missing' && (
        <div role="alert">
          <h2>{load.removed ? 'This video was removed' : 'No such video'}</h2>
          <p>
            {load.removed
              ? 'It is no longer in the queue.'
              : 'There is no video with this address: it may have been removed, or the link is mistyped.'}{' '}
            <a href="#/">See the videos in the queue</a>.
          </p>
        </div>
      )}
      {load.status === 'failed' && (
        <p role="alert" className="page-problem">
          The video could not be loaded: {load.message} Go back to the queue and open it again.
        </p>
      )}
      {load.status === 'ready' && <Page video={load.video} history={history} />}
    </main>
  );
}
