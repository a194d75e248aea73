/**
 * The Delivery section's draft and patch: the targets every finished video goes to, and the
 * upload limit typed in MiB/s (the unit every speed in Ferry is shown in) sent as bytes a second.
 */
import type { Settings, SettingsPatch } from '../../../../shared/api';
import { readNumber, type Parsed } from './settings-form';

const MiB = 1024 ** 2;
/** The engine's floor (shared/validate-command.ts): 64 KiB a second. */
const leastBytesPerSecond = 64 * 1024;

export interface DeliveryDraft {
  deliverTo: string[];
  /** MiB a second; empty for no limit. */
  limitMiB: string;
}

export function deliveryDraft(settings: Settings): DeliveryDraft {
  const limit = settings.delivery.maxUploadBytesPerSecond;
  return {
    deliverTo: [...settings.delivery.deliverTo],
    limitMiB: limit === null ? '' : String(Math.round((limit / MiB) * 1000) / 1000),
  };
}

/** The target in or out, in the order the targets are listed. */
export function toggleTarget(chosen: readonly string[], id: string, on: boolean, listed: readonly string[]): string[] {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return listed.filter((t) => next.has(t));
}

/**
 * `listed`: the targets that exist now. A chosen target removed since is dropped rather than
 * sent, as the engine refuses ids it does not know.
 */
export function deliveryPatch(draft: DeliveryDraft, listed: readonly string[] | null): Parsed {
  const path = 'delivery.maxUploadBytesPerSecond';
  const deliverTo = listed ? draft.deliverTo.filter((id) => listed.includes(id)) : draft.deliverTo;
  let maxUploadBytesPerSecond: number | null = null;
  if (draft.limitMiB.trim() !== '') {
    const mib = readNumber(draft.limitMiB);
    if (mib === null) return { ok: false, issues: { [path]: 'needs a number of MiB/s, or nothing for no limit' } };
    maxUploadBytesPerSecond = Math.round(mib * MiB);
    // Checked here so that the message speaks MiB/s, the field's unit, not bytes.
    if (maxUploadBytesPerSecond < leastBytesPerSecond)
      return { ok: false, issues: { [path]: 'must be at least 0.0625 MiB/s (64 KiB/s), or empty for no limit' } };
  }
  const patch: SettingsPatch = { delivery: { deliverTo, maxUploadBytesPerSecond } };
  return { ok: true, patch };
}
