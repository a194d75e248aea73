/**
 * Delivery benchmark (push to a TUS server). A 1 GiB video, made at run time, goes to a real
 * @tus/server with its file store on 127.0.0.1 (bench/deliver-server.ts, a process of its own so
 * that its work is nobody's figure and all clients meet the same server). In one run, alternated:
 * Ferry's whole engine (a TUS target, the file added with transcode off, the queue worked until
 * idle, default delivery tuning: one PATCH); curl sending the same bytes in a single
 * PATCH (-T, streamed from the file) to an upload created with a POST; and a plain tus-js-client
 * script with its defaults (one PATCH, read from an fs.ReadStream).
 *
 * Figures per client, median of the runs: throughput, CPU ms per GiB sent, wall time and peak RSS.
 * Ferry's time and CPU are its deliver stage's (every thread of the engine's process, from the
 * stage's start to its end: creating the upload, the PATCHes and the bookkeeping), tus-js-client's
 * those of its upload (start() to onSuccess); both processes' totals, Node's start and the
 * TypeScript loader included, are printed beside them. curl's are its whole process. Peak RSS is
 * each client's whole process (GNU time's maximum resident set). The server's CPU per GiB is
 * printed too: with two cores it shares the machine with the client.
 *
 * Every upload's stored file must be the source's size, and Ferry's its SHA-256, or the bench
 * fails (exit status not 0): a run that sent nothing must not look fast. Time never fails it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { findMediaTools } from '../electron/engine/media/find-media-tools';
import { fmt, median } from './figures';
import { missingTool } from './local-origin';
import { repoRoot } from '../test/helpers/spawn-ts';

const clients = ['ferry', 'curl', 'tus-js-client'] as const;
type Client = (typeof clients)[number];

interface Run {
  /** The upload's: Ferry's deliver stage, tus-js-client's upload, curl's whole process. */
  wallSeconds: number;
  cpuSeconds: number;
  /** The client's whole process (start and loader included). */
  processWallSeconds: number;
  processCpuSeconds: number;
  peakRssMiB: number;
  /** Node clients: the process's resident set just before the upload (modules loaded; Ferry: engine open). */
  rssBeforeMiB: number;
  /** The TUS server's CPU while this client uploaded. */
  serverCpuSeconds: number;
}

const gnuTime = '/usr/bin/time';
const ticksPerSecond = 100; // USER_HZ on Linux

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * A real video of exactly `bytes`: two seconds of 1080p at a high bitrate, its packets copied
 * over and over into a Matroska file (no encoding, so it takes seconds), cut to size. Ferry only
 * looks at the first bytes of a file it keeps as is; the cut end is still a video's tail.
 */
function makeVideo(ffmpeg: string, dir: string, bytes: number): string {
  const clip = path.join(dir, 'clip.mkv');
  const video = path.join(dir, 'source.mkv');
  const ff = (args: string[]) =>
    execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);
  ff(['-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=30:d=2', '-c:v', 'mpeg4', '-q:v', '1', clip]);
  ff(['-stream_loop', '-1', '-i', clip, '-c', 'copy', '-fs', String(bytes + 16 * 1024 ** 2), video]);
  const made = fs.statSync(video).size;
  if (made < bytes) throw new Error(`ffmpeg made ${made} bytes of video, fewer than the ${bytes} asked for`);
  fs.truncateSync(video, bytes);
  fs.rmSync(clip);
  return video;
}

/** CPU seconds a process has used so far (utime + stime), from /proc. */
function processCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

interface TusServer {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServer(directory: string): Promise<TusServer> {
  const script = path.join(import.meta.dirname, 'deliver-server.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, directory], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the TUS server exited (${code}) before it listened`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}/files`,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A command under GNU time: its standard output, and its wall time, CPU time and peak RSS. */
function timed(command: string[], timeFile: string) {
  const result = spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', timeFile, ...command], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${command.join(' ')} failed (${result.status}): ${(result.stderr ?? '').slice(-2000)}`);
  }
  // GNU time writes its figures on the file's last line (a note about a signal may come before).
  const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
  const [wall, user, system, maxKib] = last.split(' ').map(Number) as [number, number, number, number];
  return { stdout: result.stdout, wallSeconds: wall, cpuSeconds: user + system, peakRssMiB: maxKib / 1024 };
}

/** Creates an upload of `size` bytes, as a TUS client's POST does; answers its URL. */
async function createUpload(endpoint: string, size: number): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(size) },
  });
  const location = response.headers.get('location');
  if (response.status !== 201 || !location) throw new Error(`creating an upload answered ${response.status}`);
  return new URL(location, endpoint).href;
}

interface ClientSetup {
  endpoint: string;
  source: string;
  size: number;
  dir: string;
  round: number;
  /** The Node clients' compiled scripts. */
  scripts: Record<'ferry' | 'tus-js-client', string>;
}

/**
 * The Node clients, compiled to plain JavaScript as the app ships its engine (bundled, packages
 * left to node_modules): run through tsx, each process would carry the loader (some 45 MiB of RSS
 * and its CPU), which is nobody's figure. Answers each client's script.
 */
async function compileClients(dir: string): Promise<Record<'ferry' | 'tus-js-client', string>> {
  const out = path.join(dir, 'clients');
  // The bundles import packages by name: the repository's node_modules, seen from the temp dir.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await build({
    entryPoints: {
      ferry: path.join(import.meta.dirname, 'deliver-ferry.ts'),
      'tus-js-client': path.join(import.meta.dirname, 'deliver-tus-js.ts'),
    },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { ferry: path.join(out, 'ferry.mjs'), 'tus-js-client': path.join(out, 'tus-js-client.mjs') };
}

/** The size of Ferry's PATCHes, as its child reports it (the engine's default delivery tuning). */
let chunkMiB = NaN;

/** One upload by one client, without the server's share. */
const runClient: Record<Client, (setup: ClientSetup) => Promise<Omit<Run, 'serverCpuSeconds'>>> = {
  ferry: async ({ endpoint, source, dir, round, scripts }) => {
    const dataDir = path.join(dir, `ferry-data-${round}`);
    try {
      const run = timed([process.execPath, scripts.ferry, dataDir, endpoint, source], path.join(dir, 'time.txt'));
      const own = JSON.parse(run.stdout) as {
        deliver: { wallSeconds: number; cpuSeconds: number } | null;
        rssBeforeMiB: number;
        /** null: Infinity, which JSON cannot carry (one PATCH). */
        chunkSize: number | null;
        state: string;
        delivery: { state: string; error: string | null } | null;
      };
      if (!own.deliver || own.delivery?.state !== 'ready') {
        throw new Error(
          `Ferry's delivery did not finish: video ${own.state}, delivery ${JSON.stringify(own.delivery)}`,
        );
      }
      chunkMiB = own.chunkSize === null ? Number.POSITIVE_INFINITY : own.chunkSize / 1024 ** 2;
      return {
        wallSeconds: own.deliver.wallSeconds,
        cpuSeconds: own.deliver.cpuSeconds,
        processWallSeconds: run.wallSeconds,
        processCpuSeconds: run.cpuSeconds,
        peakRssMiB: run.peakRssMiB,
        rssBeforeMiB: own.rssBeforeMiB,
      };
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  curl: async ({ endpoint, source, size, dir }) => {
    const url = await createUpload(endpoint, size);
    const run = timed(
      [
        ...['curl', '-sS', '-f', '-o', '/dev/null', '-X', 'PATCH', '-T', source],
        ...['-H', 'Tus-Resumable: 1.0.0', '-H', 'Content-Type: application/offset+octet-stream'],
        ...['-H', 'Upload-Offset: 0', url],
      ],
      path.join(dir, 'time.txt'),
    );
    return { ...run, processWallSeconds: run.wallSeconds, processCpuSeconds: run.cpuSeconds, rssBeforeMiB: NaN };
  },
  'tus-js-client': async ({ endpoint, source, dir, scripts }) => {
    const run = timed([process.execPath, scripts['tus-js-client'], endpoint, source], path.join(dir, 'time.txt'));
    const own = JSON.parse(run.stdout) as {
      upload: { wallSeconds: number; cpuSeconds: number };
      rssBeforeMiB: number;
    };
    return {
      wallSeconds: own.upload.wallSeconds,
      cpuSeconds: own.upload.cpuSeconds,
      processWallSeconds: run.wallSeconds,
      processCpuSeconds: run.cpuSeconds,
      peakRssMiB: run.peakRssMiB,
      rssBeforeMiB: own.rssBeforeMiB,
    };
  },
};

/**
 * The one upload the store holds must be the source's size (and, when a hash is given, its
 * bytes); then it is deleted. Answers what is wrong, or null.
 */
async function checkStored(store: string, size: number, hash: string | null): Promise<string | null> {
  const uploads = fs.readdirSync(store).filter((name) => !name.endsWith('.json'));
  try {
    if (uploads.length !== 1) return `the server holds ${uploads.length} uploads, not 1`;
    const file = path.join(store, uploads[0] as string);
    const stored = fs.statSync(file).size;
    if (stored !== size) return `the server stored ${fmt(stored)} bytes, not ${fmt(size)}`;
    if (hash !== null && (await sha256(file)) !== hash) return "the stored bytes differ from the source's";
    return null;
  } finally {
    for (const name of fs.readdirSync(store)) fs.rmSync(path.join(store, name), { force: true });
  }
}

export async function benchDeliver(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { mib: { type: 'string', default: '1024' }, runs: { type: 'string', default: '3' } },
  });
  const mib = Number(values.mib);
  const runs = Number(values.runs);
  const size = mib * 1024 ** 2;
  const missing = missingTool(['curl']) ?? (fs.existsSync(gnuTime) ? undefined : gnuTime);
  if (missing) {
    console.log(`deliver: ${missing} is not installed (apt-get install curl time); skipping the deliver benchmark`);
    return;
  }
  const { ffmpeg } = await findMediaTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-deliver-'));
  const store = path.join(dir, 'store');
  const results: Record<Client, Run[]> = { ferry: [], curl: [], 'tus-js-client': [] };
  const machine: Machine = { cpus: os.availableParallelism(), loadBefore: NaN, loadAfter: NaN };
  try {
    const scripts = await compileClients(dir);
    const source = makeVideo(ffmpeg.path, dir, size);
    const sourceHash = await sha256(source);
    const server = await startServer(store);
    try {
      machine.loadBefore = os.loadavg()[0] ?? NaN;
      // Alternated, each after a sync so that none pays for the previous one's dirty pages.
      for (let round = 1; round <= runs; round++) {
        for (const client of clients) {
          execFileSync('sync');
          const serverBefore = processCpuSeconds(server.pid);
          const run = await runClient[client]({ endpoint: server.endpoint, source, size, dir, round, scripts });
          const serverCpuSeconds = processCpuSeconds(server.pid) - serverBefore;
          const broken = await checkStored(store, size, client === 'ferry' ? sourceHash : null);
          if (broken) throw new Error(`deliver: ${client}'s upload is broken, its figures do not count: ${broken}`);
          results[client].push({ ...run, serverCpuSeconds });
        }
        const line = clients.map((client) => {
          const last = results[client][results[client].length - 1] as Run;
          return `${client} ${fmt(last.wallSeconds, 2)} s / ${fmt(last.cpuSeconds, 2)} s CPU / ${fmt(last.peakRssMiB)} MiB`;
        });
        console.log(`deliver round ${round}: ${line.join(', ')}`);
      }
      machine.loadAfter = os.loadavg()[0] ?? NaN;
    } finally {
      await server.stop();
    }
  } finally {
    // The link first, on its own: only the link goes, never what it points to.
    fs.rmSync(path.join(dir, 'node_modules'), { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report(results, mib, machine);
}

interface Machine {
  cpus: number;
  /** One-minute load average before the first run and after the last: other work on the machine. */
  loadBefore: number;
  loadAfter: number;
}

function report(results: Record<Client, Run[]>, mib: number, machine: Machine): void {
  const gib = mib / 1024;
  const runs = results.ferry.length;
  /** The median of a figure over the runs, and its text with each run's. */
  const figure = (client: Client, pick: (run: Run) => number, digits: number, unit: string) => {
    const values = results[client].map(pick);
    const each = values.map((v) => fmt(v, digits)).join(', ');
    return { median: median(values), text: `${fmt(median(values), digits)} ${unit} [${each}]` };
  };
  const speed = (client: Client) => figure(client, (r) => mib / r.wallSeconds, 0, 'MiB/s');
  const cpuPerGib = (client: Client) => figure(client, (r) => (r.cpuSeconds * 1000) / gib, 0, 'ms');
  console.log(
    `deliver                a ${fmt(mib)} MiB video to @tus/server (file store, its own process) on 127.0.0.1; ` +
      `ferry: the engine's push (${Number.isFinite(chunkMiB) ? `PATCHes of ${fmt(chunkMiB)} MiB` : 'one PATCH'}); curl: one PATCH (-T); tus-js-client: its defaults (one PATCH); ` +
      `median of ${runs} runs [each run]; ${machine.cpus} CPUs, load average ${fmt(machine.loadBefore, 1)} ` +
      `before, ${fmt(machine.loadAfter, 1)} after`,
  );
  const scope: Record<Client, string> = {
    ferry: 'deliver stage',
    curl: 'whole process',
    'tus-js-client': 'start() to onSuccess',
  };
  for (const client of clients) {
    const label = `deliver ${client}`.padEnd(22);
    const whole = (pick: (run: Run) => number) => median(results[client].map(pick));
    const node = client !== 'curl';
    const processWall = node
      ? `; whole process ${fmt(
          whole((r) => r.processWallSeconds),
          2,
        )} s`
      : '';
    const processCpu = node ? `; whole process ${fmt((whole((r) => r.processCpuSeconds) * 1000) / gib)} ms` : '';
    const before = node ? ` (before the upload ${fmt(whole((r) => r.rssBeforeMiB))} MiB)` : '';
    console.log(`${label} throughput ${speed(client).text}`);
    console.log(`${label} wall ${figure(client, (r) => r.wallSeconds, 2, 's').text} (${scope[client]}${processWall})`);
    console.log(`${label} CPU per GiB ${cpuPerGib(client).text} (${scope[client]}${processCpu})`);
    console.log(`${label} peak RSS ${figure(client, (r) => r.peakRssMiB, 0, 'MiB').text}${before}`);
    const server = figure(client, (r) => (r.serverCpuSeconds * 1000) / gib, 0, 'ms');
    console.log(`${label} server CPU per GiB ${server.text}`);
  }
  if (Math.max(machine.loadBefore, machine.loadAfter) > machine.cpus) {
    console.log(
      'deliver note           load average above the CPU count: other work shared the machine; the wall times ' +
        'and throughputs move with it (compare them within a run), CPU per GiB much less',
    );
  }
  // A peer's CPU time can round to 0 on a small file: no ratio then, rather than "∞x".
  const ratio = (a: number, b: number) => (b > 0 ? `${fmt(a / b, 2)}x` : 'n/a');
  const [ferrySpeed, curlSpeed, tusSpeed] = clients.map((c) => speed(c).median) as [number, number, number];
  const [ferryCpu, curlCpu, tusCpu] = clients.map((c) => cpuPerGib(c).median) as [number, number, number];
  console.log(
    `deliver ratios         throughput ferry/curl ${ratio(ferrySpeed, curlSpeed)}, ferry/tus-js-client ` +
      `${ratio(ferrySpeed, tusSpeed)}; CPU per GiB ferry/curl ${ratio(ferryCpu, curlCpu)}, ` +
      `ferry/tus-js-client ${ratio(ferryCpu, tusCpu)}`,
  );
  // The issue's 150 MB read as decimal megabytes (143 MiB), the stricter reading, over the highest run.
  const peakMiB = Math.max(...results.ferry.map((r) => r.peakRssMiB));
  const peakMb = (peakMiB * 1024 ** 2) / 1e6;
  console.log(
    `deliver targets        throughput >= 0.9x curl's: ${ferrySpeed / curlSpeed >= 0.9 ? 'met' : 'NOT met'} ` +
      `(${ratio(ferrySpeed, curlSpeed)}); ferry peak RSS < 150 MB: ${peakMb < 150 ? 'met' : 'NOT met'} ` +
      `(highest run ${fmt(peakMiB)} MiB = ${fmt(peakMb)} MB)`,
  );
}
