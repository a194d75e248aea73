/**
 * The list's column headers: each sorts the queue by its column (a second press reverses it), and
 * "Queue" goes back to the order the videos will run in, the only order in which rows can be
 * dragged. Each says how the list is sorted (aria-sort), as a table's headers do.
 */
import { useStore } from 'zustand';
import { naturallyAscending, type ListSort } from '../../../../shared/api';
import { useQueue } from './queue-context';

const columns: readonly { by: ListSort; label: string; hint: string }[] = [
  { by: 'queue', label: 'Queue', hint: 'The order the videos will run in' },
  { by: 'name', label: 'Name', hint: 'Sort by name' },
  { by: 'added', label: 'Added', hint: 'Sort by when added' },
  { by: 'size', label: 'Size', hint: 'Sort by size' },
  { by: 'state', label: 'State', hint: 'Sort by state' },
  { by: 'progress', label: 'Progress', hint: 'Sort by progress' },
];

export function SortHeader() {
  const { store, selection } = useQueue();
  const sort = useStore(store, (s) => s.filter.sort);

  const choose = (by: ListSort) => {
    const asc = sort.by === by ? !sort.asc : naturallyAscending[by];
    selection.getState().clear();
    void store.getState().setFilter({ sort: { by, asc } });
  };

  return (
    <div className="sort-header" role="table" aria-label="Sort the queue">
      <div role="row">
        {columns.map(({ by, label, hint }) => {
          const current = sort.by === by;
          const direction = sort.asc ? 'ascending' : 'descending';
          return (
            <div key={by} role="columnheader" className={`sort-${by}`} aria-sort={current ? direction : 'none'}>
              <button type="button" title={hint} onClick={() => choose(by)}>
                {label}
                <span className="sort-arrow" aria-hidden="true">
                  {current ? (sort.asc ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
