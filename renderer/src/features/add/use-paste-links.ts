/**
 * Paste anywhere to add: links pasted outside a text field (Ctrl/Cmd+V on the page) are queued
 * with addLinks. A paste into a field is the field's.
 */
import { useEffect } from 'react';
import type { AddResult, FerryApi } from '../../../../shared/api';
import { linksInText } from './links-in-text';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);

/** What the user is told after a paste: what was queued, or why not. */
export function describeAdded(result: AddResult): string {
  const parts = [`Queued ${result.queued.length} ${result.queued.length === 1 ? 'video' : 'videos'}`];
  if (result.duplicates.length) parts.push(`${result.duplicates.length} already in the queue`);
  if (result.invalid.length) parts.push(`${result.invalid.length} refused: ${result.invalid[0]?.reason ?? ''}`);
  return `${parts.join(' · ')}.`;
}

export function usePasteLinks(
  api: Pick<FerryApi, 'addLinks'>,
  onAdded: (result: AddResult) => void,
  onProblem: (message: string) => void,
): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      const links = linksInText(event.clipboardData?.getData('text/plain') ?? '');
      if (links.length === 0) return;
      event.preventDefault();
      api
        .addLinks({ links: links.map((url) => ({ url })) })
        .then(onAdded, (error: unknown) => onProblem(error instanceof Error ? error.message : String(error)));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [api, onAdded, onProblem]);
}
