/** Deliveries and delivery targets for the terminal, and what `--deliver` names. Pure. */
import { providerFacts, type DeliveryTarget } from '../../shared/delivery-targets';
import { formatBytes, formatDuration } from '../../shared/format-units';
import type { Delivery, Video } from '../../shared/video';
import { UsageError } from './cli-context';
import { formatColumns } from './format-columns';

/** Target names by id, for showing deliveries; a removed target shows as its id. */
export type TargetNames = ReadonlyMap<string, string>;

export const targetNames = (targets: readonly DeliveryTarget[]): TargetNames =>
  new Map(targets.map((t) => [t.id, t.name]));

/**
 * "queued", "uploading 42%", "processing 40%", "paused 42%" (out of the deliver stage, not
 * finished), "ready", "failed".
 */
export function deliveryStatus(video: Video, delivery: Delivery): string {
  const pct = `${Math.round(delivery.pctComplete)}%`;
  const unfinished = delivery.state === 'queued' || delivery.state === 'uploading' || delivery.state === 'processing';
  if (unfinished && video.status.step !== 'deliver') return `paused ${pct}`;
  switch (delivery.state) {
    case 'queued':
      return delivery.pctComplete > 0 ? `queued ${pct}` : 'queued';
    case 'uploading':
      return `uploading ${pct}`;
    case 'processing':
      // The service's own progress, when it gives one; 0 says nothing.
      return delivery.pctComplete > 0 ? `processing ${pct}` : 'processing';
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

/** Speed and time left, only while bytes are going out: a figure from an earlier upload would mislead. */
function uploadPace(video: Video, delivery: Delivery): string[] {
  if (delivery.state !== 'uploading' || video.status.step !== 'deliver') return [];
  const pace: string[] = [];
  if (delivery.bytesPerSecond !== undefined && delivery.bytesPerSecond >= 0)
    pace.push(`${formatBytes(delivery.bytesPerSecond)}/s`);
  if (delivery.etaSeconds !== undefined && delivery.etaSeconds >= 0)
    pace.push(`${formatDuration(delivery.etaSeconds)} left`);
  return pace;
}

/**
 * Lines for `ferry show`, keyed as its other lines are: per delivery, a headline (target, mode,
 * state, pace, the service's word, remote id), then its playback URL, notice and error each on
 * a line of its own, since they are long and are what a user copies.
 */
export function deliveryLines(video: Video, names: TargetNames): [string, string][] {
  return video.deliveries.flatMap((d) => {
    const headline = [`${names.get(d.target) ?? d.target} (${d.mode}): ${deliveryStatus(video, d)}`];
    headline.push(...uploadPace(video, d));
    if (d.remoteState) headline.push(`service says ${d.remoteState}`);
    if (d.remoteId) headline.push(`remote id ${d.remoteId}`);
    const lines: [string, string][] = [['delivery', headline.join(' · ')]];
    if (d.playbackUrl) lines.push(['', `  playback ${d.playbackUrl}`]);
    if (d.notice) lines.push(['', `  notice: ${d.notice}`]);
    if (d.state === 'error' || d.error)
      lines.push(['', `  ${d.errorReasonCode ?? 'ERR_DELIVERY_FAILED'}: ${d.error ?? 'the delivery failed'}`]);
    return lines;
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

/** "account abc", "library 123": what a target names at its service, blank when nothing. */
const targetPlace = (t: DeliveryTarget) =>
  [t.account ? `account ${t.account}` : '', t.library ? `library ${t.library}` : '', t.index ? `index ${t.index}` : '']
    .filter(Boolean)
    .join(', ');

/** `ferry target list`: the endpoint goes last, being the longest; the ACCOUNT/LIBRARY/INDEX column only when a target names a place. */
export function formatTargetTable(targets: readonly DeliveryTarget[]): string {
  const placed = targets.some((t) => targetPlace(t) !== '');
  const rows = targets.map((t) => [
    t.id,
    t.name,
    providerFacts[t.provider]?.label ?? t.provider,
    t.mode,
    // A target that can only pull never sends a file, so what it would send means nothing.
    providerFacts[t.provider]?.modes.includes('push') === false ? '—' : t.send,
    t.hasCredential ? 'yes' : 'no',
    ...(placed ? [targetPlace(t)] : []),
    t.endpoint,
  ]);
  const header = [
    'ID',
    'NAME',
    'PROVIDER',
    'MODE',
    'SEND',
    'CREDENTIAL',
    ...(placed ? ['ACCOUNT/LIBRARY/INDEX'] : []),
    'ENDPOINT',
  ];
  return formatColumns(header, rows);
}
