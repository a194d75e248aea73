/** Where every finished video is delivered unless it was added with its own choice, and how fast Ferry may upload. */
import type { Settings } from '../../../../shared/api';
import { serviceName } from '../targets/target-text';
import { useTargets } from '../targets/use-targets';
import { CheckField, FieldError, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { limitText, toggleTarget, uploadLimitField } from './settings-form';
import { useChoiceSave } from './use-choice-save';
import { useFieldSave } from './use-field-save';

export function DeliverySection({ settings }: { settings: Settings }) {
  const { state } = useTargets();
  const listed = state.status === 'ready' ? state.targets.map((t) => t.id) : null;
  // A chosen target removed since is dropped rather than sent, as the engine refuses ids it does not know.
  const deliverTo = useChoiceSave(settings.delivery.deliverTo, 'delivery.deliverTo', (ids, current) => ({
    delivery: { ...current.delivery, deliverTo: listed ? ids.filter((id) => listed.includes(id)) : ids },
  }));
  const limit = useFieldSave(uploadLimitField, settings, { savedText: limitText });
  return (
    <SettingsSection
      title="Delivery"
      description="Where finished videos are sent, and how much of your upload bandwidth Ferry may use for it."
    >
      <fieldset aria-describedby={deliverTo.error ? 'deliver-to-error' : 'deliver-to-hint'}>
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
              checked={deliverTo.shown.includes(target.id)}
              onChange={(on) => deliverTo.choose(toggleTarget(deliverTo.shown, target.id, on, listed ?? []))}
            />
          ))}
        <p id="deliver-to-hint" className="field-hint">
          A video added with its own choice of targets goes to those instead.
        </p>
        <FieldError id="deliver-to-error" error={deliverTo.error} />
      </fieldset>
      <TextField
        label="Upload limit (MiB/s)"
        type="number"
        min={0.0625}
        step="any"
        placeholder="No limit"
        hint="All uploads together stay under it. Leave it empty for no limit."
        {...limit}
      />
    </SettingsSection>
  );
}
