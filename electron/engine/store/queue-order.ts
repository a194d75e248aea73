/**
 * The orders the queue can be listed in, as SQL over the `videos` table. "queue" is the order the
 * work will run in: the videos being worked on, then the waiting ones as the run loop claims them
 * (priority, then insertion order), then what waits on the user (paused, failed, canceled), then
 * what is done. Pure: strings only.
 */
import { naturallyAscending, type ListSort } from '../../../shared/api';

/** A state's place in the queue order: running, waiting, then what the user must act on, then done. */
export const queueRankSql = `CASE state
  WHEN 'downloading' THEN 0 WHEN 'inprogress' THEN 0
  WHEN 'queued' THEN 1 WHEN 'paused' THEN 2 WHEN 'error' THEN 3 WHEN 'canceled' THEN 4 ELSE 5 END`;

/** Among videos of one rank, the order the run loop claims them in (as VideoStore.claimNext). */
export const positionSql = 'priority DESC, seq ASC';

/** What the user reads as the video's name (as the UI's videoTitle falls back): the name, else the link or the file. */
const nameSql = "COALESCE(NULLIF(name, ''), source_url, source_path, uid) COLLATE NOCASE";

/** Each sort's key. */
const sortKeys: Record<ListSort, string> = {
  queue: queueRankSql,
  added: 'seq',
  name: nameSql,
  state: queueRankSql,
  size: "json_extract(doc, '$.size')",
  progress: 'pct',
};

/**
 * The ORDER BY of a list. Without a sort, newest first (Cloudflare Stream's list; `asc` for
 * oldest first). Ties under any key keep the queue's position, so equal names or sizes still
 * read in the order they will run.
 */
export function orderBySql(sort: ListSort | undefined, asc: boolean | undefined): string {
  if (sort === undefined) return `seq ${asc ? 'ASC' : 'DESC'}`;
  const key = sortKeys[sort];
  const direction = (asc ?? naturallyAscending[sort]) ? 'ASC' : 'DESC';
  if (sort === 'added') return `seq ${direction}`;
  if (sort === 'queue' && direction === 'DESC') return `${key} DESC, priority ASC, seq DESC`;
  return `${key} ${direction}, ${positionSql}`;
}
