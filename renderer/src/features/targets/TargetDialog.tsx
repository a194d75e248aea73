/**
 * Adding or editing a delivery target, in a dialog: the service first, then only that service's
 * fields. The engine checks the target; its messages appear beside the fields, and the dialog
 * stays open until it is saved.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeliveryTarget, DeliveryTargetInput } from '../../../../shared/delivery-targets';
import {
  draftOf,
  draftProblems,
  emptyTargetDraft,
  targetFailure,
  targetInput,
  type TargetFailure,
} from './target-form';
import { TargetFields } from './TargetFields';

interface TargetDialogProps {
  /** Given, the dialog edits this target; otherwise it adds one. */
  target?: DeliveryTarget;
  save(input: DeliveryTargetInput): Promise<DeliveryTarget>;
  onSaved(target: DeliveryTarget): void;
}

const noFailure: TargetFailure = { message: null, fields: {} };

export function TargetDialog({ target, save, onSaved }: TargetDialogProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(emptyTargetDraft);
  const [failure, setFailure] = useState(noFailure);
  const [saving, setSaving] = useState(false);
  const verb = target ? 'Save' : 'Add';
  const form = useRef<HTMLFormElement>(null);
  // A refusal takes the keyboard to the first field it names, where its message is read out.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);

  const openChange = (next: boolean) => {
    setOpen(next);
    // Each opening starts afresh from what is saved: a credential typed before is not kept around.
    if (next) {
      setDraft(target ? draftOf(target) : emptyTargetDraft);
      setFailure(noFailure);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems(draft);
    if (problems) return setFailure(problems);
    setSaving(true);
    try {
      const saved = await save(targetInput(draft));
      setOpen(false);
      onSaved(saved);
    } catch (error) {
      setFailure(targetFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger asChild>
        {target ? (
          <button type="button" aria-label={`Edit ${target.name}`}>
            Edit
          </button>
        ) : (
          <button type="button" className="primary">
            Add target
          </button>
        )}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog target-dialog">
          <Dialog.Title>{target ? `Edit “${target.name}”` : 'Add a delivery target'}</Dialog.Title>
          <Dialog.Description className="muted">
            Finished videos can be sent here. Choose the service first: the fields are the ones it asks for.
          </Dialog.Description>
          <form ref={form} noValidate className="target-form" onSubmit={(event) => void submit(event)}>
            <TargetFields
              draft={draft}
              onChange={setDraft}
              failure={failure}
              keepsCredential={target?.hasCredential ?? false}
            />
            {failure.message && (
              <p role="alert" className="error">
                Not {target ? 'saved' : 'added'}: {failure.message}
              </p>
            )}
            <div className="form-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={saving}>
                {saving ? `${verb === 'Add' ? 'Adding' : 'Saving'}…` : target ? 'Save target' : 'Add target'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
