/**
 * Actions on the selected videos. "Select all" with no filter is the contract's `{ all: true }`;
 * under a filter it is the rows loaded so far (the contract has no selection by filter).
 */
import { useStore } from 'zustand';
import type { Selection } from '../../../../shared/api';
import { useQueue } from './queue-context';

const bulk = ['pause', 'resume', 'cancel', 'retry', 'remove'] as const;
const labels: Record<(typeof bulk)[number], string> = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  retry: 'Retry',
  remove: 'Remove',
};

export function BulkActions() {
  const { api, store, selection, report } = useQueue();
  const selected = useStore(selection, (s) => s.selected);
  const all = useStore(selection, (s) => s.all);
  const unfiltered = useStore(store, (s) => s.filter.state === null && s.filter.search === '');
  const total = useStore(store, (s) => s.total);
  if (selected.size === 0 && !all) return null;

  const target: Selection = all && unfiltered ? { all: true } : { uids: [...selected] };
  const count = all && unfiltered ? total : selected.size;
  const only = selected.size === 1 ? [...selected][0] : undefined;
  const run = (command: (typeof bulk)[number]) =>
    api[command](target).then(() => {
      if (command === 'remove') selection.getState().clear();
    }, report);

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected videos">
      <span>{count} selected</span>
      {bulk.map((command) => (
        <button key={command} type="button" onClick={() => void run(command)}>
          {labels[command]} selected
        </button>
      ))}
      {only !== undefined && (
        <button
          type="button"
          onClick={() =>
            api
              .moveToTop({ uid: only })
              .then(() => store.getState().refresh())
              .catch(report)
          }
        >
          Move to top
        </button>
      )}
      <button type="button" onClick={() => selection.getState().clear()}>
        Clear selection
      </button>
    </div>
  );
}
