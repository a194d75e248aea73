/** The frame both sheets share: a Radix dialog (focus kept inside, Esc closes, focus given back), a title, a description, actions at the foot. */
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';

interface SheetProps {
  open: boolean;
  onClose(): void;
  title: string;
  description: ReactNode;
  children: ReactNode;
  actions: ReactNode;
  /** Where focus goes when the sheet closes; by default, where it was when the sheet opened. */
  returnFocus?: RefObject<HTMLElement | null>;
  /** The closing button's word: Cancel, or Done once there is nothing left to decide. */
  closeLabel?: string;
}

export function Sheet({ open, onClose, title, description, children, actions, returnFocus, closeLabel }: SheetProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="add-overlay" />
        <Dialog.Content
          className="add-sheet"
          onCloseAutoFocus={(event) => {
            const target = returnFocus?.current;
            if (!target?.isConnected) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <Dialog.Title className="add-sheet-title">{title}</Dialog.Title>
          <Dialog.Description className="add-muted">{description}</Dialog.Description>
          <div className="add-sheet-body">{children}</div>
          <div className="add-sheet-actions">
            <Dialog.Close asChild>
              <button type="button">{closeLabel ?? 'Cancel'}</button>
            </Dialog.Close>
            {actions}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
