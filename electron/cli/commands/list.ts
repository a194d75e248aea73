import { videoStates, type VideoState } from '../../../shared/video-states';
import { createEngine } from '../../engine/create-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { targetNames } from '../format-deliveries';
import { formatQueueTotals, formatVideoTable } from '../format-video';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List videos, newest first',
  usage: `ferry list [--state STATE] [--search TEXT] [--limit N] [--offset N] [--json]

  --state STATE   only videos in this state (${videoStates.join(', ')})
  --search TEXT   only videos whose name, link or path contains TEXT
  --limit N       at most N videos (default 100)
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
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (values.state !== undefined && !videoStates.includes(values.state as VideoState)) {
      throw new UsageError(`Unknown state "${values.state}". Use one of: ${videoStates.join(', ')}.`);
    }
    const count = (name: string, text: string | undefined, min: number): number | undefined => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}.`);
      return n;
    };
    const engine = createEngine({ dataDir: context.dataDir });
    try {
      const page = await engine.list({
        ...(values.state ? { state: values.state as VideoState } : {}),
        ...(values.search ? { search: values.search } : {}),
        limit: Math.min(count('limit', values.limit, 1) ?? 100, 1000),
        offset: count('offset', values.offset, 0) ?? 0,
      });
      if (values.json) {
        context.stdout(JSON.stringify(page, null, 2));
        return exitCodes.ok;
      }
      if (page.total === 0 && !values.state && !values.search) {
        context.stdout('No videos yet. Add one with: ferry ingest <file or link>');
        return exitCodes.ok;
      }
      context.stdout(formatQueueTotals(await engine.totals()));
      const names = targetNames(await engine.listTargets());
      context.stdout(page.total === 0 ? 'No videos match.' : formatVideoTable(page.videos, Date.now(), names));
      if (page.total > page.videos.length)
        context.stdout(`(${page.videos.length} of ${page.total}; use --offset for more)`);
      return exitCodes.ok;
    } finally {
      engine.close();
    }
  },
};
