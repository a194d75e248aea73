import { videoStates, type VideoState } from '../../../shared/video-states';
import { createEngine } from '../../engine/create-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { formatVideoTable } from '../format-video';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List videos, newest first',
  usage: `ferry list [--state STATE] [--search TEXT] [--limit N] [--offset N] [--json]

  --state STATE   only videos in this state (${videoStates.join(', ')})
  --search TEXT   only videos whose name, link or path contains TEXT
  --limit N       at most N videos (default 100)
  --offset N      skip the first N
  --json          print {"videos": [...], "total": N} with full Video objects`,
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
      } else if (page.total === 0) {
        context.stdout(
          values.state || values.search
            ? 'No videos match.'
            : 'No videos yet. Add one with: ferry ingest <file or link>',
        );
      } else {
        context.stdout(formatVideoTable(page.videos));
        if (page.total > page.videos.length)
          context.stdout(`(${page.videos.length} of ${page.total}; use --offset for more)`);
      }
      return exitCodes.ok;
    } finally {
      engine.close();
    }
  },
};
