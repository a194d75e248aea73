/**
 * Which rows of the queue are selected, and which one has the keyboard: the rules of a file
 * manager's list (click selects one, Ctrl/Cmd+click toggles, Shift extends from the anchor,
 * arrows move, Space toggles, Ctrl/Cmd+A selects every video of the filter, loaded or not).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

type Rows = readonly (string | undefined)[];

export interface SelectionState {
  selected: ReadonlySet<string>;
  /** Every video the filter matches, including rows not loaded yet. */
  all: boolean;
  anchor: number | null;
  focus: number;
  click(index: number, rows: Rows, mode: 'only' | 'toggle' | 'range'): void;
  /** Moves the keyboard's row to `index`; with `extend`, selects from the anchor to it. */
  moveTo(index: number, rows: Rows, extend: boolean): void;
  selectAll(rows: Rows): void;
  clear(): void;
}

export type SelectionStore = StoreApi<SelectionState>;

function between(rows: Rows, from: number, to: number): Set<string> {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return new Set(rows.slice(start, end + 1).filter((uid): uid is string => uid !== undefined));
}

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set, get) => ({
    selected: new Set(),
    all: false,
    anchor: null,
    focus: 0,

    click(index, rows, mode) {
      const uid = rows[index];
      if (uid === undefined) return;
      const { selected, anchor } = get();
      if (mode === 'range' && anchor !== null) {
        set({ selected: between(rows, anchor, index), all: false, focus: index });
        return;
      }
      if (mode === 'toggle') {
        const next = new Set(selected);
        if (next.has(uid)) next.delete(uid);
        else next.add(uid);
        set({ selected: next, all: false, anchor: index, focus: index });
        return;
      }
      set({ selected: new Set([uid]), all: false, anchor: index, focus: index });
    },

    moveTo(index, rows, extend) {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      const anchor = get().anchor ?? get().focus;
      if (extend) set({ selected: between(rows, anchor, target), all: false, anchor, focus: target });
      else set({ focus: target });
    },

    selectAll(rows) {
      set({ selected: between(rows, 0, rows.length - 1), all: true });
    },

    clear() {
      set({ selected: new Set(), all: false, anchor: null });
    },
  }));
}
