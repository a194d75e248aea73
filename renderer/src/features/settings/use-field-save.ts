/**
 * Save on change, for one field of the settings screen, as a system settings pane does: a typed
 * value is saved once the user pauses (debounced), or when the field loses focus or Enter is
 * pressed, and a value not yet saved when the screen closes is saved then, so leaving never drops
 * a change. A refusal (the field's own check, or the engine's) shows beside the field, which keeps
 * what was typed while the engine keeps its last saved value, and says which that is.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Settings } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { fieldRefusal, refusalText } from './save-failure';
import type { FieldSpec } from './settings-form';

/** Long enough for a number to be typed, short enough that the save follows the typing. */
export const typingPauseMs = 600;

export interface FieldSave {
  value: string;
  onChange(text: string): void;
  onBlur(): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  /** Why the shown value is not saved, with what is. */
  error: string | undefined;
}

/**
 * `settings`: as saved now (the screen follows the store).
 * `typing`: 'debounce' saves after a pause in typing; 'blur' only when the field is left or Enter
 * is pressed, for a value whose intermediate states must not apply (a port, a URL being typed).
 * `savedText`: how the saved value reads in a sentence ("4", "no limit").
 */
export function useFieldSave(
  field: FieldSpec,
  settings: Settings,
  options: { typing?: 'debounce' | 'blur'; savedText?: (shown: string) => string } = {},
): FieldSave {
  const { settings: store } = useApp();
  const saved = field.shown(settings);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const unsaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { savedText = (shown: string) => shown || 'empty', typing = 'debounce' } = options;

  const send = (text: string) => {
    clearTimeout(timer.current);
    unsaved.current = null;
    // A refusal names the value saved when it comes, which the store then holds.
    const stays = () => savedText(field.shown(store.getState().settings ?? settings));
    const parsed = field.parse(text);
    if (!parsed.ok) {
      setError(refusalText(parsed.issue, stays()));
      return;
    }
    store
      .getState()
      .save(parsed.patch)
      .then(
        () => {
          setError(undefined);
          // Typed on meanwhile: that text is the next save's, not replaced by this answer.
          setDraft((shown) => (shown === text ? null : shown));
        },
        (refused: unknown) => setError(refusalText(fieldRefusal(refused, field.path), stays())),
      );
  };

  // Leaving the screen saves what is still waiting for its pause.
  const sendLater = useRef(send);
  useEffect(() => {
    sendLater.current = send;
  });
  useEffect(
    () => () => {
      if (unsaved.current !== null) sendLater.current(unsaved.current);
    },
    [],
  );

  const flush = () => {
    if (unsaved.current !== null) send(unsaved.current);
  };
  return {
    value: draft ?? saved,
    error,
    onChange(text) {
      setDraft(text);
      clearTimeout(timer.current);
      if (text === saved && error === undefined) {
        unsaved.current = null;
        return;
      }
      unsaved.current = text;
      if (typing === 'debounce') timer.current = setTimeout(() => send(text), typingPauseMs);
    },
    onBlur: flush,
    onKeyDown(event) {
      if (event.key === 'Enter') flush();
    },
  };
}
