/**
 * The engine's settings as the UI holds them: loaded once, saved a patch at a time, the engine's
 * answer kept (it is the truth, with its defaults filled in). The theme and the clipboard watcher
 * read it, as does the settings screen, which saves each field as it changes.
 *
 * Saves go one after another, and a patch may be made from the settings as they are when its
 * turn comes: two fields of one group (`concurrency`) changed in quick succession then both stay,
 * instead of the second sending the first's old value.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi, Settings, SettingsPatch } from '../../../shared/api';

/** A patch, or one made from the settings as saved when its turn comes. */
export type PatchOf = SettingsPatch | ((current: Settings) => SettingsPatch);

export interface SettingsState {
  settings: Settings | null;
  status: 'loading' | 'ready' | 'failed';
  error: string | null;
  /** Saves sent and not yet answered. */
  saving: number;
  /** Whether a save was answered since the screen opened (for "All changes saved"). */
  saved: boolean;
  load(): Promise<void>;
  /** Saves a patch after those before it; answers the settings as the engine now has them, or throws its FerryError. */
  save(patch: PatchOf): Promise<Settings>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(api: Pick<FerryApi, 'getSettings' | 'setSettings'>): SettingsStore {
  let turn: Promise<unknown> = Promise.resolve();
  return createStore<SettingsState>()((set, get) => ({
    settings: null,
    status: 'loading',
    error: null,
    saving: 0,
    saved: false,
    async load() {
      try {
        set({ settings: await api.getSettings(), status: 'ready', error: null });
      } catch (error) {
        set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    save(patch) {
      set({ saving: get().saving + 1 });
      const mine = turn.then(async () => {
        const current = get().settings;
        const given = typeof patch === 'function' ? (current ? patch(current) : null) : patch;
        if (given === null) throw new Error('The settings are not loaded yet.');
        return api.setSettings(given);
      });
      turn = mine.catch(() => undefined);
      return mine.then(
        (settings) => {
          set({ settings, status: 'ready', error: null, saving: get().saving - 1, saved: true });
          return settings;
        },
        (error: unknown) => {
          set({ saving: get().saving - 1 });
          throw error;
        },
      );
    },
  }));
}
