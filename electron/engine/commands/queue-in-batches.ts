/**
 * New videos queued a batch at a time, with a turn of the event loop between batches, so that
 * adding thousands (a list, a big folder) never holds the process: one transaction of 20,000
 * rows held every other request for most of a second. Each batch is one transaction, flushed;
 * a crash between batches keeps the batches before it, and adding the same links or files again
 * queues only the rest (the others are duplicates).
 */
import { TimeSlice } from '../../../shared/time-slice';
import type { Video } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import type { NewVideo } from '../store/queue-job';

/** Rows per transaction: a few milliseconds of work on a laptop, normalising and looking up included. */
export const rowsPerBatch = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function inBatches<T>(items: readonly T[], each: (batch: T[]) => void): Promise<void> {
  for (let start = 0; start < items.length; start += rowsPerBatch) {
    if (start > 0) await nextTurn();
    each(items.slice(start, start + rowsPerBatch));
  }
}

export async function insertInBatches(context: EngineContext, videos: readonly NewVideo[]): Promise<string[]> {
  const uids: string[] = [];
  await inBatches(videos, (batch) => uids.push(...context.store.insertMany(batch)));
  return uids;
}

/** The videos of these uids (just queued), read with a turn of the event loop every few milliseconds. */
export async function videosOf(context: EngineContext, uids: readonly string[]): Promise<Video[]> {
  const slice = new TimeSlice();
  const videos: Video[] = [];
  for (const uid of uids) {
    await slice.turn();
    const video = context.store.get(uid);
    if (video) videos.push(video);
  }
  return videos;
}
