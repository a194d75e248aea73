/** Asks before removing a video, in a Radix dialog (focus kept inside, Escape cancels); its outputs go only if asked. */
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

export function RemoveDialog({ title, onConfirm }: { title: string; onConfirm: (deleteOutputs: boolean) => void }) {
  const [open, setOpen] = useState(false);
  const [deleteOutputs, setDeleteOutputs] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="danger">
          Remove
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Remove {title}?</Dialog.Title>
          <Dialog.Description>
            The video leaves the queue with its history. Unless you tick the box, what it finished stays in its library
            folder.
          </Dialog.Description>
          <label>
            <input type="checkbox" checked={deleteOutputs} onChange={(e) => setDeleteOutputs(e.target.checked)} /> Also
            delete its streams, MP4 and thumbnails
          </label>
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button">Keep it</button>
            </Dialog.Close>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setOpen(false);
                onConfirm(deleteOutputs);
              }}
            >
              Remove
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
