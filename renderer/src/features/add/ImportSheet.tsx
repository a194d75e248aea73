/**
 * The preview of a list file (.txt, .csv, .json, .ndjson) before a bulk import: its first rows
 * as the engine reads them, and the counts of new, duplicate and invalid lines over the whole
 * list; one click queues them all. The list's content is sent (a browser has no path); the
 * desktop app sends the file's path when it has one.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { CheckRows } from './CheckRows';
import { describeCounts, describeImport, queueLabel } from './describe-result';
import { listFormatOf } from './file-kinds';
import { choiceProblem, ingestOptions, initialChoice } from './ingest-choice';
import { IngestFields } from './IngestFields';
import { Sheet } from './Sheet';
import { useLinkCheck } from './use-link-check';
import { loadedTargets, useTargets } from '../targets/use-targets';

const previewRows = 20;

export function ImportSheet({ file, onClose }: { file: File; onClose(): void }) {
  const { api, store, settings, platform, tell } = useApp();
  const defaults = useStore(settings, (s) => s.settings);
  const [content, setContent] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [choice, setChoice] = useState(() => initialChoice(defaults));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targets = loadedTargets(useTargets().state);
  const format = listFormatOf(file.name) ?? undefined;
  const { check, error, checking } = useLinkCheck(api, content ?? '', {
    limit: previewRows,
    ...(format ? { format } : {}),
  });

  useEffect(() => {
    let current = true;
    file.text().then(
      (text) => current && setContent(text),
      (failure: unknown) => current && setReadError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [file]);

  const count = check?.counts.new ?? 0;
  const blocked = !check || count === 0 || busy || checking || choiceProblem(choice) !== null;

  async function queue() {
    if (content === null) return;
    setBusy(true);
    const options = ingestOptions(choice);
    const path = platform.pathForFile(file);
    try {
      const report = await api.importList(
        path ? { path, options } : { content, ...(format ? { format } : {}), options },
      );
      tell(describeImport(report));
      void store.getState().refresh();
      onClose();
    } catch (failure) {
      setProblem(`Nothing was queued: ${failure instanceof Error ? failure.message : String(failure)}`);
      setBusy(false);
    }
  }

  const shown = check?.rows.length ?? 0;
  return (
    <Sheet
      open
      onClose={onClose}
      title={`Import ${file.name}`}
      description="Ferry read the list: check the counts and the first rows, then queue every new link at once."
      actions={
        <button type="button" className="add-primary" disabled={blocked} onClick={() => void queue()}>
          {queueLabel(count)}
        </button>
      }
    >
      {readError && <p className="add-problem">Ferry could not read this file: {readError}. Choose it again.</p>}
      {error && <p className="add-problem">Ferry could not read this list: {error}</p>}
      <p className="add-counts" aria-live="polite">
        {check ? describeCounts(check.counts) : readError ? null : 'Reading the list…'}
      </p>
      {check && shown > 0 && (
        <>
          <p className="add-muted">
            The first {shown} of{' '}
            {(check.counts.new + check.counts.duplicate + check.counts.invalid).toLocaleString('en')} lines (
            {check.format}):
          </p>
          <CheckRows rows={check.rows} label="First rows" />
        </>
      )}
      {check && shown === 0 && <p className="add-muted">This list has no links: put one link on each line.</p>}
      <IngestFields choice={choice} onChange={setChoice} targets={targets} onLeave={onClose} />
      {problem && (
        <p role="alert" className="add-problem">
          {problem}
        </p>
      )}
    </Sheet>
  );
}
