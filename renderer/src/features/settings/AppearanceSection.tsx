/** The theme, applied as soon as it is chosen (the app follows the settings store). */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { SettingsSection } from './SettingsSection';
import { useSectionSave } from './use-section-save';

type Theme = Settings['ui']['theme'];

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: "System (follows the computer's setting)" },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection({ settings }: { settings: Settings }) {
  const save = useSectionSave();
  // The choice shows as soon as it is made; the engine's answer (or its refusal) then decides.
  const [chosen, setChosen] = useState<Theme | null>(null);
  const choose = (theme: Theme) => {
    setChosen(theme);
    void save.save({ ui: { ...settings.ui, theme } }).finally(() => setChosen(null));
  };
  return (
    <SettingsSection title="Appearance" save={save}>
      <fieldset role="radiogroup" aria-label="Theme">
        <legend>Theme</legend>
        {themes.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={(chosen ?? settings.ui.theme) === value}
              onChange={() => choose(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
