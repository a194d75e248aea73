/**
 * The queue's state, above the list, with its undo: paused ("Resume"), stopping after the
 * current videos ("Keep going", which clears the switch), paused by a full disk (the engine's
 * words on where, how much and what to do, then Resume), or short of disk (what to do about it), or holding downloads until the download hours open (where to change them). "Pause all"
 * used to show only as grey footer text while the rows still said "Queued". Nothing is rendered
 * while the queue runs freely.
 */
import { useStore } from 'zustand';
import type { QueueControl } from '../../../../shared/api';
import { formatBytes } from '../../../../shared/format-units';
import { routeHref } from '../../app/route';
import { useQueue } from './queue-context';
import './queue-state.css';

type Held = 'diskFull' | 'paused' | 'stopping' | 'lowDisk' | 'hours' | null;

function heldBy(queue: QueueControl | undefined): Held {
  if (!queue) return null;
  // A full disk pauses the queue; what to do about the disk comes before "paused".
  if (queue.disk?.kind === 'full') return 'diskFull';
  if (queue.paused) return 'paused';
  if (queue.lowDiskSpace) return 'lowDisk';
  if (queue.stopAfterCurrent) return 'stopping';
  if (queue.downloadsWaitUntil) return 'hours';
  return null;
}

export function QueueStateBanner() {
  const { api, store, report } = useQueue();
  // One word, not the totals' object: that is new with every batch of progress.
  const held = useStore(store, (s) => heldBy(s.totals?.queue));
  const lowDisk = useStore(store, (s) => s.totals?.queue.lowDiskSpace ?? false);
  const opensAt = useStore(store, (s) => s.totals?.queue.downloadsWaitUntil);
  // Strings, not the notice's object: a new totals object arrives with every batch of progress.
  const diskFolder = useStore(store, (s) => s.totals?.queue.disk?.dataDir);
  const diskFree = useStore(store, (s) => s.totals?.queue.disk?.freeBytes);
  const diskNeeded = useStore(store, (s) => s.totals?.queue.disk?.neededBytes);
  if (!held) return null;
  const resume = () => void api.resumeQueue().catch(report);
  return (
    <div className={`queue-state queue-state-${held}`} role="status">
      {held === 'diskFull' && (
        <>
          <p>
            <strong>Paused: the disk is full</strong> — {diskFolder} has {formatBytes(diskFree ?? 0)} free and the work
            needs about {formatBytes(diskNeeded ?? 0)}. Nothing was lost: free some space or move the library in{' '}
            <a href={routeHref({ screen: 'settings' })}>Settings</a>, then resume.
          </p>
          <button type="button" onClick={resume}>
            Resume
          </button>
        </>
      )}
      {held === 'paused' && (
        <>
          <p>
            <strong>Queue paused</strong> — nothing new starts.
            {lowDisk && ' The disk is almost full too: free some space before resuming.'}
          </p>
          <button type="button" onClick={resume}>
            Resume
          </button>
        </>
      )}
      {held === 'stopping' && (
        <>
          <p>
            <strong>Stops after the current videos</strong> — nothing new starts, then the queue pauses.
          </p>
          <button type="button" onClick={resume}>
            Keep going
          </button>
        </>
      )}
      {held === 'lowDisk' && (
        <p>
          <strong>Paused: the disk is almost full</strong> — free some space, or lower the limit in{' '}
          <a href={routeHref({ screen: 'settings' })}>Settings</a>. Ferry goes on by itself when there is room.
        </p>
      )}
      {held === 'hours' && (
        <p>
          <strong>Downloads wait for the download hours</strong> — they start at {opensAt}; transcodes and deliveries go
          on. Change the hours in <a href={routeHref({ screen: 'settings' })}>Settings</a>.
        </p>
      )}
    </div>
  );
}
