/**
 * Browser access, in the words of the door the user came through. In the desktop app: its own
 * `ferry serve`, the same UI in a browser on this computer, on or off at a port. In a browser:
 * this very page is served by a `ferry serve`, so the section says which, instead of offering a
 * switch that reads "off" under the user's feet (or that would cut the page off).
 */
import type { Settings } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { CheckField, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { servePortField } from './settings-form';
import { useChoiceSave } from './use-choice-save';
import { useFieldSave } from './use-field-save';

export function BrowserAccessSection({ settings }: { settings: Settings }) {
  const { platform } = useApp();
  if (platform.servedBy !== null) {
    return (
      <SettingsSection title="Browser access">
        <p>
          You are using Ferry in a browser: this page is served by <code>ferry serve</code> at{' '}
          <strong>{platform.servedBy}</strong>. It stays available as long as <code>ferry serve</code> runs; stop it
          where it was started.
        </p>
      </SettingsSection>
    );
  }
  return <AppBrowserAccess settings={settings} />;
}

function AppBrowserAccess({ settings }: { settings: Settings }) {
  const enabled = useChoiceSave(settings.serve.enabled, 'serve.enabled', (on, current) => ({
    serve: { ...current.serve, enabled: on },
  }));
  // Saved when left, not as typed: each port saved restarts the server on it.
  const port = useFieldSave(servePortField, settings, { typing: 'blur' });
  return (
    <SettingsSection
      title="Browser access"
      description="Only this computer can connect (127.0.0.1), and only with Ferry's sign-in link."
    >
      <CheckField
        label={`Let a browser on this computer use Ferry at http://127.0.0.1:${settings.serve.port}`}
        checked={enabled.shown}
        onChange={enabled.choose}
        error={enabled.error}
      />
      <TextField label="Port" type="number" min={1} max={65535} hint="Saved when you leave the field." {...port} />
    </SettingsSection>
  );
}
