/** One `ferry settings` key: how it reads from the settings, shows, and turns text into a patch. */
import type { Settings, SettingsPatch } from '../../shared/api';
import type { DeliveryTarget } from '../../shared/delivery-targets';

export interface SettingKey {
  summary: string;
  read(settings: Settings): unknown;
  /** `targets` (listTargets), so a setting that names delivery targets shows their names beside the ids. */
  show(value: unknown, targets: readonly DeliveryTarget[]): string;
  /** Absent for a setting Ferry makes itself. `targets` lets a setting that names delivery targets take names. */
  patch?(text: string, current: Settings, targets: readonly DeliveryTarget[]): SettingsPatch;
}
