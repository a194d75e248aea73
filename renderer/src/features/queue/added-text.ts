/**
 * When a video was added, as the queue's Added column says it: the time for today, the day and
 * month for this year, the full date before that. Short, so the column stays narrow; the row's
 * tooltip has the full date and time.
 */
export function addedText(created: string, now: Date = new Date()): string {
  const at = new Date(created);
  if (Number.isNaN(at.getTime())) return '';
  const sameYear = at.getFullYear() === now.getFullYear();
  if (sameYear && at.getMonth() === now.getMonth() && at.getDate() === now.getDate())
    return at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return at.toLocaleDateString(undefined, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' });
}
