/**
 * After an import: every line that was not queued, with its line number and why (invalid, or
 * already in the queue), not only the first; the list can be copied to fix and import again.
 */
import { useState } from 'react';
import type { ImportReport } from '../../../../shared/api';
import { notQueuedLines } from './describe-result';

export function NotQueuedLines({ report, onCopy }: { report: ImportReport; onCopy?(text: string): Promise<void> }) {
  const lines = notQueuedLines(report);
  // Said on the button itself: a notice would show behind the sheet.
  const [copied, setCopied] = useState<'no' | 'yes' | 'refused'>('no');
  return (
    <>
      <p className="add-counts">
        {lines.length.toLocaleString('en')} {lines.length === 1 ? 'line was' : 'lines were'} not queued:
      </p>
      <ol className="add-rows" aria-label="Lines not queued" tabIndex={0}>
        {lines.map((line) => (
          <li key={line.line} className={`add-row add-row-${line.status}`}>
            <span className="add-line">
              <span className="visually-hidden">Line </span>
              {line.line}
            </span>
            <span className={`add-row-status ${line.status === 'invalid' ? 'add-problem' : 'add-muted'}`}>
              {line.status === 'invalid' ? 'Invalid' : 'Already in the queue'}
            </span>
            <span className="add-link">{line.text}</span>
            {line.reason && <span className="add-reason">{line.reason}</span>}
          </li>
        ))}
      </ol>
      {onCopy && (
        <button
          type="button"
          className="add-copy-lines"
          onClick={() =>
            onCopy(
              lines.map((line) => `${line.line}\t${line.text}\t${line.reason ?? 'already in the queue'}`).join('\n'),
            ).then(
              () => setCopied('yes'),
              () => setCopied('refused'),
            )
          }
        >
          {copied === 'yes'
            ? 'Copied'
            : copied === 'refused'
              ? 'The clipboard refused: select the lines instead'
              : 'Copy these lines'}
        </button>
      )}
    </>
  );
}
