/** The theme, applied as soon as it is chosen (the app follows the settings store). */
import type { Settings } from '../../../../shared/api';
import { SettingsSection } from './SettingsSection';
import { useInstantSave } from './use-section-save';

type Theme = Settings['ui']['theme'];

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: "System (follows the computer's setting)" },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { save, shown, choose } = useInstantSave(settings.ui.theme, (theme) => ({ ui: { ...settings.ui, theme } }));
  return (
    <SettingsSection title="Appearance" save={save}>
      <fieldset role="radiogroup" aria-label="Theme">
        <legend>Theme</legend>
        {themes.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="theme" value={value} checked={shown === value} onChange={() => choose(value)} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
