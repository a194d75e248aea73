/** The theme, applied as soon as it is chosen (the app follows the settings store). */
import type { Settings } from '../../../../shared/api';
import { FieldError } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useChoiceSave } from './use-choice-save';

type Theme = Settings['ui']['theme'];

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: "System (follows the computer's setting)" },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection({ settings }: { settings: Settings }) {
  const theme = useChoiceSave(settings.ui.theme, 'ui.theme', (value: Theme, current) => ({
    ui: { ...current.ui, theme: value },
  }));
  return (
    <SettingsSection title="Appearance">
      <fieldset role="radiogroup" aria-label="Theme">
        <legend>Theme</legend>
        {themes.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme.shown === value}
              onChange={() => theme.choose(value)}
            />{' '}
            {label}
          </label>
        ))}
        <FieldError id="theme-error" error={theme.error} />
      </fieldset>
    </SettingsSection>
  );
}
