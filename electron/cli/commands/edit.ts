import type { VideoEdit } from '../../../shared/api';
import { call, fieldsByPrefix, uidFields, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { formatVideoDetails } from '../format-video';
import { targetNames } from '../format-deliveries';
import { parseDeleteAfter, parseMeta } from '../parse-ingest-options';
import { parseTrim } from '../parse-trim';
import { parseNumber } from '../parse-values';

/** Which flag set each field of `edit`'s changes. */
const editFields = fieldsByPrefix({
  'changes.meta': '--meta',
  'changes.requireSignedURLs': '--require-signed-urls',
  'changes.allowedOrigins': '--allowed-origin',
  'changes.creator': '--creator',
  'changes.thumbnailTimestampPct': '--thumbnail-pct',
  'changes.scheduledDeletion': '--delete-after',
  'changes.maxDurationSeconds': '--max-duration',
  'changes.trim': '--trim',
  changes: 'the changes',
});

interface EditFlags {
  meta?: string[];
  'require-signed-urls'?: boolean;
  'no-require-signed-urls'?: boolean;
  'allowed-origin'?: string[];
  'any-origin'?: boolean;
  creator?: string;
  'thumbnail-pct'?: string;
  'delete-after'?: string;
  'max-duration'?: string;
  trim?: string;
}

/** The flags as the contract's changes, or a UsageError naming the flag. Pure but for `now`. */
export function parseEditFlags(flags: EditFlags, now = Date.now()): VideoEdit {
  const changes: VideoEdit = {};
  if (flags.meta?.length) changes.meta = parseMeta(flags.meta);
  if (flags['require-signed-urls'] && flags['no-require-signed-urls'])
    throw new UsageError('Give --require-signed-urls or --no-require-signed-urls, not both.');
  if (flags['require-signed-urls']) changes.requireSignedURLs = true;
  if (flags['no-require-signed-urls']) changes.requireSignedURLs = false;
  if (flags['allowed-origin']?.length && flags['any-origin'])
    throw new UsageError('Give --allowed-origin or --any-origin, not both.');
  if (flags['allowed-origin']?.length) changes.allowedOrigins = flags['allowed-origin'];
  if (flags['any-origin']) changes.allowedOrigins = [];
  if (flags.creator !== undefined) changes.creator = flags.creator === '' ? null : flags.creator;
  if (flags['thumbnail-pct'] !== undefined)
    changes.thumbnailTimestampPct = parseNumber('--thumbnail-pct', flags['thumbnail-pct']);
  if (flags['max-duration'] !== undefined)
    changes.maxDurationSeconds = parseNumber('--max-duration', flags['max-duration']);
  if (flags.trim !== undefined) changes.trim = parseTrim(flags.trim, { allowNone: true });
  if (flags['delete-after'] !== undefined)
    changes.scheduledDeletion = flags['delete-after'] === 'never' ? null : parseDeleteAfter(flags['delete-after'], now);
  return changes;
}

export const editCommand: CliCommand = {
  name: 'edit',
  summary: "Change a video's metadata and how it is served",
  usage: `ferry edit <uid> [--meta key=value]... [--require-signed-urls | --no-require-signed-urls]
                 [--allowed-origin ORIGIN]... [--any-origin] [--creator ID] [--thumbnail-pct P]
                 [--delete-after DATE|never] [--max-duration SECONDS] [--trim IN-OUT|none] [--json]

  --meta key=value         set a metadata key (name is the title); key= removes it
  --require-signed-urls    ferry serve sends the media only with a signed token (…/stream/<uid>/token)
  --allowed-origin ORIGIN  only pages on these hosts may embed the media over ferry serve
                           (example.com, *.example.com); repeat for several
  --any-origin             any page may embed it again
  --creator ID             the creator id (at most 64 characters; "" clears it)
  --thumbnail-pct P        where the thumbnail is taken, 0 to 1
  --delete-after DATE      when the outputs are deleted (ISO date or date-time), or never
  --trim IN-OUT            keep only this part (00:00:05-00:10:30, 5-630, 1:05-2:30), or none for all
                           of it; a video already transcoded is transcoded again (then ferry run)
  --json                   print the Video object as it is now
  Exits 1 when the uid has no video.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        meta: { type: 'string', multiple: true },
        'require-signed-urls': { type: 'boolean' },
        'no-require-signed-urls': { type: 'boolean' },
        'allowed-origin': { type: 'string', multiple: true },
        'any-origin': { type: 'boolean' },
        creator: { type: 'string' },
        'thumbnail-pct': { type: 'string' },
        'delete-after': { type: 'string' },
        'max-duration': { type: 'string' },
        trim: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const [uid, ...extra] = positionals;
    if (!uid) throw new UsageError('Which video? Give its uid (see ferry list).');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"; edit takes one uid.`);
    const changes = parseEditFlags(values);
    if (Object.keys(changes).length === 0) throw new UsageError('Nothing to change: give at least one flag.');
    return withEngine(context, async (engine) => {
      const fields = (path: string) => editFields(path) ?? uidFields([uid])(path);
      const video = await call(engine, 'edit', { uid, changes }, fields);
      if (values.json) context.stdout(JSON.stringify(video, null, 2));
      else context.stdout(formatVideoDetails(video, targetNames(await call(engine, 'listTargets', undefined))));
      return exitCodes.ok;
    });
  },
};
