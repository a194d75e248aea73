/**
 * One section's save: sends a patch through the settings store and keeps what the user needs to
 * see, saving, saved, or why not with the engine's message for each field it refused.
 */
import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { saveFailure } from './save-failure';
import type { FieldIssues, Parsed } from './settings-form';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface SectionSave {
  status: SaveStatus;
  message: string | null;
  fields: FieldIssues;
  /** Saves what a section parsed, or shows the fields it could not read without asking the engine. */
  save(parsed: Parsed | SettingsPatch): Promise<void>;
  /** A change after a save: "Saved." no longer describes what the fields show. */
  edited(): void;
}

const isParsed = (given: Parsed | SettingsPatch): given is Parsed => 'ok' in given;

export function useSectionSave(): SectionSave {
  const { settings } = useApp();
  const [state, setState] = useState<Omit<SectionSave, 'save' | 'edited'>>({
    status: 'idle',
    message: null,
    fields: {},
  });
  const save = async (given: Parsed | SettingsPatch) => {
    const parsed: Parsed = isParsed(given) ? given : { ok: true, patch: given };
    if (!parsed.ok) {
      setState({ status: 'failed', message: 'Not saved: correct the fields marked below.', fields: parsed.issues });
      return;
    }
    setState((s) => ({ ...s, status: 'saving', message: null }));
    try {
      await settings.getState().save(parsed.patch);
      setState({ status: 'saved', message: 'Saved.', fields: {} });
    } catch (error) {
      setState({ status: 'failed', ...saveFailure(error) });
    }
  };
  const edited = () => setState((s) => (s.status === 'saved' ? { ...s, status: 'idle', message: null } : s));
  return { ...state, save, edited };
}

/**
 * A section whose control applies as it is chosen (no Save button): the choice shows at once, and
 * the engine's answer (or its refusal) then decides what the control shows.
 */
export function useInstantSave<T>(saved: T, patch: (value: T) => SettingsPatch) {
  const save = useSectionSave();
  const [chosen, setChosen] = useState<T | null>(null);
  const choose = (value: T) => {
    setChosen(value);
    void save.save(patch(value)).finally(() => setChosen(null));
  };
  return { save, shown: chosen ?? saved, choose };
}
