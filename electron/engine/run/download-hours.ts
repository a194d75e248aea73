/**
 * The download hours (Settings.download.hours), pure: whether a local time of day is inside
 * them, when they open next, and how long until the verdict changes, for the run loop to wake
 * then. Times are minutes of the day; the window includes its start and excludes its end, and an
 * end before the start runs past midnight (22:00–07:00 is a night).
 */

export interface DownloadHours {
  start: string;
  end: string;
}

export type HoursVerdict = { open: true } | { open: false; opensAt: string };

const minutesOfDay = 24 * 60;

/** "07:30" as 450. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The minute of the day `date` is at, in the engine's local time. */
export function minuteOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes();
}

export function isInsideHours(hours: DownloadHours, minute: number): boolean {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether downloads may start at `minute`; null hours: at any time. */
export function downloadHoursVerdict(hours: DownloadHours | null, minute: number): HoursVerdict {
  if (hours === null || isInsideHours(hours, minute)) return { open: true };
  return { open: false, opensAt: hours.start };
}

/** Minutes from `minute` until the verdict next changes (the window opens or closes); null hours: never. */
export function minutesUntilChange(hours: DownloadHours | null, minute: number): number | null {
  if (hours === null) return null;
  const next = isInsideHours(hours, minute) ? minutesOf(hours.end) : minutesOf(hours.start);
  const until = (next - minute + minutesOfDay) % minutesOfDay;
  return until === 0 ? minutesOfDay : until;
}
