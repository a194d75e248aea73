/**
 * Save on change for a control that is chosen rather than typed (a switch, a radio, a list of
 * checkboxes): the choice shows at once and is saved at once; the engine's answer then decides
 * what the control shows, so a refused choice goes back to the saved one, with the reason beside it.
 */
import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { fieldRefusal, issueSentence } from './save-failure';

export interface ChoiceSave<T> {
  shown: T;
  choose(value: T): void;
  error: string | undefined;
}

/** `path`: where the engine's issues name the setting; `patch`: the choice, made from the settings as saved when sent. */
export function useChoiceSave<T>(
  saved: T,
  path: string,
  patch: (value: T, current: Settings) => SettingsPatch,
): ChoiceSave<T> {
  const { settings: store } = useApp();
  const [chosen, setChosen] = useState<{ value: T } | null>(null);
  const [error, setError] = useState<string>();
  const choose = (value: T) => {
    const mine = { value };
    setChosen(mine);
    store
      .getState()
      .save((current) => patch(value, current))
      .then(
        () => setError(undefined),
        (refused: unknown) => setError(`${issueSentence(fieldRefusal(refused, path))} Not saved.`),
      )
      .finally(() => setChosen((shown) => (shown === mine ? null : shown)));
  };
  return { shown: chosen ? chosen.value : saved, choose, error };
}
