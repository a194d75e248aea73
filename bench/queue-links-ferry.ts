// Child process of bench/queue-links.ts: imports a list of links into a fresh engine, works the
// queue until it is idle with transcode off, and prints the wall and CPU time of each phase as
// JSON. A process of its own, so that its CPU time is the engine's alone (and the parent can add
// any tool the engine spawns, from /proc).
import { performance } from 'node:perf_hooks';

const [dataDir, listFile] = process.argv.slice(2);
if (!dataDir || !listFile) throw new Error('usage: queue-links-ferry <data-dir> <list-file>');

// Loading the modules is process startup, not queue work.
const { createEngine } = await import('../electron/engine/create-engine');

interface Phase {
  wallMs: number;
  cpuMs: number;
}

async function timed(work: () => Promise<unknown>): Promise<Phase> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

// One connection per file, as aria2c -x1: the files are far below the size where Ferry splits a
// download into ranges anyway, so this only pins what the comparison assumes.
const engine = createEngine({ dataDir, fetch: { maxConnections: 1 } });
try {
  // aria2c -j 4 runs four downloads against the one host; Ferry's default of 2 per host would
  // halve its parallelism against a single origin, so the per-host limit is raised to match.
  await engine.setSettings({ concurrency: { downloads: 4, downloadsPerHost: 4, transcodes: 1, deliveries: 3 } });
  let queued = 0;
  const importPhase = await timed(async () => {
    queued = (await engine.importList({ path: listFile, options: { transcode: false } })).queued;
  });
  const runPhase = await timed(() => engine.run());
  const totals = await engine.totals();
  // Why videos failed, for the parent's report: a count alone does not say what to fix.
  const failed = await engine.list({ state: 'error', limit: 3 });
  const errors = failed.videos.map((v) => `${v.status.errorReasonCode ?? '?'}: ${v.status.errorReasonText ?? ''}`);
  const processCpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      queued,
      import: importPhase,
      run: runPhase,
      videos: totals.byState.ready,
      byState: totals.byState,
      errors,
      processCpuMs: (processCpu.user + processCpu.system) / 1000,
    }),
  );
} finally {
  engine.close();
}
