/**
 * "Deliver to…": sends ready videos to the targets chosen, whenever the targets were added (the
 * contract's `deliver`). For one video, a selection or all: a target a video has already reached
 * is sent again from nothing, one still under way is left alone, and videos not ready yet are
 * counted, not sent. A Radix dialog (focus kept inside, Escape closes); the queue's row menu and
 * bulk bar open it too.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useApp } from '../../app/app-context';
import { serviceName } from '../targets/target-text';
import { useTargets, type TargetsState } from '../targets/use-targets';
import { deliveredText } from './deliver-text';

export interface DeliverToDialogProps {
  /** The videos to send: their uids, or every video in the queue. */
  uids: string[] | 'all';
  open: boolean;
  onClose(): void;
}

function Targets({
  targets,
  chosen,
  onToggle,
}: {
  targets: TargetsState;
  chosen: readonly string[];
  onToggle(id: string, on: boolean): void;
}) {
  if (targets.status === 'loading') return <p className="muted">Loading delivery targets…</p>;
  if (targets.status === 'failed')
    return <p className="page-problem">The delivery targets could not be loaded: {targets.error}</p>;
  if (targets.targets.length === 0)
    return (
      <p>
        No delivery targets yet. <a href="#/targets">Add a target</a> to send videos to a streaming service.
      </p>
    );
  return (
    <fieldset className="deliver-targets">
      <legend>Targets</legend>
      {targets.targets.map((target) => (
        <label key={target.id} className="deliver-target">
          <input
            type="checkbox"
            checked={chosen.includes(target.id)}
            onChange={(event) => onToggle(target.id, event.target.checked)}
          />{' '}
          {target.name} <span className="muted">({serviceName(target.provider)})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The dialog's inside, mounted only while it is open: the targets are read when it opens, not with every row. */
function DeliverForm({ uids, onClose }: Omit<DeliverToDialogProps, 'open'>) {
  const { api, report, tell } = useApp();
  const { state } = useTargets();
  const [chosen, setChosen] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const names = chosen.map(
    (id) => (state.status === 'ready' ? state.targets.find((t) => t.id === id)?.name : null) ?? id,
  );
  const send = () => {
    setSending(true);
    api
      .deliver({ ...(uids === 'all' ? { all: true as const } : { uids }), targets: chosen })
      .then((answer) => {
        tell(deliveredText(answer, names));
        onClose();
      })
      .catch((error: unknown) => {
        setSending(false);
        report(error);
      });
  };
  const count = uids === 'all' ? 'every ready video' : uids.length === 1 ? 'this video' : `these ${uids.length} videos`;
  return (
    <>
      <Dialog.Title>Deliver to…</Dialog.Title>
      <Dialog.Description>
        Send {count} to the targets you choose. A target that already has the video gets it again, from the start.
      </Dialog.Description>
      <Targets
        targets={state}
        chosen={chosen}
        onToggle={(id, on) => setChosen((now) => (on ? [...now, id] : now.filter((t) => t !== id)))}
      />
      <div className="form-actions">
        <Dialog.Close asChild>
          <button type="button">Cancel</button>
        </Dialog.Close>
        <button type="button" className="primary" disabled={chosen.length === 0 || sending} onClick={send}>
          {chosen.length > 1 ? `Deliver to ${chosen.length} targets` : 'Deliver'}
        </button>
      </div>
    </>
  );
}

export function DeliverToDialog({ uids, open, onClose }: DeliverToDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog deliver-dialog">
          <DeliverForm uids={uids} onClose={onClose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
