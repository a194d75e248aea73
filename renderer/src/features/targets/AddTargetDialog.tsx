/**
 * Adding a delivery target, in a dialog: its name, provider, how it receives videos, its endpoint
 * and a credential that is sent once and never shown again. The engine checks it; its messages
 * appear beside the fields.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type FormEvent } from 'react';
import type { DeliveryProvider, DeliveryTarget, DeliveryTargetInput } from '../../../../shared/delivery-targets';
import { FieldError, TextField } from '../settings/form-fields';
import { draftProblems, emptyTargetDraft, targetFailure, targetInput, type TargetFailure } from './target-form';
import { modeLabels, providerLabels } from './target-text';

interface AddTargetDialogProps {
  add(input: DeliveryTargetInput): Promise<DeliveryTarget>;
  onAdded(target: DeliveryTarget): void;
}

const noFailure: TargetFailure = { message: null, fields: {} };

const modeHints: Record<DeliveryTarget['mode'], string> = {
  tus: 'Ferry uploads the finished MP4, resuming after any interruption.',
  pull: 'Ferry gives the service a link to fetch the video from.',
};

export function AddTargetDialog({ add, onAdded }: AddTargetDialogProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(emptyTargetDraft);
  const [failure, setFailure] = useState(noFailure);
  const [saving, setSaving] = useState(false);

  const openChange = (next: boolean) => {
    setOpen(next);
    // Each opening starts afresh: a credential typed before is not kept around.
    if (next) {
      setDraft(emptyTargetDraft);
      setFailure(noFailure);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems(draft);
    if (problems) return setFailure(problems);
    setSaving(true);
    try {
      const target = await add(targetInput(draft));
      setOpen(false);
      onAdded(target);
    } catch (error) {
      setFailure(targetFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="primary">
          Add target
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Add a delivery target</Dialog.Title>
          <Dialog.Description className="muted">
            Finished videos can be sent here. The credential is kept by Ferry and never shown again.
          </Dialog.Description>
          <form noValidate className="target-form" onSubmit={(event) => void submit(event)}>
            <TextField
              label="Name"
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              placeholder="My TUS server"
              error={failure.fields.name}
            />
            <div className="field">
              <label htmlFor={`${id}-provider`}>Provider</label>
              <select
                id={`${id}-provider`}
                value={draft.provider}
                aria-invalid={failure.fields.provider ? true : undefined}
                aria-describedby={failure.fields.provider ? `${id}-provider-error` : undefined}
                onChange={(event) => setDraft({ ...draft, provider: event.target.value as DeliveryProvider })}
              >
                {Object.entries(providerLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-provider-error`} error={failure.fields.provider} />
            </div>
            <fieldset className="field" aria-describedby={failure.fields.mode ? `${id}-mode-error` : undefined}>
              <legend>How it receives videos</legend>
              {(['tus', 'pull'] as const).map((mode) => (
                <label key={mode} className="mode-choice">
                  <input
                    type="radio"
                    name="mode"
                    checked={draft.mode === mode}
                    onChange={() => setDraft({ ...draft, mode })}
                  />{' '}
                  {modeLabels[mode]}: <span className="muted">{modeHints[mode]}</span>
                </label>
              ))}
              <FieldError id={`${id}-mode-error`} error={failure.fields.mode} />
            </fieldset>
            <TextField
              label="Endpoint URL"
              type="url"
              value={draft.endpoint}
              onChange={(endpoint) => setDraft({ ...draft, endpoint })}
              placeholder="https://tus.example.com/files/"
              error={failure.fields.endpoint}
            />
            <TextField
              label="Credential (optional)"
              type="password"
              autoComplete="off"
              value={draft.credential}
              onChange={(credential) => setDraft({ ...draft, credential })}
              hint="Sent as the Authorization header, for example Bearer followed by a token."
              error={failure.fields.credential}
            />
            {failure.message && (
              <p role="alert" className="error">
                Not added: {failure.message}
              </p>
            )}
            <div className="form-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={saving}>
                {saving ? 'Adding…' : 'Add target'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
