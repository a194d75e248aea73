/** Tabs that filter the queue by state, each with its count from the engine's totals; arrows move between them. */
import { useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { videoStates, type VideoState } from '../../../../shared/video-states';
import { useQueue } from './queue-context';
import { stateLabels } from './video-text';

const tabs: readonly (VideoState | null)[] = [null, ...videoStates];

/** The panel the tabs control (the list, or the empty state), and each tab's id, which labels it. */
export const queuePanelId = 'queue-panel';
export const tabId = (state: VideoState | null) => `queue-tab-${state ?? 'all'}`;

export function FilterTabs() {
  const { store, selection } = useQueue();
  const current = useStore(store, (s) => s.filter.state);
  const totals = useStore(store, (s) => s.totals);
  const list = useRef<HTMLDivElement>(null);

  const choose = (state: VideoState | null) => {
    selection.getState().clear();
    void store.getState().setFilter({ state });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] ?? null;
    choose(next);
    list.current?.querySelector<HTMLElement>(`[data-state="${next ?? 'all'}"]`)?.focus();
  };

  return (
    <div ref={list} className="filter-tabs" role="tablist" aria-label="Filter by state" onKeyDown={onKeyDown}>
      {tabs.map((state) => {
        const count = totals ? (state ? totals.byState[state] : totals.total) : null;
        return (
          <button
            key={state ?? 'all'}
            id={tabId(state)}
            type="button"
            role="tab"
            data-state={state ?? 'all'}
            aria-selected={state === current}
            aria-controls={queuePanelId}
            tabIndex={state === current ? 0 : -1}
            onClick={() => choose(state)}
          >
            {state ? stateLabels[state] : 'All'}
            {count !== null && <span className="count"> {count}</span>}
          </button>
        );
      })}
    </div>
  );
}
