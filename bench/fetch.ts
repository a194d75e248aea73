/**
 * Download benchmark. A local nginx (sendfile) serves a file on 127.0.0.1; in one run Ferry's
 * fetcher, curl -o and aria2c -x8 -s8 download it to disk, then the same through a location
 * that limits each connection's rate (limit_rate), where several connections matter. Prints, per
 * tool, the wall time and the CPU time (user + system) per GiB, and Ferry's ratios to curl and
 * aria2c (speed above 1: Ferry is faster; CPU below 1: Ferry uses less). Every output is checked
 * against the source's SHA-256 before its figures count.
 *
 * Ferry's figures are those of its download (from the call to its end, every thread of the
 * process, as in a running app); the CPU of its whole process, Node's start and the TypeScript
 * loader included, is printed beside them. curl's and aria2c's are their whole processes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, median } from './figures';
import { missingTool, startOrigin, type LocalOrigin } from './local-origin';
import { measure, measureWithOutput, type Timing } from './measure-command';

const hashOf = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export async function benchFetch(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      mib: { type: 'string', default: '1024' },
      'slow-mib': { type: 'string', default: '200' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const missing = missingTool(['nginx', 'curl', 'aria2c']);
  if (missing) {
    console.log(
      `fetch: ${missing} is not installed (apt-get install nginx-light curl aria2); skipping the fetch benchmark`,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-fetch-'));
  fs.mkdirSync(path.join(dir, 'www'));
  try {
    const origin = await startOrigin({
      workDir: dir,
      root: path.join(dir, 'www'),
      locations: `location /slow/ { alias ${dir}/www/; limit_rate 20m; }`,
    });
    try {
      const rounds = Number(values.rounds);
      await benchFile('plain', Number(values.mib), '/', rounds, dir, origin);
      await benchFile('limit_rate 20m per connection', Number(values['slow-mib']), '/slow/', rounds, dir, origin);
    } finally {
      await origin.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Run extends Timing {
  /** Ferry only: the whole process's CPU, start and loader included. */
  processCpuSeconds?: number;
  peakRssMiB?: number;
}

/** One file size against the running origin: Ferry, curl and aria2c in turn, `rounds` times. */
async function benchFile(label: string, mib: number, prefix: string, rounds: number, dir: string, origin: LocalOrigin) {
  const name = `file-${mib}.bin`;
  const source = path.join(dir, 'www', name);
  execFileSync('dd', ['if=/dev/urandom', `of=${source}`, 'bs=1M', `count=${mib}`], { stdio: 'ignore' });
  fs.chmodSync(source, 0o644);
  const sourceHash = hashOf(source);
  const url = origin.url(`${prefix}${name}`);
  const out = path.join(dir, 'out.bin');
  const checked = (tool: string, run: Run): Run => {
    if (hashOf(out) !== sourceHash) throw new Error(`${tool}'s download differs from the source`);
    fs.rmSync(out, { force: true });
    return run;
  };
  const tools: Record<string, () => Run> = {
    ferry: () => {
      const { timing, stdout } = measureWithOutput([
        [process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'fetch-one.ts'), url, out],
      ]);
      const own = JSON.parse(stdout) as { seconds: number; cpuSeconds: number; peakRssMiB: number };
      return {
        wallSeconds: own.seconds,
        cpuSeconds: own.cpuSeconds,
        processCpuSeconds: timing.cpuSeconds,
        peakRssMiB: own.peakRssMiB,
      };
    },
    curl: () => measure([['curl', '-s', '-f', '-o', out, url]]),
    'aria2c -x8': () =>
      measure([
        [
          ...['aria2c', '-x8', '-s8', '-k1M', '--file-allocation=none', '--allow-overwrite=true'],
          ...['--auto-file-renaming=false', '--console-log-level=error', '--summary-interval=0'],
          ...['-d', dir, '-o', 'out.bin', url],
        ],
      ]),
  };

  // Interleaved, each run after a sync so that none pays for the previous one's dirty pages;
  // the median of each figure counts, and every round is printed to show how much they move.
  const runs = Object.entries(tools).map(([tool, run]) => ({ tool, run, results: [] as Run[] }));
  for (let round = 1; round <= rounds; round++) {
    for (const entry of runs) {
      execFileSync('sync');
      entry.results.push(checked(entry.tool, entry.run()));
    }
    const line = runs.map(({ tool, results }) => {
      const last = results[results.length - 1];
      return `${tool} ${fmt(last?.wallSeconds ?? NaN, 2)} s / ${fmt(last?.cpuSeconds ?? NaN, 2)} s CPU`;
    });
    console.log(`fetch ${label}, ${mib} MiB, round ${round}: ${line.join(', ')}`);
  }
  fs.rmSync(source);

  // Medians per GiB, by tool.
  const gib = mib / 1024;
  const per = (figure: (run: Run) => number) =>
    Object.fromEntries(runs.map(({ tool, results }) => [tool, median(results.map(figure)) / gib]));
  const wall = per((r) => r.wallSeconds);
  const cpu = per((r) => r.cpuSeconds);
  const ferryProcessCpu = per((r) => r.processCpuSeconds ?? NaN).ferry ?? NaN;
  const [ferry, curl, aria] = ['ferry', 'curl', 'aria2c -x8'];
  const ratio = (a: number | undefined, b: number | undefined) => fmt((a ?? NaN) / (b ?? NaN), 2);
  console.log(
    `fetch ${label} (median of ${rounds}), per GiB: ` +
      runs
        .map(({ tool }) => `${tool} ${fmt(wall[tool] ?? NaN, 2)} s wall, ${fmt(cpu[tool] ?? NaN, 2)} s CPU`)
        .join('; ') +
      `; ferry's whole process ${fmt(ferryProcessCpu, 2)} s CPU`,
  );
  const rss = Math.max(...runs.flatMap(({ results }) => results.map((r) => r.peakRssMiB ?? 0)));
  console.log(
    `fetch ${label}: speed ferry/curl ${ratio(wall[curl], wall[ferry])}x, ferry/aria2c ${ratio(wall[aria], wall[ferry])}x; ` +
      `CPU per GiB ferry/curl ${ratio(cpu[ferry], cpu[curl])}x, ferry/aria2c ${ratio(cpu[ferry], cpu[aria])}x; ` +
      `ferry peak RSS ${fmt(rss)} MiB`,
  );
  if (label !== 'plain') return;
  // The targets are the plain download's, against curl on the same file.
  const speed = (wall[curl] ?? NaN) / (wall[ferry] ?? NaN);
  const cpuRatio = (cpu[ferry] ?? NaN) / (cpu[curl] ?? NaN);
  console.log(
    `fetch ${label}: targets: speed >= 0.9x curl's ${speed >= 0.9 ? 'met' : 'NOT met'}; ` +
      `CPU per GiB <= 2x curl's ${cpuRatio <= 2 ? 'met' : 'NOT met'}`,
  );
}
