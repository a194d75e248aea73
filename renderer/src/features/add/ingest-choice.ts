/**
 * The ingest options a sheet offers (the ladder, keeping the original, delivery targets) as the
 * user sets them, and the IngestOptions they become. Pure.
 */
import type { IngestOptions, Settings } from '../../../../shared/api';
import type { QualityPreset, VideoCodec } from '../../../../shared/transcode-presets';

export interface IngestChoice {
  ladder: 'auto' | number[];
  /** false: keep the original, no ladder. */
  transcode: boolean;
  /** Absent: the settings' at transcode time. */
  preset?: QualityPreset;
  codec?: VideoCodec;
  deliverTo: string[];
  /** The settings' targets for every finished video, ticked at first; sent only once the user changes them. */
  defaultDeliverTo?: string[];
}

/** Starts from the settings' default ladder and targets, so an untouched sheet queues as the settings say. */
export function initialChoice(settings: Settings | null): IngestChoice {
  const ladder = settings?.defaults.ladder ?? 'auto';
  const deliverTo = settings?.delivery.deliverTo ?? [];
  return {
    ladder: ladder === 'auto' ? 'auto' : [...ladder],
    transcode: true,
    deliverTo: [...deliverTo],
    defaultDeliverTo: [...deliverTo],
  };
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
  if (choice.transcode && choice.preset) options.preset = choice.preset;
  if (choice.transcode && choice.codec) options.codec = choice.codec;
  // Left out while it is the settings' own list, so the engine applies that list less any target removed since;
  // changed, it is sent even empty (an empty list delivers nowhere).
  const defaults = choice.defaultDeliverTo ?? [];
  const changed = choice.deliverTo.length !== defaults.length || choice.deliverTo.some((id) => !defaults.includes(id));
  if (changed) options.deliverTo = [...choice.deliverTo];
  return options;
}

export function toggleHeight(ladder: 'auto' | number[], height: number): number[] {
  const heights = ladder === 'auto' ? [] : ladder;
  return heights.includes(height) ? heights.filter((h) => h !== height) : [...heights, height];
}
