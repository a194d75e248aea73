// Child process of bench/fetch.ts: one Ferry download, then its wall time, its CPU time (user +
// system, every thread of the process) and its peak RSS as JSON. Run as its own process so the
// figures are the whole process's, as a user's app would see them; the time and CPU count from
// the call to downloadUrl, so Node's start and the TypeScript loader are left out.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { defaultFetchTuning } from '../electron/engine/stages/fetch-stage';
import { downloadUrl } from '../electron/engine/sources/download-url';

const [url, dest] = process.argv.slice(2);
if (!url || !dest) throw new Error('usage: fetch-one <url> <dest>');
// As the engine downloads a link by default.
const { maxConnections, idleTimeoutMs } = defaultFetchTuning;
const cpuBefore = process.cpuUsage();
const start = performance.now();
await downloadUrl({ url, headers: {}, dest, maxConnections, idleTimeoutMs });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const peakKib = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMiB: peakKib / 1024 }));
