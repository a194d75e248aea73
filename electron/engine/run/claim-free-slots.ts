/**
 * Fills the stages' free slots: claims the next videos for each stage up to its limit (downloads
 * also per host, and only the videos under way with "stop after current"), and starts them.
 */
import type { QueueControl } from '../../../shared/api';
import type { EngineContext } from '../context/engine-context';
import type { StageRunner } from '../stages/stage-outcome';
import { freeSlots, hostsAtLimit, type StageLimits, type WorkStage } from './plan-claims';
import type { RunningTasks } from './running-tasks';

export function claimFreeSlots(
  context: EngineContext,
  runners: Partial<Record<WorkStage, StageRunner>>,
  tasks: RunningTasks,
  queue: QueueControl,
): void {
  const limits = stageLimits(context);
  // "Stop after current": the videos under way go on to their end; no other starts.
  const only = queue.stopAfterCurrent ? tasks.underWayUids() : undefined;
  for (const { stage, slots } of freeSlots(limits, tasks.countByStage(), queue)) {
    const run = runners[stage];
    if (!run) continue;
    for (let i = 0; i < slots; i++) {
      const busyHosts =
        stage === 'fetch' ? hostsAtLimit(limits.fetchPerHost, tasks.countByHost(), context.hosts.allowance()) : [];
      const claimed = context.store.claimNext(stage, context.leaseMs, Date.now(), {
        excludeHosts: busyHosts,
        ...(only ? { onlyUids: only } : {}),
        busyUids: tasks.uids(),
      });
      if (!claimed) break;
      tasks.start(stage, run, claimed);
    }
  }
}

function stageLimits(context: EngineContext): StageLimits {
  const { concurrency } = context.settings.get();
  return {
    fetch: concurrency.downloads,
    fetchPerHost: concurrency.downloadsPerHost,
    // ffprobe reads a few frames: cheap next to a transcode, and it keeps the transcoder fed.
    probe: 2,
    transcode: concurrency.transcodes,
    deliver: concurrency.deliveries,
  };
}
