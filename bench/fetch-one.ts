// Child process of bench/fetch.ts: one Ferry download, then its wall time and peak RSS as JSON.
// Run as its own process so the RSS is the whole process's, as a user's app would see it.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { defaultFetchTuning } from '../electron/engine/pipeline/fetch-stage';
import { downloadUrl } from '../electron/engine/sources/download-url';

const [url, dest] = process.argv.slice(2);
if (!url || !dest) throw new Error('usage: fetch-one <url> <dest>');
const start = performance.now();
await downloadUrl({ url, headers: {}, dest, ...defaultFetchTuning });
const seconds = (performance.now() - start) / 1000;
const peakKib = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
console.log(JSON.stringify({ seconds, peakRssMiB: peakKib / 1024 }));
