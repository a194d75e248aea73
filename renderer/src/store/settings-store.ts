/**
 * The engine's settings as the UI holds them: loaded once, saved a patch at a time, the engine's
 * answer kept (it is the truth, with its defaults filled in). The theme and the clipboard watcher
 * read it, as does the settings screen.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi, Settings, SettingsPatch } from '../../../shared/api';

export interface SettingsState {
  settings: Settings | null;
  status: 'loading' | 'ready' | 'failed';
  error: string | null;
  load(): Promise<void>;
  /** Saves a patch; answers the settings as the engine now has them, or throws its FerryError. */
  save(patch: SettingsPatch): Promise<Settings>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(api: Pick<FerryApi, 'getSettings' | 'setSettings'>): SettingsStore {
  return createStore<SettingsState>()((set) => ({
    settings: null,
    status: 'loading',
    error: null,
    async load() {
      try {
        set({ settings: await api.getSettings(), status: 'ready', error: null });
      } catch (error) {
        set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async save(patch) {
      const settings = await api.setSettings(patch);
      set({ settings, status: 'ready', error: null });
      return settings;
    },
  }));
}
