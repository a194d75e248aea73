/**
 * The fake engine's list orders (ListQuery's `sort` and `asc`). Its array of videos is its queue
 * order and, without a sort, stands for newest first. Pure.
 */
import { naturallyAscending, type ListSort } from '../../../shared/api';
import type { Video } from '../../../shared/video';

const keys: Record<Exclude<ListSort, 'queue' | 'added'>, (video: Video) => string | number> = {
  name: (v) => (v.meta.name || v.source.url || v.source.path || v.uid).toLowerCase(),
  state: (v) => v.status.state,
  size: (v) => v.size,
  progress: (v) => v.status.pctComplete,
};

export function fakeListOrder(videos: readonly Video[], sort: ListSort | undefined, asc: boolean | undefined): Video[] {
  if (sort === undefined) return asc ? [...videos].reverse() : [...videos];
  const ascending = asc ?? naturallyAscending[sort];
  if (sort === 'queue' || sort === 'added')
    return ascending === (sort === 'queue') ? [...videos] : [...videos].reverse();
  const key = keys[sort];
  const sorted = [...videos].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return ascending ? sorted : sorted.reverse();
}
