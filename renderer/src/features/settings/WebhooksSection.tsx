/** Where Ferry POSTs when a video is ready or failed, and the secret receivers check its signature with. */
import type { Settings } from '../../../../shared/api';
import { useCopy } from '../../app/use-copy';

import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { webhookField } from './settings-form';
import { useFieldSave } from './use-field-save';

export function WebhooksSection({ settings }: { settings: Settings }) {
  const copyText = useCopy();
  // Saved when left: a URL half typed is not one, and would only be refused.
  const url = useFieldSave(webhookField, settings, {
    typing: 'blur',
    savedText: (saved) => (saved === '' ? 'no webhook' : saved),
  });
  const copy = () => copyText(settings.webhookSecret, 'The webhook secret is on the clipboard.');
  return (
    <SettingsSection
      title="Webhooks"
      description="Ferry sends a signed POST when a video is ready or has failed, as Cloudflare Stream does."
    >
      <TextField
        label="Webhook URL"
        type="url"
        placeholder="https://example.com/ferry-hook"
        hint="Leave it empty to send no webhooks."
        {...url}
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
