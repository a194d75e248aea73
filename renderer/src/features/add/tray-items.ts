/**
 * The upload tray's files and what they add up to (as Uppy's Dashboard shows them): each file's
 * state, bytes sent, smoothed speed and time left, and the total over the files still counted.
 * Pure: the hook that runs the uploads (use-file-intake.ts) feeds it events with their time.
 */

export type TrayState =
  /** Its content fingerprint is being computed and looked up. */
  | 'checking'
  /** The same content is in Ferry already: waits for "Add again" or "Skip". */
  | 'already'
  | 'waiting'
  | 'uploading'
  | 'done'
  | 'failed'
  | 'canceled'
  /** Not a video, or skipped by the user after "already in Ferry". */
  | 'skipped';

export interface TrayItem {
  id: number;
  name: string;
  size: number;
  state: TrayState;
  sent: number;
  /** Bytes a second, smoothed; 0 until measured. */
  speed: number;
  /** When `sent` was last measured (ms), for the next speed sample. */
  sampledAt: number;
  /** With failed or skipped: why. */
  message?: string;
  /** Its content fingerprint, once computed. */
  fingerprint?: string;
  /** With already: the video that has this content, or the file of this tray sending it. */
  match?: { name: string; inTray?: boolean };
}

/** Weight of the newest sample: a steady figure that still follows a real change within seconds (Uppy's EMA). */
const smoothing = 0.3;

export function newItem(id: number, name: string, size: number, state: TrayState, message?: string): TrayItem {
  return { id, name, size, state, sent: 0, speed: 0, sampledAt: 0, ...(message ? { message } : {}) };
}

/** A progress report: bytes sent so far at time `now` (ms). */
export function withProgress(item: TrayItem, sent: number, now: number): TrayItem {
  if (item.state !== 'uploading') return item;
  const elapsed = (now - item.sampledAt) / 1000;
  if (item.sampledAt === 0 || elapsed <= 0) return { ...item, sent, sampledAt: item.sampledAt || now };
  const sample = Math.max(0, sent - item.sent) / elapsed;
  const speed = item.speed === 0 ? sample : smoothing * sample + (1 - smoothing) * item.speed;
  return { ...item, sent, speed, sampledAt: now };
}

/** Starts (or starts again) an upload from its first byte. */
export const started = (item: TrayItem, now: number): TrayItem => {
  const rest = { ...item };
  delete rest.message;
  return { ...rest, state: 'uploading', sent: 0, speed: 0, sampledAt: now };
};

export const secondsLeft = (item: Pick<TrayItem, 'size' | 'sent' | 'speed'>): number | null =>
  item.speed > 0 ? Math.max(0, item.size - item.sent) / item.speed : null;

export const isActive = (item: TrayItem) =>
  item.state === 'checking' || item.state === 'waiting' || item.state === 'uploading';

export interface TrayTotals {
  /** Files still to finish: checking, waiting or uploading. */
  active: number;
  done: number;
  /** Failed or canceled: offered again with Retry. */
  stopped: number;
  /** Waiting for the user's "Add again" or "Skip". */
  asking: number;
  skipped: number;
  /** Bytes of the files being sent or sent (not the canceled, failed, skipped ones). */
  sent: number;
  size: number;
  speed: number;
  secondsLeft: number | null;
}

export function trayTotals(items: readonly TrayItem[]): TrayTotals {
  const totals: TrayTotals = {
    active: 0,
    done: 0,
    stopped: 0,
    asking: 0,
    skipped: 0,
    sent: 0,
    size: 0,
    speed: 0,
    secondsLeft: null,
  };
  for (const item of items) {
    if (isActive(item)) totals.active++;
    if (item.state === 'done') totals.done++;
    if (item.state === 'failed' || item.state === 'canceled') totals.stopped++;
    if (item.state === 'already') totals.asking++;
    if (item.state === 'skipped') totals.skipped++;
    if (isActive(item) || item.state === 'done') {
      totals.size += item.size;
      totals.sent += item.state === 'done' ? item.size : item.sent;
    }
    if (item.state === 'uploading') totals.speed += item.speed;
  }
  return { ...totals, secondsLeft: secondsLeft(totals) };
}

export const percent = (sent: number, size: number): number => (size > 0 ? Math.floor((sent / size) * 100) : 0);
