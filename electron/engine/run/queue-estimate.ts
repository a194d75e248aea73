/**
 * The queue's time left, pure: from the work that will actually run (bytes still to download,
 * seconds of media still to transcode) at the rates measured, with as many at once as the
 * limits allow. Not from time per finished video: a few quick failures made that say 2 hours,
 * then the first long video 21 hours, while the two downloads each said 50 minutes.
 */

/** What one stage still has to do, in its own unit (bytes for downloads, media seconds for transcodes). */
export interface StageWork {
  /** Videos that will go through the stage (running or waiting to). */
  count: number;
  /** Of those, how many have a known amount (size, duration). */
  knownCount: number;
  /** The whole amount of those known, for the mean that stands in for the unknown ones. */
  knownTotal: number;
  /** What is left of those known (a download part-way counts its remaining bytes). */
  knownLeft: number;
  /** The most left of one video: one video goes no faster than its own rate, however many run beside it. */
  largestLeft: number;
  /** Amount per second of one video at the stage, as measured; undefined before any measure. */
  rate: number | undefined;
  /** How many videos of the stage run at once (its limit, per-host limits for downloads). */
  slots: number;
}

export interface QueueEstimateInput {
  /** The queue takes work (not paused, not short of disk) and something is running now. */
  running: boolean;
  /** Outside the download hours: links wait for a time, which no rate says how far off it is. */
  downloadsWait: boolean;
  downloads: StageWork;
  transcodes: StageWork;
}

/** Seconds the stage needs for what is left; undefined when unknown (no rate yet, no amount known). */
export function stageSeconds(work: StageWork): number | undefined {
  if (work.count === 0) return 0;
  if (work.knownCount === 0 || work.rate === undefined || work.rate <= 0) return undefined;
  // A video of unknown size or duration is taken to be like the known ones.
  const unknown = work.count - work.knownCount;
  const mean = work.knownTotal / work.knownCount;
  const left = work.knownLeft + unknown * mean;
  const largest = Math.max(work.largestLeft, unknown > 0 ? mean : 0);
  const slots = Math.max(1, Math.min(work.slots, work.count));
  return Math.max(left / (work.rate * slots), largest / work.rate);
}

/**
 * Seconds until the queue's downloads and transcodes are done; -1 when nothing runs or it cannot
 * be known. Downloads and transcodes run side by side, so the longer of the two counts, and the
 * last download still has one transcode ahead of it. Probes (seconds) and deliveries are left out.
 */
export function estimateQueueSeconds(input: QueueEstimateInput): number {
  const { downloads, transcodes } = input;
  if (!input.running || downloads.count + transcodes.count === 0) return -1;
  if (input.downloadsWait && downloads.count > 0) return -1;
  const fetching = stageSeconds(downloads);
  const transcoding = stageSeconds(transcodes);
  if (fetching === undefined || transcoding === undefined) return -1;
  const lastTranscode =
    downloads.count > 0 && transcodes.count > 0 && transcodes.rate
      ? transcodes.knownTotal / transcodes.knownCount / transcodes.rate
      : 0;
  return Math.round(Math.max(fetching + lastTranscode, transcoding));
}
