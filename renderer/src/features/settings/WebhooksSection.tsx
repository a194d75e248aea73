/** Where Ferry POSTs when a video is ready or failed, and the secret receivers check its signature with. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { webhookPatch } from './settings-form';
import { useSectionSave } from './use-section-save';

export function WebhooksSection({ settings }: { settings: Settings }) {
  const { platform, tell, report } = useApp();
  const [url, setUrl] = useState(settings.webhookUrl ?? '');
  const save = useSectionSave();
  const copy = () =>
    platform
      .copyText(settings.webhookSecret)
      .then(() => tell('The webhook secret is on the clipboard.'))
      .catch(report);
  return (
    <SettingsSection
      title="Webhooks"
      description="Ferry sends a signed POST when a video is ready or has failed, as Cloudflare Stream does."
      save={save}
      onSubmit={() => void save.save(webhookPatch(url))}
    >
      <TextField
        label="Webhook URL"
        type="url"
        placeholder="https://example.com/ferry-hook"
        value={url}
        onChange={setUrl}
        hint="Leave it empty to send no webhooks."
        error={save.fields.webhookUrl}
      />
      <div className="inline-field">
        <TextField
          label="Signing secret"
          value={settings.webhookSecret}
          readOnly
          hint="Receivers check the Webhook-Signature header with it."
        />
        <button type="button" onClick={copy}>
          Copy secret
        </button>
      </div>
    </SettingsSection>
  );
}
