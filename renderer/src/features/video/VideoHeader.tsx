/**
 * The video's name (renamed in place: EditableTitle.tsx), state and progress, and what can be
 * done to it: the queue row's actions, with removing confirmed first. Progress has a place of its
 * own whatever the state, so nothing moves while it updates.
 */
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { useCopy } from '../../app/use-copy';
import { navigate } from '../../app/route';
import { actionLabels, actionsFor, stateLabels, videoTitle } from '../queue/video-text';
import { EditableTitle } from './EditableTitle';
import { retryWarning } from './error-help';
import { RemoveDialog } from './RemoveDialog';

type Command = 'pause' | 'resume' | 'cancel' | 'retry';

/** Retry is always here, with the other actions, whatever the failure: the help below says whether it can work. */
export function VideoHeader({ video }: { video: Video }) {
  const { api, platform, report, tell } = useApp();
  const copy = useCopy();
  const title = videoTitle(video);
  const uids = [video.uid];
  const { state, pctComplete } = video.status;
  const working = state === 'downloading' || state === 'inprogress';
  const pct = Math.round(pctComplete);
  const commands = actionsFor(state).filter((a): a is Command => a !== 'remove' && a !== 'moveToTop');
  const warning = state === 'error' ? retryWarning(video.status.errorReasonCode) : undefined;
  const remove = (deleteOutputs: boolean) =>
    api
      .remove({ uids, deleteOutputs })
      .then(() => {
        tell(`Removed ${title}.`);
        navigate({ screen: 'queue' });
      })
      .catch(report);

  return (
    <header className="video-header">
      <EditableTitle video={video} title={title} />
      <div className={`video-status state-${state}`}>
        <span className="video-state">{stateLabels[state]}</span>
        <span className="video-pct">{working ? `${pct}%` : ''}</span>
        <progress
          max={100}
          value={working ? pctComplete : state === 'ready' ? 100 : 0}
          aria-label={`${stateLabels[state]}${working ? ` ${pct}%` : ''}`}
          className={working ? undefined : 'idle'}
        />
      </div>
      <div className="video-actions" role="group" aria-label="Actions">
        {commands.map((action) => (
          <button
            key={action}
            type="button"
            title={action === 'retry' ? warning : undefined}
            onClick={() => api[action]({ uids }).catch(report)}
          >
            {actionLabels[action]}
          </button>
        ))}
        {video.source.url && (
          <button type="button" onClick={() => copy(video.source.url ?? '', 'Link copied.')}>
            Copy link
          </button>
        )}
        {platform.canOpenFolder && (
          <button type="button" onClick={() => platform.openFolder(video.uid).catch(report)}>
            Open folder
          </button>
        )}
        <RemoveDialog title={title} onConfirm={remove} />
      </div>
    </header>
  );
}
