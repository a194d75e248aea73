/** The queue as a whole, for the UI's summary and `ferry list`: counts, speed, time left, the batch and switches. */
import type { QueueBatch, QueueControl, QueueTotals } from '../../../shared/api';
import type { VideoState } from '../../../shared/video-states';
import type { EngineContext } from '../context/engine-context';
import { downloadHoursVerdict, minuteOfDay } from './download-hours';
import type { DownloadSpeed, DownloadSums, WorkSums } from '../store/queue-work';
import { queueAcceptsWork } from './plan-claims';
import { estimateQueueSeconds } from './queue-estimate';
import { lastFreeBytes } from '../housekeeping/run-housekeeping';
import { lowDiskNotice } from './disk-full';
import { freeBytesNow } from '../store/database-disk-full';

export function queueControl(context: EngineContext, now = new Date()): QueueControl {
  const settings = context.settings.get();
  const hours = downloadHoursVerdict(settings.download.hours, minuteOfDay(now));
  const switches = context.control.switches();
  const low = lowDisk(context, settings.minFreeDiskBytes);
  const disk =
    switches.disk ?? (low ? lowDiskNotice(context.paths.dataDir, low.freeBytes, settings.minFreeDiskBytes) : undefined);
  return {
    ...switches,
    lowDiskSpace: low !== undefined,
    ...(disk ? { disk } : {}),
    ...(hours.open ? {} : { downloadsWaitUntil: hours.opensAt }),
  };
}

/**
 * Free space under the guard, as the run measured it; in a process that does not run the queue
 * (`ferry status`), measured now, so that it tells what the runner sees.
 */
function lowDisk(context: EngineContext, keepFreeBytes: number): { freeBytes: number } | undefined {
  const measured = lastFreeBytes(context);
  if (measured !== undefined) return context.lowDiskSpace ? { freeBytes: measured } : undefined;
  const freeBytes = freeBytesNow(context.paths.dataDir);
  return freeBytes >= 0 && freeBytes < keepFreeBytes ? { freeBytes } : undefined;
}

export function queueTotals(context: EngineContext): QueueTotals {
  const byState = context.store.countByState();
  const queue = queueControl(context);
  const sums = workSums(context, byState, queue.stopAfterCurrent);
  const working = byState.downloading + byState.inprogress > 0;
  // One read gives both the queue's speed and one download's, for the time left.
  const speed = context.work.downloadSpeed();
  return {
    byState,
    total: Object.values(byState).reduce((a, b) => a + b, 0),
    bytesPerSecond: speed.total,
    etaSeconds: queueEtaSeconds(
      context,
      sums,
      speed,
      working && queueAcceptsWork(queue),
      queue.downloadsWaitUntil !== undefined,
    ),
    batch: sums.batch,
    queue,
  };
}

interface Sums {
  downloads: DownloadSums;
  transcodes: WorkSums;
  batch: QueueBatch;
}

interface Snapshot {
  at: number;
  key: string;
  sums: Sums;
}

/**
 * The sums read every row of the queue (a JSON field each): 20,000 queued links cost ~100 ms on
 * a loaded 2-core machine, and totals go out ten times a second while anything downloads. They
 * are read again when a video changed state (or the switches), and otherwise once a second.
 */
const refreshMs = 1000;
const snapshots = new WeakMap<EngineContext, Snapshot>();

function workSums(context: EngineContext, byState: Record<VideoState, number>, onlyWorking: boolean): Sums {
  const key = JSON.stringify([byState, onlyWorking]);
  const now = Date.now();
  const last = snapshots.get(context);
  if (last && last.key === key && now - last.at < refreshMs) return last.sums;
  const { work, batch } = context;
  const sums = {
    downloads: work.downloads(onlyWorking),
    transcodes: work.transcodes(onlyWorking),
    batch: batch.current(),
  };
  snapshots.set(context, { at: now, key, sums });
  return sums;
}

/** The time left of the work that will run, at the rates measured now (or last); -1 when nothing runs. */
function queueEtaSeconds(
  context: EngineContext,
  sums: Sums,
  speed: DownloadSpeed,
  running: boolean,
  downloadsWait: boolean,
): number {
  if (!running) return -1;
  const { rates } = context;
  rates.noteDownloadRate(speed.count > 0 ? speed.total / speed.count : 0);
  const { concurrency } = context.settings.get();
  const { hosts, ...downloads } = sums.downloads;
  return estimateQueueSeconds({
    running,
    downloadsWait,
    downloads: {
      ...downloads,
      rate: rates.downloadRate(),
      slots: Math.min(concurrency.downloads, concurrency.downloadsPerHost * hosts),
    },
    transcodes: { ...sums.transcodes, rate: rates.transcodeRate(), slots: concurrency.transcodes },
  });
}
