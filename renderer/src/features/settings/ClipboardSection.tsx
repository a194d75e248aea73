/** Whether Ferry offers links copied in other apps when its window gets focus; off unless turned on. */
import type { Settings } from '../../../../shared/api';
import { CheckField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useChoiceSave } from './use-choice-save';

export function ClipboardSection({ settings }: { settings: Settings }) {
  const watch = useChoiceSave(settings.ui.watchClipboard, 'ui.watchClipboard', (watchClipboard, current) => ({
    ui: { ...current.ui, watchClipboard },
  }));
  return (
    <SettingsSection title="Clipboard">
      <CheckField
        label="Offer links I copy in other apps"
        checked={watch.shown}
        onChange={watch.choose}
        hint="When Ferry's window comes to the front with a video link on the clipboard, Ferry offers to add it. Nothing is added without asking."
        error={watch.error}
      />
    </SettingsSection>
  );
}
