import { call, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { looksLikeLink, parseHeaders } from '../parse-headers';
import { ingestFields, ingestOptionFlags, parseIngestOptions } from '../parse-ingest-options';
import { resolveTargets } from '../format-deliveries';
import { interruptOnSignals, isDone, workVideos } from '../work-queue';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'Turn video files and links into HLS + DASH, an MP4 and thumbnails',
  usage: `ferry ingest <file or link>... [options] [--json]

  Links: http(s)://, share links (Google Drive, Dropbox, OneDrive, SharePoint, Box), s3://, gs://.
  --header 'NAME: VALUE'       send this header with the links' requests (repeatable; never shown), to the
                               link's own origin only; credentials (Authorization, Cookie, *-Token, *-Key…)
                               are kept in the OS keychain, not in ferry.db
  --secret-header 'NAME: VALUE'
                               as --header, and kept in the keychain too, whatever its name
  --allow-insecure-redirect    follow a redirect from https to plain http (refused by default: the request
                               would travel in clear text)
  --name NAME                  name of the video (one input only; default: the file's name, for a link
                               the one its download gives, else its path's last part)
  --meta KEY=VALUE             add to the video's meta (repeatable)
  --ladder auto|1080,720,...   renditions to make (never larger than the source; default auto)
  --preset fast|balanced|quality|veryslow
                               speed against size (x264 superfast RF 23, veryfast RF 22, slow RF 20,
                               veryslow RF 18; default: ferry settings transcode.preset)
  --codec h264|hevc|av1        the ladder's codec (HEVC and AV1 keep an H.264 rendition; default:
                               ferry settings transcode.codec)
  --thumbnail-pct 0..1         where in the video the thumbnail is taken (default 0)
  --max-duration SECONDS       refuse videos longer than this
  --max-size BYTES             refuse files larger than this
  --trim IN-OUT                only this part of the video, e.g. 00:00:05-00:10:30, 5-630 or 1:05-2:30
                               (seconds, mm:ss or hh:mm:ss; cut to the frame)
  --watermark IMAGE            overlay IMAGE on every rendition, with:
    --watermark-position upperRight|upperLeft|lowerLeft|lowerRight|center (default upperRight)
    --watermark-opacity 0..1   (default 1)
    --watermark-scale 0..1     width as a fraction of the video's (default 0.15)
    --watermark-padding 0..1   distance from the edges (default 0.05)
  --no-transcode               keep the original as the output and make no ladder (to move files to a provider)
  --delete-after DATE          delete the outputs after this ISO date or date-time (2030-01-31, 2030-01-31T18:00Z);
                               files you gave are yours and never deleted
  --deliver TARGET             once ready, upload the MP4 (the original with --no-transcode) to this delivery
                               target, by id or name (repeatable; see ferry target)
  --json                       print the final Video objects as a JSON array on stdout

  The videos are worked as \`ferry run\` works the queue. When another Ferry already works this data
  directory, it does them and this command waits for them to finish.
  Exits 0 when every video is ready (and delivered, with --deliver), 1 when any failed, 2 for a usage error, 130 when interrupted
  (Ctrl-C; the videos stay queued).`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        name: { type: 'string' },
        header: { type: 'string', multiple: true },
        'secret-header': { type: 'string', multiple: true },
        ...ingestOptionFlags,
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length === 0) throw new UsageError('Which videos? Give one or more files or links.');
    if (values.name !== undefined && positionals.length > 1) throw new UsageError('--name is for one input at a time.');
    const secret = parseHeaders(values['secret-header']);
    const headers = { ...parseHeaders(values.header), ...secret };
    const links = positionals.filter(looksLikeLink);
    const files = positionals.filter((p) => !looksLikeLink(p));
    if (Object.keys(headers).length > 0 && links.length === 0) throw new UsageError('--header is for links.');
    const options = parseIngestOptions(values);
    if (values.name !== undefined) options.meta = { ...options.meta, name: values.name };
    if (Object.keys(secret).length > 0) options.secretHeaders = Object.keys(secret);

    const interrupt = interruptOnSignals();
    try {
      return await withEngine(context, async (engine) => {
        if (values.deliver)
          options.deliverTo = resolveTargets(values.deliver, await call(engine, 'listTargets', undefined));
        const none = { queued: [], duplicates: [], invalid: [] };
        const fromFiles =
          files.length > 0 ? await call(engine, 'addFiles', { paths: files, options }, ingestFields) : none;
        const fromLinks =
          links.length > 0
            ? await call(
                engine,
                'addLinks',
                {
                  links: links.map((url) => ({ url, ...(Object.keys(headers).length > 0 ? { headers } : {}) })),
                  options,
                },
                ingestFields,
              )
            : none;
        const added = {
          queued: [...fromFiles.queued, ...fromLinks.queued],
          duplicates: [...fromFiles.duplicates, ...fromLinks.duplicates],
          invalid: [...fromFiles.invalid, ...fromLinks.invalid],
        };
        for (const bad of added.invalid) context.stderr(`ferry: ${bad.input}: ${bad.reason}`);
        for (const dup of added.duplicates)
          context.stderr(`ferry: ${dup.input} is already in the queue as ${dup.uid}.`);
        const tracked = [...added.queued.map((v) => v.uid), ...added.duplicates.map((d) => d.uid)];

        const final = await workVideos(engine, context, tracked, interrupt.signal);
        if (interrupt.signal.aborted) {
          context.stderr('Stopped. The videos wait in the queue; ferry run goes on with them.');
          return exitCodes.interrupted;
        }
        if (values.json) context.stdout(JSON.stringify(final, null, 2));
        const allReady = added.invalid.length === 0 && final.every(isDone);
        return allReady ? exitCodes.ok : exitCodes.failure;
      });
    } finally {
      interrupt.dispose();
    }
  },
};
