/** The queue: tabs by state, search and queue controls, bulk actions on the selection, the list, and the totals. */
import { useStore } from 'zustand';
import { BulkActions } from './BulkActions';
import { EmptyState } from './EmptyState';
import { FailedActions } from './FailedActions';
import { FilterTabs, queuePanelId, tabId } from './FilterTabs';
import { useQueue } from './queue-context';
import { QueueList } from './QueueList';
import { QueueStateBanner } from './QueueStateBanner';
import { QueueSummary } from './QueueSummary';
import { QueueToolbar } from './QueueToolbar';
import { targetNamesContext, useTargetNames } from './target-names';
import { UndoToast } from './UndoToast';
import './queue.css';

export function QueueScreen() {
  const { store } = useQueue();
  const targetNames = useTargetNames();
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);
  const empty = useStore(store, (s) => s.total === 0);
  const filtered = useStore(store, (s) => s.filter.state !== null || s.filter.search !== '');
  const tab = useStore(store, (s) => s.filter.state);

  return (
    <targetNamesContext.Provider value={targetNames}>
      <div className="queue-controls">
        <FilterTabs />
        <QueueToolbar />
      </div>
      <BulkActions />
      <FailedActions />
      <QueueStateBanner />
      <main className="queue-main">
        <div className="queue-panel" id={queuePanelId} role="tabpanel" aria-labelledby={tabId(tab)}>
          {status === 'loading' && <p className="muted">Loading…</p>}
          {status === 'failed' && (
            <p role="alert" className="error">
              Could not load the queue: {error}
            </p>
          )}
          {status === 'ready' && (empty ? <EmptyState filtered={filtered} /> : <QueueList />)}
        </div>
      </main>
      <UndoToast />
      <QueueFooter />
    </targetNamesContext.Provider>
  );
}

/** The totals change with every batch of progress: only the footer (and the tabs' counts) read them, not the screen around the list. */
function QueueFooter() {
  const { store } = useQueue();
  const totals = useStore(store, (s) => s.totals);
  return <footer className="app-footer">{totals && <QueueSummary totals={totals} />}</footer>;
}
