/**
 * The queue's row density (`Settings.ui.density`): each a fixed row height, so the virtual list
 * knows every row's place without measuring, and progress never changes a row's size.
 */
import { useStore } from 'zustand';
import type { Settings } from '../../../../shared/api';
import { useQueue } from './queue-context';

export type Density = NonNullable<Settings['ui']['density']>;

export const rowHeights: Record<Density, number> = { comfortable: 64, compact: 36 };

export function useDensity(): Density {
  const { settings } = useQueue();
  return useStore(settings, (s) => s.settings?.ui.density ?? 'comfortable');
}
