import type { Video } from '../../../shared/video';

const stateLabels: Record<Video['status']['state'], string> = {
  queued: 'Queued',
  downloading: 'Downloading',
  inprogress: 'Processing',
  ready: 'Ready',
  error: 'Failed',
  paused: 'Paused',
  canceled: 'Canceled',
};

function title(video: Video): string {
  return video.meta.name || video.source.url || video.source.path || video.uid;
}

export function VideoRow({ video }: { video: Video }) {
  const { state, pctComplete, errorReasonText } = video.status;
  const working = state === 'downloading' || state === 'inprogress';
  return (
    <li className={`video-row state-${state}`} data-uid={video.uid}>
      <span className="video-name" title={title(video)}>
        {title(video)}
      </span>
      <span className="video-state">{stateLabels[state]}</span>
      {working && (
        <progress max={100} value={pctComplete} aria-label={`${stateLabels[state]} ${Math.round(pctComplete)}%`} />
      )}
      {state === 'error' && errorReasonText && <span className="video-error">{errorReasonText}</span>}
    </li>
  );
}
