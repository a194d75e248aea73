/**
 * The preview of a list file (.txt, .csv, .json, .ndjson) before a bulk import: the counts of new,
 * duplicate and invalid lines over the whole list, the lines that will not be queued first (each
 * with its line number and why), then the first new ones; one click queues them all. Once queued,
 * every line that was not queued is listed. The list's content is sent (a browser has no path);
 * the desktop app sends the file's path when it has one.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ImportReport } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { CheckRows } from './CheckRows';
import { describeCounts, describeImport, queueLabel } from './describe-result';
import { listFormatOf } from './file-kinds';
import { choiceProblem, ingestOptions, initialChoice } from './ingest-choice';
import { IngestFields } from './IngestFields';
import { NotQueuedLines } from './NotQueuedLines';
import { Sheet } from './Sheet';
import { useLinkCheck } from './use-link-check';
import { loadedTargets, useTargets } from '../targets/use-targets';

/** The new lines shown after the problems. */
const newRows = 20;
/** The most rows asked for: the problems of any list a person fixes by hand, and the first new ones. */
const checkedRows = 1000;

export function ImportSheet({ file, onClose }: { file: File; onClose(): void }) {
  const { api, store, settings, platform, tell } = useApp();
  const defaults = useStore(settings, (s) => s.settings);
  const [content, setContent] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [choice, setChoice] = useState(() => initialChoice(defaults));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportReport | null>(null);
  const targets = loadedTargets(useTargets().state);
  const format = listFormatOf(file.name) ?? undefined;
  const { check, error, checking } = useLinkCheck(api, content ?? '', {
    limit: checkedRows,
    problemsFirst: true,
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
      // Lines left out stay on screen, every one of them; a clean import just closes.
      if (report.invalid.length + report.duplicates.length > 0) setDone(report);
      else onClose();
    } catch (failure) {
      setProblem(`Nothing was queued: ${failure instanceof Error ? failure.message : String(failure)}`);
      setBusy(false);
    }
  }

  if (done)
    return (
      <Sheet
        open
        onClose={onClose}
        title={`Imported ${file.name}`}
        description={describeImport(done)}
        actions={null}
        closeLabel="Done"
      >
        <NotQueuedLines report={done} onCopy={(text) => platform.copyText(text)} />
      </Sheet>
    );

  const problems = check?.rows.filter((row) => row.status !== 'new') ?? [];
  const fresh = check?.rows.filter((row) => row.status === 'new').slice(0, newRows) ?? [];
  const problemCount = check ? check.counts.duplicate + check.counts.invalid : 0;
  const total = check ? check.counts.new + problemCount : 0;
  return (
    <Sheet
      open
      onClose={onClose}
      title={`Import ${file.name}`}
      description="Ferry read the list: check the lines it will not queue and the first new ones, then queue every new link at once."
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
      {problems.length > 0 && (
        <>
          <p className="add-muted">
            {problems.length < problemCount
              ? `The first ${problems.length.toLocaleString('en')} of ${problemCount.toLocaleString('en')} lines that will not be queued:`
              : `${problemCount.toLocaleString('en')} ${problemCount === 1 ? 'line' : 'lines'} will not be queued:`}
          </p>
          <CheckRows rows={problems} label="Lines not queued" />
        </>
      )}
      {fresh.length > 0 && (
        <>
          <p className="add-muted">
            The first {fresh.length} new of {total.toLocaleString('en')} lines ({check?.format}):
          </p>
          <CheckRows rows={fresh} label="First new lines" />
        </>
      )}
      {check && total === 0 && <p className="add-muted">This list has no links: put one link on each line.</p>}
      <IngestFields choice={choice} onChange={setChoice} targets={targets} onLeave={onClose} />
      {problem && (
        <p role="alert" className="add-problem">
          {problem}
        </p>
      )}
    </Sheet>
  );
}
