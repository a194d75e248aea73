/** What the user is told after adding: what was queued, and what was not and why. Pure. */
import type { AddResult, ImportReport } from '../../../../shared/api';
import type { LinkCheck } from '../../../../shared/link-check';

const videos = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'video' : 'videos'}`;

export function describeAdded(result: AddResult, skipped: readonly { input: string; reason: string }[] = []): string {
  const parts = [`Queued ${videos(result.queued.length)}`];
  if (result.duplicates.length) parts.push(`${result.duplicates.length} already in the queue`);
  if (result.invalid.length) parts.push(`${result.invalid.length} refused: ${result.invalid[0]?.reason ?? ''}`);
  const left = [...skipped, ...(result.skipped ?? [])];
  if (left.length) parts.push(`${left.length} skipped (${left[0]?.input}: ${left[0]?.reason})`);
  return `${parts.join(' · ')}.`;
}

export function describeImport(report: ImportReport): string {
  const parts = [`Queued ${videos(report.queued)}`];
  if (report.duplicates.length) parts.push(`${report.duplicates.length.toLocaleString('en')} already in the queue`);
  if (report.invalid.length)
    parts.push(
      `${report.invalid.length.toLocaleString('en')} invalid (line ${report.invalid[0]?.line}: ${report.invalid[0]?.reason})`,
    );
  return `${parts.join(' · ')}.`;
}

export interface NotQueuedLine {
  line: number;
  text: string;
  status: 'invalid' | 'duplicate';
  reason?: string;
}

/** Every line of an import that was not queued, by line: the invalid ones with why, the duplicates. */
export function notQueuedLines(report: ImportReport): NotQueuedLine[] {
  const lines: NotQueuedLine[] = [
    ...report.invalid.map(({ line, text, reason }) => ({ line, text, status: 'invalid' as const, reason })),
    ...report.duplicates.map(({ line, url }) => ({ line, text: url, status: 'duplicate' as const })),
  ];
  return lines.sort((a, b) => a.line - b.line);
}

/** The counts of a check, as the sheets show them. */
export function describeCounts(counts: LinkCheck['counts']): string {
  const parts = [`${counts.new.toLocaleString('en')} new`];
  if (counts.duplicate) parts.push(`${counts.duplicate.toLocaleString('en')} already in the queue or repeated`);
  if (counts.invalid) parts.push(`${counts.invalid.toLocaleString('en')} invalid`);
  return parts.join(' · ');
}

export const queueLabel = (n: number) => `Queue ${videos(n)}`;
