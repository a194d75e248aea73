import { listSorts, type ListSort } from '../../../shared/api';
import { videoStates, type VideoState } from '../../../shared/video-states';
import { call, fieldsByPrefix, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { targetNames } from '../format-deliveries';
import { formatQueueTotals, formatVideoTable } from '../format-video';
import { parseNumber } from '../parse-values';

const listFields = fieldsByPrefix({
  state: '--state',
  search: '--search',
  creator: '--creator',
  start: '--start',
  end: '--end',
  limit: '--limit',
  offset: '--offset',
  sort: '--sort',
});

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List videos, newest first or sorted',
  usage: `ferry list [--state STATE] [--search TEXT] [--creator ID] [--start DATE] [--end DATE]
                 [--sort ORDER] [--limit N] [--offset N] [--json]

  --state STATE   only videos in this state (${videoStates.join(', ')})
  --search TEXT   only videos whose name, link or path contains TEXT
  --creator ID    only videos of this creator (ferry edit --creator, Cloudflare's Upload-Creator)
  --start DATE    only videos created at or after this ISO date-time (2030-01-31T00:00:00Z)
  --end DATE      only videos created at or before it
  --sort ORDER    ${listSorts.join(', ')}: queue is the order the videos will run in
                  (running first, then waiting by position); default newest first
  --limit N       at most N videos (default 100, at most 1000)
  --offset N      skip the first N
  --json          print {"videos": [...], "total": N} with full Video objects

  The first line sums up the queue: videos by state, download speed, time left, and whether the
  queue is paused. SPEED shows while a video downloads; ETA is the time left in its current
  step, or when its next automatic attempt is due. DELIVERY, when any video is sent to delivery
  targets, shows each target and how its upload stands (ferry show has the details).`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        state: { type: 'string' },
        search: { type: 'string' },
        creator: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        sort: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const query = {
      ...(values.state !== undefined ? { state: values.state as VideoState } : {}),
      ...(values.search ? { search: values.search } : {}),
      ...(values.creator !== undefined ? { creator: values.creator } : {}),
      ...(values.start !== undefined ? { start: values.start } : {}),
      ...(values.end !== undefined ? { end: values.end } : {}),
      ...(values.sort !== undefined ? { sort: values.sort as ListSort } : {}),
      limit: values.limit === undefined ? 100 : parseNumber('--limit', values.limit),
      offset: values.offset === undefined ? 0 : parseNumber('--offset', values.offset),
    };
    return withEngine(context, async (engine) => {
      const page = await call(engine, 'list', query, listFields);
      if (values.json) {
        context.stdout(JSON.stringify(page, null, 2));
        return exitCodes.ok;
      }
      const filtered = [values.state, values.search, values.creator, values.start, values.end].some((v) => v);
      if (page.total === 0 && !filtered) {
        context.stdout('No videos yet. Add one with: ferry ingest <file or link>');
        return exitCodes.ok;
      }
      context.stdout(formatQueueTotals(await call(engine, 'totals', undefined)));
      const names = targetNames(await call(engine, 'listTargets', undefined));
      context.stdout(page.total === 0 ? 'No videos match.' : formatVideoTable(page.videos, Date.now(), names));
      if (page.total > page.videos.length)
        context.stdout(`(${page.videos.length} of ${page.total}; use --offset for more)`);
      return exitCodes.ok;
    });
  },
};
