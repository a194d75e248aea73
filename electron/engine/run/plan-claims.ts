/**
 * The scheduler's decisions, pure: how many videos each stage may take now, and which hosts'
 * links must wait. Stages have their own limits so that downloads go on while a transcode runs;
 * nearer-to-done stages are served first, so a probed video is not held up by new downloads.
 */
import type { QueueControl } from '../../../shared/api';
import type { WorkStage } from '../stages/stage-outcome';

export type { WorkStage } from '../stages/stage-outcome';

export interface StageLimits {
  fetch: number;
  fetchPerHost: number;
  probe: number;
  transcode: number;
  deliver: number;
}

/** Claim order: finish what is nearest to done first. */
export const claimOrder: readonly WorkStage[] = ['deliver', 'transcode', 'probe', 'fetch'];

/**
 * Whether the queue may start work at all. With "stop after current" it may, but only on the
 * videos already under way (the scheduler narrows its claims to those).
 */
export function queueAcceptsWork(queue: QueueControl): boolean {
  return !queue.paused && !queue.lowDiskSpace;
}

/** Free slots per stage, in claim order; stages without a free slot are left out, and downloads outside the download hours. */
export function freeSlots(
  limits: StageLimits,
  running: Readonly<Partial<Record<WorkStage, number>>>,
  queue: QueueControl,
): { stage: WorkStage; slots: number }[] {
  if (!queueAcceptsWork(queue)) return [];
  return claimOrder
    .map((stage) => ({ stage, slots: limits[stage] - (running[stage] ?? 0) }))
    .filter((s) => s.slots > 0 && !(s.stage === 'fetch' && queue.downloadsWaitUntil !== undefined));
}

/**
 * Hosts whose links may not start downloading now: those with as many downloads running as the
 * per-host limit allows, or as a host that asked us to slow down allows (`allowance`).
 */
export function hostsAtLimit(
  perHost: number,
  runningByHost: ReadonlyMap<string, number>,
  allowance: ReadonlyMap<string, number>,
): string[] {
  const hosts = new Set<string>();
  for (const [host, allowed] of allowance) if ((runningByHost.get(host) ?? 0) >= allowed) hosts.add(host);
  for (const [host, count] of runningByHost) if (count >= perHost) hosts.add(host);
  return [...hosts];
}
