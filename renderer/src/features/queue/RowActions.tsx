import type { Video } from '../../../../shared/video';
import { useQueue } from './queue-context';
import { actionLabels, actionsFor, videoTitle, type RowAction } from './video-text';

/** One video's buttons: what its state allows, plus copying its link and opening its folder where the platform can. */
export function RowActions({ video }: { video: Video }) {
  const { api, store, platform, report } = useQueue();
  const title = videoTitle(video);
  const uids = [video.uid];
  const run = (action: RowAction) => {
    // Moving changes the order but no count, so no event would bring the list up to date: ask again.
    const done =
      action === 'moveToTop'
        ? api.moveToTop({ uid: video.uid }).then(() => store.getState().refresh())
        : api[action]({ uids });
    done.catch(report);
  };
  return (
    <div className="row-actions">
      {actionsFor(video.status.state).map((action) => (
        <button key={action} type="button" aria-label={`${actionLabels[action]} ${title}`} onClick={() => run(action)}>
          {actionLabels[action]}
        </button>
      ))}
      {video.source.url && (
        <button
          type="button"
          aria-label={`Copy link of ${title}`}
          onClick={() => platform.copyText(video.source.url ?? '').catch(report)}
        >
          Copy link
        </button>
      )}
      {platform.canOpenFolder && (
        <button
          type="button"
          aria-label={`Open folder of ${title}`}
          onClick={() => platform.openFolder(video.uid).catch(report)}
        >
          Open folder
        </button>
      )}
    </div>
  );
}
