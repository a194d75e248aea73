/** How a video's page says where a delivery is: in words, with the service's own word when it gave one. Pure. */
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import type { Delivery } from '../../../../shared/video';

/** "Uploading 42% · 12.0 MiB/s · 1m 05s left", "Processing at the service (indexing, 30%)", "Ready"… */
export function deliveryStateText(delivery: Delivery): string {
  const pct = `${Math.round(delivery.pctComplete)}%`;
  switch (delivery.state) {
    case 'queued':
      return 'Queued';
    case 'uploading': {
      const { bytesPerSecond, etaSeconds } = delivery;
      return [
        `Uploading ${pct}`,
        bytesPerSecond !== undefined && bytesPerSecond > 0 && `${formatBytes(bytesPerSecond)}/s`,
        etaSeconds !== undefined && etaSeconds >= 0 && `${formatDuration(etaSeconds)} left`,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'processing': {
      // The service's progress is only known when it gives one; 0 is "not said", not "nothing done".
      const said = [delivery.remoteState, delivery.pctComplete > 0 && pct].filter(Boolean);
      return `Processing at the service${said.length ? ` (${said.join(', ')})` : ''}`;
    }
    case 'ready':
      return 'Ready';
    case 'error':
      return 'Failed';
  }
}

/** Whether a bar means something: the upload's share, or the service's own progress. */
export const showsProgress = (delivery: Delivery): boolean =>
  delivery.state === 'uploading' || (delivery.state === 'processing' && delivery.pctComplete > 0);

/** How a delivery to a target removed since is named: its id would mean nothing to the user. */
export const removedTargetName = 'A removed target';

export const deliveryModeText: Record<Delivery['mode'], string> = {
  push: 'Pushed by Ferry',
  pull: 'Pulled by the service',
};
