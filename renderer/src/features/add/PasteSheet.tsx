/**
 * The confirm sheet for pasted links: what the engine recognised in the text (checkLinks), an
 * optional name, request headers and ingest options, and one button that queues the new ones.
 * The text stays editable, and what is recognised follows it. Links a ferry:// link offered are
 * read as plain links and kept to public addresses unless the user ticks the box that allows more.
 */
import { useId, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { FerryError } from '../../../../shared/ferry-error';
import type { OfferedLinks } from '../../../../shared/platform-bridge';
import { useApp } from '../../app/app-context';
import { CheckRows } from './CheckRows';
import { describeAdded, describeCounts, describeImport, queueLabel } from './describe-result';
import { parseHeaderLines } from './header-lines';
import { choiceProblem, ingestOptions, initialChoice } from './ingest-choice';
import { IngestFields } from './IngestFields';
import { maxPastedLinks } from './links-in-text';
import { AllowLocalField, OfferedNotice } from './OfferedFields';
import { guardedOptions, offeredName } from './offered-links';
import { pasteRequest, takesSheetFields } from './paste-request';
import { Sheet } from './Sheet';
import { useLinkCheck } from './use-link-check';
import { loadedTargets, useTargets } from '../targets/use-targets';

interface PasteSheetProps {
  initialText: string;
  onClose(): void;
  returnFocus?: RefObject<HTMLElement | null>;
  /** The sheet shows links a ferry:// link offered (initialText holds them). */
  offered?: OfferedLinks;
}

export function PasteSheet({ initialText, onClose, returnFocus, offered }: PasteSheetProps) {
  const { api, store, settings, tell } = useApp();
  const defaults = useStore(settings, (s) => s.settings);
  const id = useId();
  const [text, setText] = useState(initialText);
  const [name, setName] = useState(() => (offered ? offeredName(offered) : ''));
  const [allowLocal, setAllowLocal] = useState(false);
  const [headerText, setHeaderText] = useState('');
  const [choice, setChoice] = useState(() => initialChoice(defaults));
  const [refused, setRefused] = useState<{ headers: string[]; other: string | null }>({ headers: [], other: null });
  const [busy, setBusy] = useState(false);
  const targets = loadedTargets(useTargets().state);
  // Offered text is links, never a list whose lines bring their own headers.
  const { check, error, checking } = useLinkCheck(api, text, {
    limit: maxPastedLinks,
    ...(offered ? { format: 'text' as const } : {}),
  });

  const headers = parseHeaderLines(headerText);
  const headerProblems = [...headers.problems, ...refused.headers];
  const plain = check === null || takesSheetFields(check);
  const options = guardedOptions(ingestOptions(choice), offered !== undefined, allowLocal);
  const request = check && pasteRequest(check, { content: text, name, headers: headers.headers, options });
  const count = request?.command === 'addLinks' ? request.input.links.length : (check?.counts.new ?? 0);
  const oneLink = plain && count === 1;
  const blocked = !request || busy || checking || headers.problems.length > 0 || choiceProblem(choice) !== null;

  async function queue() {
    if (!request) return;
    setBusy(true);
    try {
      const message =
        request.command === 'addLinks'
          ? describeAdded(await api.addLinks(request.input))
          : describeImport(await api.importList(request.input));
      tell(message);
      void store.getState().refresh();
      onClose();
    } catch (failure) {
      const issues = failure instanceof FerryError ? (failure.issues ?? []) : [];
      const headerIssues = issues.filter((issue) => issue.path.includes('headers'));
      setRefused({
        headers: headerIssues.map((issue) => issue.message),
        other:
          headerIssues.length === issues.length && issues.length > 0
            ? null
            : `Nothing was queued: ${failure instanceof Error ? failure.message : String(failure)}`,
      });
      setBusy(false);
    }
  }

  return (
    <Sheet
      open
      onClose={onClose}
      returnFocus={returnFocus}
      title="Add links"
      description="Check what Ferry recognised, then queue the new links."
      actions={
        <button type="button" className="add-primary" disabled={blocked} onClick={() => void queue()}>
          {queueLabel(count)}
        </button>
      }
    >
      {offered && <OfferedNotice dropped={offered.dropped} />}
      <label className="add-field">
        <span>Links, one per line</span>
        <textarea value={text} rows={4} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      </label>
      <p className="add-counts" aria-live="polite">
        {text.trim() === ''
          ? 'Paste or type links (http, https or s3), one per line.'
          : checking
            ? 'Checking…'
            : check
              ? describeCounts(check.counts)
              : null}
      </p>
      {error && <p className="add-problem">Ferry could not check these links: {error}</p>}
      {check && check.rows.length > 0 && <CheckRows rows={check.rows} label="Recognised lines" />}
      {check && check.rows.length < check.counts.new + check.counts.duplicate + check.counts.invalid && (
        <p className="add-muted">
          Only the first {maxPastedLinks.toLocaleString('en')} lines are shown and queued: use Import list… for longer
          lists.
        </p>
      )}
      {oneLink && (
        <label className="add-field">
          <span>Name (optional)</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="From the link" />
        </label>
      )}
      {plain && (
        <div className="add-field">
          <label htmlFor={`${id}-headers`}>Request headers (optional)</label>
          <textarea
            id={`${id}-headers`}
            value={headerText}
            rows={2}
            spellCheck={false}
            placeholder="Authorization: Bearer …"
            aria-invalid={headerProblems.length > 0}
            aria-describedby={`${id}-headers-help`}
            onChange={(event) => {
              setHeaderText(event.target.value);
              setRefused({ headers: [], other: null });
            }}
          />
          <span id={`${id}-headers-help`} className={headerProblems.length > 0 ? 'add-problem' : 'add-muted'}>
            {headerProblems.length > 0
              ? headerProblems.join(' ')
              : 'One Name: value per line, sent only to the link’s server for the download and never shown again.'}
          </span>
        </div>
      )}
      {offered && <AllowLocalField allowLocal={allowLocal} onChange={setAllowLocal} />}
      <IngestFields choice={choice} onChange={setChoice} targets={targets} onLeave={onClose} />
      {refused.other && (
        <p role="alert" className="add-problem">
          {refused.other}
        </p>
      )}
    </Sheet>
  );
}
