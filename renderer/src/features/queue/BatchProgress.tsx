/**
 * The current batch's overall progress (the videos added since the queue was last empty, see
 * QueueBatch): a bar of the videos finished, "12 of 40 videos", and the batch's bytes downloaded
 * when its links' sizes are known. Shown only while the batch is under way.
 */
import type { QueueBatch } from '../../../../shared/api';
import { formatBytes } from '../../../../shared/format-units';
import './queue-state.css';

export function batchLabel(batch: QueueBatch): string {
  return `${batch.done} of ${batch.total} ${batch.total === 1 ? 'video' : 'videos'}`;
}

export function BatchProgress({ batch }: { batch: QueueBatch }) {
  if (batch.total === 0 || batch.done >= batch.total) return null;
  const share = batch.done / batch.total;
  const label = batchLabel(batch);
  return (
    <div className="batch-progress">
      <span
        className="bar"
        role="progressbar"
        aria-label="Batch progress"
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={batch.done}
        aria-valuetext={label}
      >
        <span className="bar-fill" style={{ transform: `scaleX(${share})` }} />
      </span>
      <span>
        {label}
        {batch.bytesTotal > 0 && ` · ${formatBytes(batch.bytesDone)} of ${formatBytes(batch.bytesTotal)} downloaded`}
      </span>
    </div>
  );
}
