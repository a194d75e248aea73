/** Whether Ferry offers links copied in other apps when its window gets focus; off unless turned on. */
import type { Settings } from '../../../../shared/api';
import { CheckField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useInstantSave } from './use-section-save';

export function ClipboardSection({ settings }: { settings: Settings }) {
  const { save, shown, choose } = useInstantSave(settings.ui.watchClipboard, (watchClipboard) => ({
    ui: { ...settings.ui, watchClipboard },
  }));
  return (
    <SettingsSection title="Clipboard" save={save}>
      <CheckField
        label="Offer links I copy in other apps"
        checked={shown}
        onChange={choose}
        hint="When Ferry's window comes to the front with a video link on the clipboard, Ferry offers to add it. Nothing is added without asking."
      />
    </SettingsSection>
  );
}
