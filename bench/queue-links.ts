/**
 * Queue overhead benchmark (issue: "10,000 links"). A local nginx answers instantly with small
 * files, so what is left is each client's cost per link. Ferry imports the list and works the
 * queue with transcode off, in a child process whose CPU time is measured; the peer is
 * `aria2c -i list -j 4` on the same list. Both downloads are checked byte for byte against the
 * origin before their times count.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingTool, startOrigin, type LocalOrigin } from './local-origin';
import { measureWithOutput, type Timing } from './measure-command';
import { fmt, median } from './figures';

interface Phase {
  wallMs: number;
  cpuMs: number;
}

/** What bench/queue-links-ferry.ts prints. */
interface FerryReport {
  queued: number;
  import: Phase;
  run: Phase;
  videos: number;
  byState: Record<string, number>;
  errors: string[];
  processCpuMs: number;
}

interface Origin {
  names: Map<string, number>;
  bytes: number;
  list: string;
}

interface Check {
  files: number;
  bytes: number;
  problems: string[];
}

interface FerryRound {
  report: FerryReport;
  tree: Timing;
  check: Check;
}

interface AriaRound {
  timing: Timing;
  check: Check;
}

const MiB = 1024 * 1024;

/**
 * An MP4's first box (ftyp): without a transcode Ferry passes on only what starts like a video
 * container, and it reads no further than that.
 */
const ftypBox = Buffer.concat([Buffer.from([0, 0, 0, 28]), Buffer.from('ftypisom\0\0\x02\0isomiso2mp41', 'latin1')]);

/**
 * N distinct files of 16-64 KiB: an MP4's first box, then random bytes (transcode is off, so
 * nothing decodes them), never mistaken for a page or a playlist.
 */
function makeOrigin(www: string, count: number, urlOf: (pathname: string) => string, list: string): Origin {
  const names = new Map<string, number>();
  let bytes = 0;
  const width = String(count).length;
  for (let i = 1; i <= count; i++) {
    const name = `link-${String(i).padStart(width, '0')}.bin`;
    const size = randomInt(16 * 1024, 64 * 1024 + 1);
    fs.writeFileSync(path.join(www, name), Buffer.concat([ftypBox, randomBytes(size - ftypBox.length)]), {
      mode: 0o644,
    });
    names.set(name, size);
    bytes += size;
  }
  fs.writeFileSync(list, [...names.keys()].map((name) => urlOf(`/${name}`)).join('\n') + '\n');
  return { names, bytes, list };
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Every origin file must be somewhere under `root` with the same bytes. Found by name, so it
 * holds wherever a client keeps its files; a name found twice (an original and an output kept
 * side by side) counts once but both copies are compared.
 */
function checkDownloads(root: string, www: string, origin: Origin): Check {
  const seen = new Set<string>();
  const problems: string[] = [];
  let bytes = 0;
  for (const file of walk(root)) {
    const name = path.basename(file);
    if (!origin.names.has(name)) continue;
    if (!fs.readFileSync(file).equals(fs.readFileSync(path.join(www, name)))) {
      problems.push(`${path.relative(root, file)} differs from the origin`);
    }
    if (!seen.has(name)) bytes += fs.statSync(file).size;
    seen.add(name);
  }
  if (seen.size !== origin.names.size) problems.push(`${origin.names.size - seen.size} files missing`);
  if (bytes !== origin.bytes) problems.push(`${bytes} bytes instead of ${origin.bytes}`);
  return { files: seen.size, bytes, problems };
}

function runFerry(dir: string, www: string, origin: Origin): FerryRound {
  const dataDir = path.join(dir, 'ferry-data');
  execFileSync('sync'); // no run pays for the previous one's dirty pages
  const script = path.join(import.meta.dirname, 'queue-links-ferry.ts');
  const { timing, stdout } = measureWithOutput([[process.execPath, '--import', 'tsx', script, dataDir, origin.list]]);
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as FerryReport;
  const check = checkDownloads(dataDir, www, origin);
  if (report.videos !== origin.names.size) {
    const states = Object.entries(report.byState).filter(([, n]) => n > 0);
    check.problems.push(
      `${report.videos} of ${origin.names.size} videos ready (${states.map(([s, n]) => `${s} ${n}`).join(', ')})`,
      ...report.errors.map((e) => `a video in error: ${e}`),
    );
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { report, tree: timing, check };
}

function runAria(dir: string, www: string, origin: Origin): AriaRound {
  const out = path.join(dir, 'aria2-out');
  execFileSync('sync');
  const { timing } = measureWithOutput([
    [
      ...['aria2c', '-i', origin.list, '-j', '4', '-d', out],
      // -x1: one connection per file, as for Ferry (aria2 would not split 64 KiB anyway).
      // No preallocation, no renaming to name.1 on a clash, no progress output: the same work as Ferry's.
      ...['-x1', '--file-allocation=none', '--auto-file-renaming=false', '--allow-overwrite=true'],
      ...['--console-log-level=warn', '--summary-interval=0', '-q'],
      // Reads the list as it goes and keeps few results in memory, so 10,000 entries cost no
      // more per link than 100 (what a user with a long list would pass).
      ...['--deferred-input=true', '--max-download-result=100'],
    ],
  ]);
  const check = checkDownloads(out, www, origin);
  fs.rmSync(out, { recursive: true, force: true });
  return { timing, check };
}

export async function benchQueueLinks(options: { links: number; rounds: number }): Promise<void> {
  const { links, rounds } = options;
  const missing = missingTool(['nginx', 'aria2c']);
  if (missing) {
    console.log(
      `queue links    ${missing} is not installed (apt-get install nginx-light aria2); skipping the links benchmark`,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-links-'));
  const www = path.join(dir, 'www');
  fs.mkdirSync(www);
  let origin: LocalOrigin | undefined;
  try {
    origin = await startOrigin({ workDir: dir, root: www });
    const server = origin;
    const files = makeOrigin(www, links, (p) => server.url(p), path.join(dir, 'links.txt'));
    console.log(
      `queue links    origin: ${fmt(links)} files of 16-64 KiB, an MP4 box then random bytes (${fmt(files.bytes / MiB, 1)} MiB) from nginx on 127.0.0.1, keep-alive; ` +
        `Ferry with transcode off and concurrency 4 downloads, 4 per host (default 2 per host) to match aria2c -j 4 on one host`,
    );

    // Interleaved rounds, the median counts.
    const ferry: FerryRound[] = [];
    const aria: AriaRound[] = [];
    const crashes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      // A crashed engine still leaves aria2c's figures worth printing.
      try {
        ferry.push(runFerry(dir, www, files));
      } catch (error) {
        crashes.push(`ferry round ${round + 1} crashed: ${(error as Error).message.slice(0, 1500)}`);
        fs.rmSync(path.join(dir, 'ferry-data'), { recursive: true, force: true });
      }
      aria.push(runAria(dir, www, files));
    }
    report(links, rounds, ferry, aria, crashes);
  } finally {
    await origin?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(links: number, rounds: number, ferry: FerryRound[], aria: AriaRound[], crashes: string[]): void {
  const of = rounds > 1 ? ` (median of ${rounds})` : '';
  const ms = <T>(runs: T[], pick: (run: T) => number) => median(runs.map(pick));
  // The list's work: import + run. Process startup (node, tsx compiling TypeScript) is a fixed
  // cost that an app already running does not pay, so it is shown but not charged per video.
  const ferryMs = ms(ferry, (r) => r.report.import.wallMs + r.report.run.wallMs);
  const ferryCpuMs = ms(ferry, (r) => r.report.import.cpuMs + r.report.run.cpuMs);
  const ariaMs = ms(aria, (r) => r.timing.wallSeconds * 1000);
  const ariaCpuMs = ms(aria, (r) => r.timing.cpuSeconds * 1000);

  if (ferry.length > 0) {
    const runMs = ms(ferry, (r) => r.report.run.wallMs);
    const treeCpuMs = ms(ferry, (r) => r.tree.cpuSeconds * 1000);
    console.log(
      `queue links    ferry: import ${fmt(links)} links ${fmt(ms(ferry, (r) => r.report.import.wallMs))} ms ` +
        `(CPU ${fmt(ms(ferry, (r) => r.report.import.cpuMs))} ms); run ${fmt(runMs)} ms ` +
        `(CPU ${fmt(ms(ferry, (r) => r.report.run.cpuMs))} ms) = ${fmt(links / (runMs / 1000))} videos/s${of}`,
    );
    console.log(
      `queue links    ferry: import + run ${fmt(ferryMs)} ms, engine CPU ${fmt(ferryCpuMs / links, 2)} ms per video (target < 5 ms); ` +
        `whole child process incl. startup and any tools it ran: wall ${fmt(ms(ferry, (r) => r.tree.wallSeconds * 1000))} ms, ` +
        `CPU ${fmt(treeCpuMs)} ms = ${fmt(treeCpuMs / links, 2)} ms per video`,
    );
  }
  console.log(
    `queue links    aria2c -i list -j 4 -x1: ${fmt(ariaMs)} ms = ${fmt(links / (ariaMs / 1000))} videos/s, ` +
      `CPU ${fmt(ariaCpuMs)} ms = ${fmt(ariaCpuMs / links, 2)} ms per video${of}`,
  );

  const failures = [
    ...crashes,
    ...ferry.flatMap((r, i) => r.check.problems.map((p) => `ferry round ${i + 1}: ${p}`)),
    ...aria.flatMap((r, i) => r.check.problems.map((p) => `aria2c round ${i + 1}: ${p}`)),
  ];
  if (failures.length > 0) {
    // A run that did not deliver every file is not comparable: its times are shown, not judged.
    console.log(`queue links    CORRECTNESS FAILED, ratios not counted:\n  ${failures.slice(0, 10).join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `queue links    correct: ferry and aria2c each delivered ${fmt(links)} files, byte-identical to the origin`,
  );
  const ratio = ferryMs / ariaMs;
  const overhead = ferryCpuMs / links;
  const cpuRatio = ferryCpuMs / ariaCpuMs;
  console.log(
    `queue links    ratio ferry/aria2c wall time: ${fmt(ratio, 2)}x (target <= 1.2x: ${ratio <= 1.2 ? 'met' : 'NOT met'}); ` +
      `ferry overhead ${fmt(overhead, 2)} ms CPU per video (target < 5 ms: ${overhead < 5 ? 'met' : 'NOT met'}); ` +
      `CPU per video ferry/aria2c ${fmt(cpuRatio, 2)}x (target <= 2x: ${cpuRatio <= 2 ? 'met' : 'NOT met'})`,
  );
}
