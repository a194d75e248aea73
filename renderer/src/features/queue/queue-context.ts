/**
 * What every part of the queue screen shares, made once per screen and never changed, so giving
 * it through context re-renders nothing: the API, the stores, the platform, and where problems go.
 */
import { createContext, useContext } from 'react';
import type { FerryApi } from '../../../../shared/api';
import type { Platform } from '../../platform/platform';
import type { VideoStore } from '../../store/video-store';
import type { SelectionStore } from './selection-store';

export interface QueueContext {
  api: FerryApi;
  store: VideoStore;
  selection: SelectionStore;
  platform: Platform;
  /** Shows what went wrong with an action the user took. */
  report(error: unknown): void;
}

export const queueContext = createContext<QueueContext | null>(null);

export function useQueue(): QueueContext {
  const context = useContext(queueContext);
  if (!context) throw new Error('useQueue outside the queue screen');
  return context;
}
