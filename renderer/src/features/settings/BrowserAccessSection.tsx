/** The desktop app's own `ferry serve`: the same UI in a browser on this computer. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { CheckField, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { servePatch } from './settings-form';
import { useSectionSave } from './use-section-save';

export function BrowserAccessSection({ settings }: { settings: Settings }) {
  const [enabled, setEnabled] = useState(settings.serve.enabled);
  const [port, setPort] = useState(String(settings.serve.port));
  const save = useSectionSave();
  return (
    <SettingsSection
      title="Browser access"
      description="Only this computer can connect (127.0.0.1), and only with Ferry's sign-in link."
      save={save}
      onSubmit={() => void save.save(servePatch(enabled, port))}
    >
      <CheckField
        label={`Let a browser on this computer use Ferry at http://127.0.0.1:${port.trim() || settings.serve.port}`}
        checked={enabled}
        onChange={setEnabled}
      />
      <TextField
        label="Port"
        type="number"
        min={1}
        max={65535}
        value={port}
        onChange={setPort}
        error={save.fields['serve.port']}
      />
    </SettingsSection>
  );
}
