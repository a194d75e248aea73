/**
 * What every screen shares, made once per session and never changed, so giving it through context
 * re-renders nothing: the API, the stores, the platform, and where an action's failure is shown.
 */
import { createContext, useContext } from 'react';
import type { FerryApi } from '../../../shared/api';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../store/settings-store';
import type { VideoStore } from '../store/video-store';

export interface AppContext {
  api: FerryApi;
  store: VideoStore;
  settings: SettingsStore;
  platform: Platform;
  /** Shows what went wrong with an action the user took (what happened and what to do). */
  report(error: unknown): void;
  /** Shows a passing message: what an action did. */
  tell(text: string): void;
}

export const appContext = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const context = useContext(appContext);
  if (!context) throw new Error('useApp outside the App');
  return context;
}
