/** Where every finished video is delivered unless it was added with its own choice, and how fast Ferry may upload. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { serviceName } from '../targets/target-text';
import { useTargets } from '../targets/use-targets';
import { deliveryDraft, deliveryPatch, toggleTarget } from './delivery-form';
import { CheckField, FieldError, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useSectionSave } from './use-section-save';

export function DeliverySection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(() => deliveryDraft(settings));
  const { state } = useTargets();
  const save = useSectionSave();
  const listed = state.status === 'ready' ? state.targets.map((t) => t.id) : null;
  const targetsError = save.fields['delivery.deliverTo'];
  return (
    <SettingsSection
      title="Delivery"
      description="Where finished videos are sent, and how much of your upload bandwidth Ferry may use for it."
      save={save}
      onSubmit={() => void save.save(deliveryPatch(draft, listed))}
    >
      <fieldset aria-describedby={targetsError ? 'deliver-to-error' : 'deliver-to-hint'}>
        <legend>Deliver every finished video to</legend>
        {state.status === 'loading' && <p className="muted">Loading the delivery targets…</p>}
        {state.status === 'failed' && <p className="error">Could not load the delivery targets: {state.error}</p>}
        {state.status === 'ready' && state.targets.length === 0 && (
          <p className="muted">
            No delivery targets yet: finished videos stay in Ferry. <a href="#/targets">Add a target</a> to send them to
            a streaming service.
          </p>
        )}
        {state.status === 'ready' &&
          state.targets.map((target) => (
            <CheckField
              key={target.id}
              label={`${target.name} (${serviceName(target.provider)})`}
              checked={draft.deliverTo.includes(target.id)}
              onChange={(on) =>
                setDraft({ ...draft, deliverTo: toggleTarget(draft.deliverTo, target.id, on, listed ?? []) })
              }
            />
          ))}
        <p id="deliver-to-hint" className="field-hint">
          A video added with its own choice of targets goes to those instead.
        </p>
        <FieldError id="deliver-to-error" error={targetsError} />
      </fieldset>
      <TextField
        label="Upload limit (MiB/s)"
        type="number"
        min={0.0625}
        step="any"
        placeholder="No limit"
        value={draft.limitMiB}
        onChange={(limitMiB) => setDraft({ ...draft, limitMiB })}
        hint="All uploads together stay under it. Leave it empty for no limit."
        error={save.fields['delivery.maxUploadBytesPerSecond']}
      />
    </SettingsSection>
  );
}
