/**
 * A client that sends cheap requests every few milliseconds and records how long each waited for
 * its answer. It runs on a worker thread: the benchmark's main thread is the server being
 * measured, and a client sharing its event loop would stop sending exactly when the server stalls.
 */
import { Worker } from 'node:worker_threads';
import { fmt } from './figures';

export interface ProbeTarget {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

export interface ProbeFigures {
  name: string;
  requests: number;
  failures: number;
  longestMs: number;
  p99Ms: number;
}

export interface Probe {
  /** Stops sending, waits for the answers still coming (bounded) and sums them up. */
  stop(): Promise<ProbeFigures[]>;
}

// Plain CommonJS: a worker evaluated from text, so that it needs no TypeScript loader.
const probeSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
const waits = workerData.targets.map(() => []);
const failures = workerData.targets.map(() => 0);
let pending = 0, stopping = false;
const finish = () => { agent.destroy(); parentPort.postMessage({ waits, failures }); };
const answered = () => { pending--; if (stopping && pending === 0) finish(); };
const timer = setInterval(() => {
  workerData.targets.forEach((target, i) => {
    const sent = performance.now();
    pending++;
    const request = http.get(target.url, { agent, headers: target.headers }, (response) => {
      response.resume();
      response.on('end', () => {
        waits[i].push(performance.now() - sent);
        if (response.statusCode !== 200) failures[i]++;
        answered();
      });
    });
    request.setTimeout(30000, () => request.destroy());
    request.on('error', () => { failures[i]++; answered(); });
  });
}, workerData.everyMs);
parentPort.on('message', () => {
  stopping = true;
  clearInterval(timer);
  if (pending === 0) finish();
});
`;

interface ProbeResult {
  waits: number[][];
  failures: number[];
}

/** Starts sending a request to each target every `everyMs`. */
export function startProbe(targets: ProbeTarget[], everyMs: number): Probe {
  const worker = new Worker(probeSource, { eval: true, workerData: { targets, everyMs } });
  const result = new Promise<ProbeResult>((resolve, reject) => {
    worker.once('message', (message: ProbeResult) => resolve(message));
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('responsive: the probe did not finish within 40 s')), 40_000);
      });
      try {
        const { waits, failures } = await Promise.race([result, timeout]);
        return targets.map((target, i) => summarize(target.name, waits[i] ?? [], failures[i] ?? 0));
      } finally {
        clearTimeout(timer);
        await worker.terminate();
      }
    },
  };
}

/** Pure. */
export function summarize(name: string, waits: number[], failures: number): ProbeFigures {
  const sorted = [...waits].sort((a, b) => a - b);
  return {
    name,
    requests: waits.length,
    failures,
    longestMs: sorted.at(-1) ?? NaN,
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN,
  };
}

export const probeLine = (f: ProbeFigures) =>
  `${f.name}: longest ${fmt(f.longestMs)} ms, p99 ${fmt(f.p99Ms)} ms (${fmt(f.requests)} requests${f.failures ? `, ${f.failures} failed` : ''})`;
