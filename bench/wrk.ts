/** wrk on 127.0.0.1, its report read into numbers: requests per second, p99 latency, bytes per second, failures. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkFigures {
  requestsPerSecond: number;
  p99Ms: number;
  bytesPerSecond: number;
  /** Answers other than 2xx/3xx, and socket errors: a figure with any is not the route's. */
  failures: number;
}

export interface WrkOptions {
  seconds: number;
  connections: number;
  threads: number;
  headers?: Record<string, string>;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
const unitBytes: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** wrk's own text, read. Pure. */
export function readWrkReport(text: string): WrkFigures {
  const number = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  const [, p99 = 'NaN', p99Unit = ''] = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text) ?? [];
  const [, transfer = 'NaN', transferUnit = ''] = /^Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/m.exec(text) ?? [];
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requestsPerSecond: number(/^Requests\/sec:\s+([\d.]+)/m),
    p99Ms: Number(p99) * (unitMs[p99Unit] ?? NaN),
    bytesPerSecond: Number(transfer) * (unitBytes[transferUnit] ?? NaN),
    failures:
      (Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0) || 0) +
      (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/** Runs wrk as a child process (never blocking this process, which may be the server measured). */
export async function wrk(url: string, options: WrkOptions): Promise<WrkFigures> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    ...headers,
    url,
  ];
  const { stdout } = await run('wrk', args, { maxBuffer: 1024 * 1024 });
  return readWrkReport(stdout);
}
