/** Deliveries and delivery targets for the terminal, and what `--deliver` names. Pure. */
import type { DeliveryTarget } from '../../shared/delivery-targets';
import type { Delivery, Video } from '../../shared/video';
import { UsageError } from './cli-context';
import { formatColumns } from './format-columns';

/** Target names by id, for showing deliveries; a removed target shows as its id. */
export type TargetNames = ReadonlyMap<string, string>;

export const targetNames = (targets: readonly DeliveryTarget[]): TargetNames =>
  new Map(targets.map((t) => [t.id, t.name]));

/** "queued", "uploading 42%", "paused 42%" (out of the deliver stage, not finished), "ready", "failed". */
export function deliveryStatus(video: Video, delivery: Delivery): string {
  const pct = `${Math.round(delivery.pctComplete)}%`;
  const unfinished = delivery.state === 'queued' || delivery.state === 'uploading' || delivery.state === 'processing';
  if (unfinished && video.status.step !== 'deliver') return `paused ${pct}`;
  switch (delivery.state) {
    case 'queued':
      return delivery.pctComplete > 0 ? `queued ${pct}` : 'queued';
    case 'uploading':
      return `uploading ${pct}`;
    case 'error':
      return 'failed';
    default:
      return delivery.state;
  }
}

/** One cell for the list: each target and how its delivery stands. */
export function deliveriesCell(video: Video, names: TargetNames): string {
  return video.deliveries.map((d) => `${names.get(d.target) ?? d.target} ${deliveryStatus(video, d)}`).join(', ');
}

/** Lines for `ferry show`: one per delivery, with the remote id or the reason it failed. */
export function deliveryLines(video: Video, names: TargetNames): [string, string][] {
  return video.deliveries.map((d) => {
    const parts = [`${names.get(d.target) ?? d.target} (${d.mode}): ${deliveryStatus(video, d)}`];
    if (d.remoteId) parts.push(`remote id ${d.remoteId}`);
    if (d.error) parts.push(`${d.errorReasonCode ?? 'ERR_DELIVERY_FAILED'}: ${d.error}`);
    return ['delivery', parts.join(' · ')];
  });
}

/** A target by id, or else by name. */
export const findTarget = (targets: readonly DeliveryTarget[], idOrName: string) =>
  targets.find((t) => t.id === idOrName) ?? targets.find((t) => t.name === idOrName);

/** `--deliver` values (ids or names) as target ids; an unknown one is a usage error naming the targets there are. */
export function resolveTargets(given: readonly string[] | undefined, targets: readonly DeliveryTarget[]): string[] {
  const ids: string[] = [];
  for (const wanted of given ?? []) {
    const target = findTarget(targets, wanted);
    if (!target) {
      const known = targets.map((t) => `${t.name} (${t.id})`).join(', ');
      throw new UsageError(
        `No delivery target "${wanted}". ${known ? `Targets: ${known}.` : 'There are none yet: add one with ferry target add.'}`,
      );
    }
    if (!ids.includes(target.id)) ids.push(target.id);
  }
  return ids;
}

export function formatTargetTable(targets: readonly DeliveryTarget[]): string {
  const rows = targets.map((t) => [t.id, t.name, t.provider, t.hasCredential ? 'yes' : 'no', t.endpoint]);
  return formatColumns(['ID', 'NAME', 'PROVIDER', 'CREDENTIAL', 'ENDPOINT'], rows);
}
