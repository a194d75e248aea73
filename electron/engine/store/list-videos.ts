/** Reading the queue for the UI and the CLI: filters, search by name, link or path, an order (queue-order.ts), paging, totals. */
import type Database from 'better-sqlite3';
import type { ListQuery, VideoPage } from '../../../shared/api';
import { videoStates, type VideoState } from '../../../shared/video-states';
import type { DeliveryStore } from './delivery-store';
import { orderBySql } from './queue-order';
import { rowToVideo, type VideoRow } from './video-row';

const defaultPageSize = 100;

export function countByState(db: Database.Database): Record<VideoState, number> {
  const counts = Object.fromEntries(videoStates.map((s) => [s, 0])) as Record<VideoState, number>;
  const rows = db.prepare('SELECT state, n FROM video_counts').all() as { state: VideoState; n: number }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export function listVideos(db: Database.Database, query: ListQuery, deliveryStore: DeliveryStore): VideoPage {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.state) {
    where.push('state = @state');
    params.state = query.state;
  }
  if (query.stage) {
    where.push('stage = @stage');
    params.stage = query.stage;
  }
  if (query.search) {
    where.push(
      "(name LIKE @like ESCAPE '\\' OR source_url LIKE @like ESCAPE '\\' OR source_path LIKE @like ESCAPE '\\')",
    );
    params.like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (query.creator !== undefined) {
    where.push("json_extract(doc, '$.creator') = @creator");
    params.creator = query.creator;
  }
  // `created` is stored as UTC ISO text; the bounds are made the same form so that text compares as time.
  if (query.start !== undefined) {
    where.push('created >= @start');
    params.start = new Date(query.start).toISOString();
  }
  if (query.end !== undefined) {
    where.push('created <= @end');
    params.end = new Date(query.end).toISOString();
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const page = { ...params, limit: query.limit ?? defaultPageSize, offset: query.offset ?? 0 };
  const ordered = `${filter} ORDER BY ${orderBySql(query.sort, query.asc)}`;
  // Newest first (no sort) is by the key alone: the rows come in order at no cost.
  const rows =
    query.sort === undefined
      ? (db.prepare(`SELECT * FROM videos ${ordered} LIMIT @limit OFFSET @offset`).all(page) as VideoRow[])
      : sortedPage(db, ordered, page);
  // Without a search or stage filter the total comes from the kept counts, not a scan.
  let total: number;
  if (where.length === 0 || (where.length === 1 && query.state)) {
    const counts = countByState(db);
    total = query.state ? counts[query.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  } else {
    total = db.prepare(`SELECT COUNT(*) FROM videos ${filter}`).pluck().get(params) as number;
  }
  const now = Date.now();
  const deliveries = deliveryStore.ofVideos(rows.map((r) => r.seq));
  return { videos: rows.map((row) => rowToVideo(row, now, deliveries.get(row.seq))), total };
}

/**
 * A page of a sorted list in two steps: the order over the sort's columns alone, then the page's
 * rows by key. Sorting whole rows would carry every video's document through the sort.
 */
function sortedPage(db: Database.Database, orderedFilter: string, page: Record<string, string | number>): VideoRow[] {
  const seqs = db.prepare(`SELECT seq FROM videos ${orderedFilter} LIMIT @limit OFFSET @offset`).pluck().all(page);
  const rows = db
    .prepare('SELECT * FROM videos WHERE seq IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(seqs)) as VideoRow[];
  const at = new Map(seqs.map((seq, index) => [seq, index]));
  return rows.sort((a, b) => (at.get(a.seq) ?? 0) - (at.get(b.seq) ?? 0));
}
