/**
 * File > Import List…: the dialog's options for one list of links, and what to tell the user
 * about the lines that were not queued (a duplicate is not a problem: it is already there). Pure.
 */
import type { OpenDialogOptions } from 'electron';
import type { ImportReport } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';

export const listDialogOptions: OpenDialogOptions = {
  properties: ['openFile'],
  filters: [
    { name: 'Lists of links', extensions: ['txt', 'csv', 'json', 'ndjson'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** Lines shown at most; a list of thousands should not make a dialog taller than the screen. */
const shownLines = 20;

export function importProblems(answer: Envelope<ImportReport>): string[] {
  if (!answer.ok) return [answer.error.message];
  const lines = answer.value.invalid.map(({ line, text, reason }) => `Line ${line}: ${text}: ${reason}`);
  if (lines.length <= shownLines) return lines;
  return [...lines.slice(0, shownLines), `…and ${lines.length - shownLines} more lines.`];
}
