/**
 * Why a video failed and what fixes it: the plain explanation of its code, the engine's own
 * sentence, whether the header's Retry can work, ffmpeg's last words when it was ffmpeg, and a
 * longer limit for a video that is too long. Retry itself stays in the header, in one place.
 */
import { useState } from 'react';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { useCopy } from '../../app/use-copy';
import { errorHelp, retryWarning } from './error-help';

function AllowLonger({ video }: { video: Video }) {
  const { api, report } = useApp();
  // The video's length when known, so the suggested limit lets it through.
  const [seconds, setSeconds] = useState(String(Math.ceil(Math.max(video.duration, video.maxDurationSeconds, 1)) + 1));
  const uids = [video.uid];
  return (
    <form
      className="video-fix"
      onSubmit={(event) => {
        event.preventDefault();
        api
          .edit({ uid: video.uid, changes: { maxDurationSeconds: Number(seconds) } })
          .then(() => api.retry({ uids }))
          .catch(report);
      }}
    >
      <label>
        Longest allowed, in seconds{' '}
        <input type="number" min={1} step={1} required value={seconds} onChange={(e) => setSeconds(e.target.value)} />
      </label>
      <button type="submit">Allow and retry</button>
    </form>
  );
}

export function ErrorPanel({ video, tail }: { video: Video; tail: string | null }) {
  const copy = useCopy();
  const help = errorHelp(video.status.errorReasonCode);
  const warning = retryWarning(video.status.errorReasonCode);
  return (
    <section className="video-section failure-panel" aria-labelledby="video-error-heading">
      <h3 id="video-error-heading">What went wrong</h3>
      <p className="failure-what">{help.what}</p>
      {video.status.errorReasonText && <p>{video.status.errorReasonText}</p>}
      <p>
        <strong>What to do:</strong> {help.fix}
      </p>
      {warning && <p className="retry-warning">{warning}</p>}
      {help.allowLonger && <AllowLonger video={video} />}
      {tail && (
        <div className="ffmpeg-log">
          <div className="ffmpeg-log-heading">
            <h4 id="ffmpeg-log-heading">ffmpeg&apos;s last lines</h4>
            <button type="button" onClick={() => copy(tail, 'ffmpeg log copied.')}>
              Copy log
            </button>
          </div>
          <pre tabIndex={0} aria-labelledby="ffmpeg-log-heading">
            {tail}
          </pre>
        </div>
      )}
    </section>
  );
}
