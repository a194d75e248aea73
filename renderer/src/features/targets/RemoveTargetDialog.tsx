/** Removing a target, after the user confirms in a dialog that says what removing it does. */
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';

interface RemoveTargetDialogProps {
  target: DeliveryTarget;
  remove(id: string): Promise<unknown>;
  onRemoved(target: DeliveryTarget): void;
}

export function RemoveTargetDialog({ target, remove, onRemoved }: RemoveTargetDialogProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);

  const confirm = async () => {
    setRemoving(true);
    try {
      await remove(target.id);
      setOpen(false);
      onRemoved(target);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="danger" aria-label={`Remove ${target.name}`}>
          Remove
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" role="alertdialog">
          <Dialog.Title>Remove “{target.name}”?</Dialog.Title>
          <Dialog.Description>
            Ferry stops sending videos to it and forgets its credential. Videos already delivered stay on{' '}
            {target.endpoint}.
          </Dialog.Description>
          {error && (
            <p role="alert" className="error">
              Not removed: {error}
            </p>
          )}
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button">Keep it</button>
            </Dialog.Close>
            <button type="button" className="danger-fill" disabled={removing} onClick={() => void confirm()}>
              Remove target
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
