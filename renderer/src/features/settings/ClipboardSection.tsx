/** Whether Ferry offers links copied in other apps when its window gets focus; off unless turned on. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { CheckField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useSectionSave } from './use-section-save';

export function ClipboardSection({ settings }: { settings: Settings }) {
  const save = useSectionSave();
  // Shown at once; the engine's answer (or its refusal) then decides.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const choose = (watchClipboard: boolean) => {
    setChosen(watchClipboard);
    void save.save({ ui: { ...settings.ui, watchClipboard } }).finally(() => setChosen(null));
  };
  return (
    <SettingsSection title="Clipboard" save={save}>
      <CheckField
        label="Offer links I copy in other apps"
        checked={chosen ?? settings.ui.watchClipboard}
        onChange={choose}
        hint="When Ferry's window comes to the front with a video link on the clipboard, Ferry offers to add it. Nothing is added without asking."
      />
    </SettingsSection>
  );
}
