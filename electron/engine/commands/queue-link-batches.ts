/**
 * Links queued a batch at a time (queue-in-batches.ts says why). A link repeated in a later batch
 * is found as a duplicate of the video the earlier batch queued, as a repeat within one batch is.
 */
import type { IngestOptions } from '../../../shared/api';
import type { EngineContext } from '../context/engine-context';
import { inBatches } from './queue-in-batches';
import { queueLinks, type LinkInput, type QueuedLinks } from './queue-links';

export async function queueLinksInBatches(
  context: EngineContext,
  links: readonly LinkInput[],
  options?: IngestOptions,
): Promise<QueuedLinks> {
  const result: QueuedLinks = { queued: [], duplicates: [], invalid: [] };
  await inBatches(links, (batch) => {
    const queued = queueLinks(context, batch, options);
    result.queued.push(...queued.queued);
    result.duplicates.push(...queued.duplicates);
    result.invalid.push(...queued.invalid);
  });
  return result;
}
