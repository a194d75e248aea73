/** How much Ferry does at once, and the free space below which the queue pauses. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { workDraft, workPatch, type WorkDraft } from './settings-form';
import { useSectionSave } from './use-section-save';

/** The limits are the engine's schema's (shared/validate-command.ts). */
const limits: { key: Exclude<keyof WorkDraft, 'minFreeGiB'>; label: string; max: number }[] = [
  { key: 'downloads', label: 'Downloads at once', max: 32 },
  { key: 'downloadsPerHost', label: 'Downloads at once from one host', max: 16 },
  { key: 'transcodes', label: 'Transcodes at once', max: 8 },
  { key: 'deliveries', label: 'Deliveries at once', max: 16 },
];

export function WorkSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(() => workDraft(settings));
  const save = useSectionSave();
  return (
    <SettingsSection
      title="Work"
      description="More at once finishes a long queue sooner; each transcode takes a share of the processor."
      save={save}
      onSubmit={() => void save.save(workPatch(draft))}
    >
      <div className="field-grid">
        {limits.map(({ key, label, max }) => (
          <TextField
            key={key}
            label={label}
            type="number"
            min={1}
            max={max}
            value={draft[key]}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
            hint={`1 to ${max}`}
            error={save.fields[`concurrency.${key}`]}
          />
        ))}
      </div>
      <TextField
        label="Pause the queue when free disk space falls below (GiB)"
        type="number"
        min={0}
        step="any"
        value={draft.minFreeGiB}
        onChange={(minFreeGiB) => setDraft({ ...draft, minFreeGiB })}
        error={save.fields.minFreeDiskBytes}
      />
    </SettingsSection>
  );
}
