/** How much Ferry does at once, and the free space below which the queue pauses. */
import type { Settings } from '../../../../shared/api';
import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { concurrencyField, minFreeDiskField, type ConcurrencyKey, type FieldSpec } from './settings-form';
import { useFieldSave } from './use-field-save';

/** The limits are the engine's schema's (shared/validate-command.ts). */
const limits: { key: ConcurrencyKey; label: string; max: number }[] = [
  { key: 'downloads', label: 'Downloads at once', max: 32 },
  { key: 'downloadsPerHost', label: 'Downloads at once from one host', max: 16 },
  { key: 'transcodes', label: 'Transcodes at once', max: 8 },
  { key: 'deliveries', label: 'Deliveries at once', max: 16 },
];

const fields = Object.fromEntries(limits.map(({ key }) => [key, concurrencyField(key)])) as Record<
  ConcurrencyKey,
  FieldSpec
>;

export function WorkSection({ settings }: { settings: Settings }) {
  const minFree = useFieldSave(minFreeDiskField, settings, { savedText: (gib) => `${gib} GiB` });
  return (
    <SettingsSection
      title="Work"
      description="More at once finishes a long queue sooner; each transcode takes a share of the processor."
    >
      <div className="field-grid">
        {limits.map(({ key, label, max }) => (
          <LimitField key={key} settings={settings} which={key} label={label} max={max} />
        ))}
      </div>
      <TextField
        label="Pause the queue when free disk space falls below (GiB)"
        type="number"
        min={0}
        step="any"
        {...minFree}
      />
    </SettingsSection>
  );
}

function LimitField({
  settings,
  which,
  label,
  max,
}: {
  settings: Settings;
  which: ConcurrencyKey;
  label: string;
  max: number;
}) {
  const save = useFieldSave(fields[which], settings);
  return <TextField label={label} type="number" min={1} max={max} hint={`1 to ${max}`} {...save} />;
}
