/**
 * The ingest options a sheet offers (the ladder, keeping the original, delivery targets) as the
 * user sets them, and the IngestOptions they become. Pure.
 */
import type { IngestOptions, Settings } from '../../../../shared/api';

/** The heights offered when the user chooses the ladder themself; none is ever upscaled. */
export const ladderHeights = [2160, 1440, 1080, 720, 480, 360, 240] as const;

export interface IngestChoice {
  ladder: 'auto' | number[];
  /** false: keep the original, no ladder. */
  transcode: boolean;
  deliverTo: string[];
}

/** Starts from the settings' default ladder, so an untouched sheet queues as the settings say. */
export function initialChoice(settings: Settings | null): IngestChoice {
  const ladder = settings?.defaults.ladder ?? 'auto';
  return { ladder: ladder === 'auto' ? 'auto' : [...ladder], transcode: true, deliverTo: [] };
}

/** Why the choice cannot be queued, or null. */
export function choiceProblem(choice: IngestChoice): string | null {
  if (choice.transcode && choice.ladder !== 'auto' && choice.ladder.length === 0)
    return 'Choose at least one height, or Automatic.';
  return null;
}

export function ingestOptions(choice: IngestChoice): IngestOptions {
  const options: IngestOptions = choice.transcode
    ? { ladder: choice.ladder === 'auto' ? 'auto' : [...choice.ladder].sort((a, b) => b - a) }
    : { transcode: false };
  if (choice.deliverTo.length > 0) options.deliverTo = [...choice.deliverTo];
  return options;
}

export function toggleHeight(ladder: 'auto' | number[], height: number): number[] {
  const heights = ladder === 'auto' ? [] : ladder;
  return heights.includes(height) ? heights.filter((h) => h !== height) : [...heights, height];
}
