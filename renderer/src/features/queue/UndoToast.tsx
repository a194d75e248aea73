/**
 * The toast of a removal that waits for its Undo: "Removed 3 videos · Undo", for eight seconds
 * (held while the pointer or the keyboard is on it), announced as a status. Undo is a button, and
 * Ctrl/Cmd+Z anywhere but in a text field. When it ends, or the queue screen closes, the removal
 * is sent.
 */
import { useEffect, useState } from 'react';
import { usePendingRemoval, useRemovals, type PendingRemoval } from './remove-with-undo';
import './undo-toast.css';

export const undoSeconds = 8;

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function UndoToast() {
  const removals = useRemovals();
  const pending = usePendingRemoval();

  // Leaving the queue screen ends the toast: what it removed is removed.
  useEffect(() => () => removals.commit(), [removals]);

  useEffect(() => {
    if (!pending) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      if (isTextField(event.target)) return;
      event.preventDefault();
      removals.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, removals]);

  // Keyed by removal: each toast has its own time, and a hold on one does not carry to the next.
  return pending ? <Toast key={pending.id} pending={pending} /> : null;
}

function Toast({ pending }: { pending: PendingRemoval }) {
  const removals = useRemovals();
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => removals.commit(), undoSeconds * 1000);
    return () => clearTimeout(timer);
  }, [held, removals]);

  return (
    <div
      className="undo-toast"
      role="status"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <span className="undo-toast-text">{pending.label}</span>
      <button type="button" className="undo-toast-undo" onClick={() => removals.undo()}>
        Undo
      </button>
      <button type="button" className="undo-toast-close" aria-label="Dismiss" onClick={() => removals.commit()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
