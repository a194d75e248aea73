/**
 * A video's history in words: each event of the engine (video-history.ts) as one sentence. A
 * delivery names its target by name: its name now, else the one the engine recorded, never its id.
 * Pure.
 */
import type { VideoEvent } from '../../../../shared/api';
import type { VideoState } from '../../../../shared/video-states';
import { stateLabels } from '../queue/video-text';

type Data = Record<string, unknown>;

const text = (data: Data, key: string): string | undefined =>
  typeof data[key] === 'string' && data[key] !== '' ? data[key] : undefined;
const number = (data: Data, key: string): number | undefined => (typeof data[key] === 'number' ? data[key] : undefined);

const stageWords: Record<string, string> = {
  fetch: 'download',
  probe: 'check',
  transcode: 'transcode',
  deliver: 'delivery',
  done: 'finish',
};
const stageWord = (data: Data) => stageWords[text(data, 'stage') ?? ''] ?? 'work';

const stateLabel = (state: string | undefined): string =>
  state && state in stateLabels ? stateLabels[state as VideoState] : (state ?? '?');

/** A target's name now, by its id; undefined for a target removed since (or not loaded yet). */
export type TargetName = (id: string) => string | undefined;

/** The target an event is about, by name; a target removed before Ferry recorded names is "a removed target". */
function targetOf(data: Data, names: TargetName): string {
  const id = text(data, 'target');
  return (id && names(id)) ?? text(data, 'name') ?? 'a removed target';
}

function requested(data: Data, names: TargetName): string {
  const list = Array.isArray(data.targets) ? (data.targets as Data[]) : [];
  const targets = list.map((one) => targetOf(one, names));
  return `Asked to deliver to ${targets.length > 0 ? targets.join(', ') : 'a target'}`;
}

/** A local time of day, as the page shows the other times; a parameter so tests choose it. */
export type FormatTime = (iso: string) => string;
export const localTime: FormatTime = (iso) => new Date(iso).toLocaleString();

function transition(data: Data): string {
  const from = text(data, 'from');
  const moved = from && from !== text(data, 'to') ? `${stateLabel(from)} → ` : '';
  const why = text(data, 'text');
  return `${moved}${stateLabel(text(data, 'to'))}${why ? `: ${why}` : ''}`;
}

function retry(data: Data, time: FormatTime): string {
  const attempt = number(data, 'attempt');
  const status = number(data, 'status');
  const reason = [text(data, 'reason'), status ? `HTTP ${status}` : undefined].filter(Boolean).join(', ');
  const next = text(data, 'nextAttemptAt');
  return (
    `${attempt ? `Attempt ${attempt} of the ${stageWord(data)}` : `The ${stageWord(data)}`} failed` +
    `${reason ? ` (${reason})` : ''}; ${next ? `next attempt at ${time(next)}` : 'it will be tried again'}`
  );
}

function webhook(data: Data, time: FormatTime): string {
  const status = number(data, 'status');
  const error = text(data, 'error');
  const detail = [status ? `HTTP ${status}` : undefined, error].filter(Boolean).join(', ');
  const to = `Webhook to ${text(data, 'url') ?? 'the receiver'}`;
  const next = text(data, 'nextAttemptAt');
  switch (text(data, 'outcome')) {
    case 'delivered':
      return `${to} delivered${detail ? ` (${detail})` : ''}`;
    case 'gave up':
      return `${to} failed${detail ? ` (${detail})` : ''}; no more attempts`;
    default:
      return `${to} failed${detail ? ` (${detail})` : ''}; ${next ? `next attempt at ${time(next)}` : 'it will be sent again'}`;
  }
}

function delivery(type: string, data: Data, time: FormatTime, names: TargetName): string {
  const target = targetOf(data, names);
  if (type === 'delivery-sent') return `Sent to ${target}; it is processing the video`;
  if (type === 'delivered') return `Delivered to ${target}${text(data, 'url') ? ` (${text(data, 'url')})` : ''}`;
  const why = text(data, 'text') ?? text(data, 'message');
  if (type === 'delivery-failed') return `Delivery to ${target} failed${why ? `: ${why}` : ''}`;
  const next = text(data, 'nextAttemptAt');
  return `Delivery to ${target} failed${why ? ` (${why})` : ''}; ${next ? `next attempt at ${time(next)}` : 'it will be tried again'}`;
}

export function describeEvent(
  event: VideoEvent,
  time: FormatTime = localTime,
  names: TargetName = () => undefined,
): string {
  const { data } = event;
  switch (event.type) {
    case 'state':
    case 'transition':
      return transition(data);
    case 'claimed':
      return `Started the ${stageWord(data)}`;
    case 'recovered':
      return `Ferry had stopped during the ${stageWord(data)}; it was put back in the queue`;
    case 'interrupted':
      return `The ${stageWord(data)} was interrupted${text(data, 'reason') ? ` (${text(data, 'reason')})` : ''}; it will start again`;
    case 'retry':
      return retry(data, time);
    case 'ffmpeg-stderr':
      return 'ffmpeg failed; its log is shown with the error';
    case 'webhook':
      return webhook(data, time);
    case 'delivered':
    case 'delivery-sent':
    case 'delivery-failed':
    case 'delivery-retry':
      return delivery(event.type, data, time, names);
    case 'delivery-requested':
      return requested(data, names);
    case 'deliveries-paused':
      return 'Deliveries paused';
    case 'internal-error':
      return `Ferry failed unexpectedly${text(data, 'message') ? `: ${text(data, 'message')}` : ''}`;
    case 'outcome-dropped':
      return `A result of the ${stageWord(data)} came too late and was not used`;
    case 'cleanup-failed':
      return `Temporary files could not be removed${text(data, 'error') ? `: ${text(data, 'error')}` : ''}`;
    case 'hardware-encoder-failed':
      return `The hardware encoder ${text(data, 'encoder')} failed (${text(data, 'error')}); encoded again with ${text(data, 'fallback')}`;
    case 'outputs-deleted':
      return text(data, 'reason') === 'scheduledDeletion' ? 'Outputs deleted, as scheduled' : 'Outputs deleted';
    default:
      return event.type.replace(/[-_]/g, ' ');
  }
}
