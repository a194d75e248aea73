import fs from 'node:fs/promises';
import type { LinkCheckRow } from '../../../shared/link-check';
import type { Video } from '../../../shared/video';
import { call, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { ingestFields, ingestOptionFlags, parseIngestOptions } from '../parse-ingest-options';
import { resolveTargets } from '../format-deliveries';
import { interruptOnSignals, isDone, workVideos } from '../work-queue';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Queue a list of links (text, CSV, JSON or NDJSON) and process them',
  usage: `ferry import <list> [--queue-only] [--json] [ingest options]
       ferry import <list> --check [--json]

  A list is one link per line (# comments and blank lines are skipped), a CSV with a header
  row (url, and optionally name, headers as JSON, meta.* columns), a JSON array or NDJSON of
  {"url", "name", "headers", "meta"} objects. Links already queued or finished are reported
  as duplicates; bad lines are reported with their line numbers and the rest is queued.

  --check        queue nothing: say what each line would be (new, duplicate, invalid and why; a
                 share link with the direct link it becomes), the first 1000 lines and the counts
  --queue-only   queue the links and return without processing them (ferry run works them later)
  --json         print the import report and the final Video objects as JSON
  Ingest options (--ladder, --thumbnail-pct, --max-duration, --max-size, --meta, --watermark …)
  apply to every link, --no-transcode, --delete-after DATE and --deliver TARGET included; see
  ferry ingest --help.
  When another Ferry already works this data directory, it does the links and this command waits
  for them. Exits 0 when every link is ready (and delivered, with --deliver), 1 when any failed or
  was not usable, 2 for a usage error, 130 when interrupted (Ctrl-C; the links stay queued).`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'queue-only': { type: 'boolean' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        ...ingestOptionFlags,
      },
      true,
    );
    const [list, ...extra] = positionals;
    if (!list) throw new UsageError('Which list? Give the path of a file of links.');
    if (extra.length > 0) throw new UsageError(`One list at a time; unexpected "${extra[0]}".`);
    const options = parseIngestOptions(values);
    if (values.check) return checkList(list, Boolean(values.json), context);

    return withEngine(context, async (engine) => {
      if (values.deliver)
        options.deliverTo = resolveTargets(values.deliver, await call(engine, 'listTargets', undefined));
      const report = await call(engine, 'importList', { path: list, options }, ingestFields);
      context.stderr(
        `Queued ${report.queued} link${report.queued === 1 ? '' : 's'}` +
          `${report.duplicates.length ? `, ${report.duplicates.length} already queued or done` : ''}` +
          `${report.invalid.length ? `, ${report.invalid.length} not usable` : ''}.`,
      );
      for (const dup of report.duplicates) context.stderr(`  line ${dup.line}: ${dup.url} is already ${dup.uid}`);
      for (const bad of report.invalid) context.stderr(`  line ${bad.line}: ${bad.reason} (${bad.text})`);

      let final: Video[] = [];
      if (!values['queue-only']) {
        const interrupt = interruptOnSignals();
        try {
          final = await workVideos(engine, context, report.uids, interrupt.signal);
        } finally {
          interrupt.dispose();
        }
        if (interrupt.signal.aborted) {
          context.stderr('Stopped. The links wait in the queue; ferry run goes on with them.');
          return exitCodes.interrupted;
        }
      }
      if (values.json) context.stdout(JSON.stringify({ report, videos: final }, null, 2));
      const allReady = values['queue-only'] || final.every(isDone);
      return report.invalid.length === 0 && allReady ? exitCodes.ok : exitCodes.failure;
    });
  },
};

function describeRow(row: LinkCheckRow): string {
  if (row.status === 'invalid') return `invalid: ${row.reason ?? ''} (${row.input})`;
  const link = row.rewritten ? `${row.input} -> ${row.url ?? ''}` : (row.url ?? row.input);
  if (row.status === 'new') return `new        ${link}`;
  return `duplicate  ${link} (${row.duplicateOf ? `already ${row.duplicateOf}` : 'repeats an earlier line'})`;
}

/** Rows `--check` prints; the counts cover the whole list. */
const checkedRows = 1000;

/** `--check`: the engine's checkLinks on the file's content, printed; nothing is queued. */
async function checkList(list: string, json: boolean, context: CliContext): Promise<number> {
  const content = await fs.readFile(list, 'utf8').catch((error: Error) => {
    throw new UsageError(`Cannot read the list ${list}: ${error.message}`);
  });
  return withEngine(context, async (engine) => {
    const check = await call(engine, 'checkLinks', { content, limit: checkedRows });
    if (json) {
      context.stdout(JSON.stringify(check, null, 2));
      return exitCodes.ok;
    }
    for (const row of check.rows) context.stdout(`line ${row.line}: ${describeRow(row)}`);
    const { counts } = check;
    const shown =
      check.rows.length < counts.new + counts.duplicate + counts.invalid ? ` (first ${checkedRows} lines shown)` : '';
    context.stdout(`${counts.new} new, ${counts.duplicate} duplicate, ${counts.invalid} invalid${shown}.`);
    return exitCodes.ok;
  });
}
