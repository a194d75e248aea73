/** One `ferry settings` key: how it reads from the settings, shows, and turns text into a patch. */
import type { Settings, SettingsPatch } from '../../shared/api';
import type { DeliveryTarget } from '../../shared/delivery-targets';

export interface SettingKey {
  summary: string;
  read(settings: Settings): unknown;
  /** `targets` as for patch: names shown beside ids. */
  show(value: unknown, targets?: readonly DeliveryTarget[]): string;
  /**
   * Absent for a setting Ferry makes itself. `targets` (listTargets) lets a setting that names
   * delivery targets take their names; without them it takes ids only.
   */
  patch?(text: string, current: Settings, targets?: readonly DeliveryTarget[]): SettingsPatch;
}
