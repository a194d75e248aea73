/**
 * When a video was added, as the queue's Added column says it: the time for today, the day and
 * month for this year, the full date before that. Short, so the column stays narrow; the row's
 * tooltip has the full date and time.
 *
 * The formatters are made once: `toLocale…String` with options builds a new Intl formatter on
 * every call, which was most of a row's render time when a list of thousands first shows.
 */
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function addedText(created: string, now: Date = new Date()): string {
  const at = new Date(created);
  if (Number.isNaN(at.getTime())) return '';
  const sameYear = at.getFullYear() === now.getFullYear();
  if (sameYear && at.getMonth() === now.getMonth() && at.getDate() === now.getDate()) return time.format(at);
  return (sameYear ? dayAndMonth : fullDate).format(at);
}

/** The row's tooltip: the whole date and time. */
export function addedTitle(created: string): string {
  const at = new Date(created);
  return Number.isNaN(at.getTime()) ? '' : dateAndTime.format(at);
}
