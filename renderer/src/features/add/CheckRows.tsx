/**
 * The lines of a paste or a list as the engine read them: each link, a share link with the
 * direct link it becomes, duplicates, and invalid lines with what is wrong.
 */
import type { LinkCheckRow } from '../../../../shared/link-check';

function RowText({ row }: { row: LinkCheckRow }) {
  if (row.status === 'invalid')
    return (
      <>
        <span className="add-row-status add-problem">Invalid</span>
        <span className="add-link">{row.input}</span>
        <span className="add-reason">{row.reason}</span>
      </>
    );
  const label = row.status === 'new' ? 'New' : row.duplicateOf ? 'Already in the queue' : 'Repeated above';
  return (
    <>
      <span className={`add-row-status${row.status === 'new' ? '' : ' add-muted'}`}>{label}</span>
      {row.rewritten ? (
        <span className="add-link">
          Share link {row.input} → direct link {row.url}
        </span>
      ) : (
        <span className="add-link">{row.input}</span>
      )}
      {(row.name || row.headerNames?.length) && (
        <span className="add-muted">
          {row.name && `name: ${row.name}`}
          {row.name && row.headerNames?.length ? ' · ' : ''}
          {row.headerNames?.length ? `headers: ${row.headerNames.join(', ')}` : ''}
        </span>
      )}
    </>
  );
}

export function CheckRows({ rows, label }: { rows: readonly LinkCheckRow[]; label: string }) {
  return (
    // Focusable, so a keyboard can scroll a long list (the sheet caps its height).
    <ol className="add-rows" aria-label={label} tabIndex={0}>
      {rows.map((row) => (
        <li key={row.line} className={`add-row add-row-${row.status}`}>
          <span className="add-line">
            <span className="visually-hidden">Line </span>
            {row.line}
          </span>
          <RowText row={row} />
        </li>
      ))}
    </ol>
  );
}
