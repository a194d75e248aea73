/**
 * Download benchmark. A local nginx (sendfile) serves a file on 127.0.0.1; in one run Ferry's
 * fetcher, curl -o and aria2c -x8 -s8 download it to disk, then the same through a location
 * that limits each connection's rate (limit_rate), where several connections matter. Prints
 * each time, the ratios to curl and to aria2c (above 1: Ferry is faster), and Ferry's peak RSS.
 * Every output is checked against the source's SHA-256 before its time counts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { missingTool, startOrigin, type LocalOrigin } from './local-origin';
import { median } from './figures';

const hashOf = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function timed(bin: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(bin, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${bin} failed: ${run.stderr}`);
  return (performance.now() - start) / 1000;
}

export async function benchFetch(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { mib: { type: 'string', default: '1024' }, 'slow-mib': { type: 'string', default: '200' } },
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
      await benchFiles(values, dir, origin);
    } finally {
      await origin.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each file size against the running origin: Ferry, curl and aria2c in turn. */
async function benchFiles(values: { mib: string; 'slow-mib': string }, dir: string, origin: LocalOrigin) {
  const runs: [label: string, mib: number, prefix: string][] = [
    ['plain', Number(values.mib), '/'],
    ['limit_rate 20m per connection', Number(values['slow-mib']), '/slow/'],
  ];
  for (const [label, mib, prefix] of runs) {
    const name = `file-${mib}.bin`;
    const source = path.join(dir, 'www', name);
    execFileSync('dd', ['if=/dev/urandom', `of=${source}`, 'bs=1M', `count=${mib}`], { stdio: 'ignore' });
    fs.chmodSync(source, 0o644);
    const sourceHash = hashOf(source);
    const url = origin.url(`${prefix}${name}`);
    const out = path.join(dir, 'out.bin');
    const check = (tool: string) => {
      if (hashOf(out) !== sourceHash) throw new Error(`${tool}'s download differs from the source`);
      fs.rmSync(out, { force: true });
    };

    // Each tool three times, interleaved, each after a sync so that no run pays for the
    // previous one's dirty pages; the median counts.
    const ferryRuns: { seconds: number; peakRssMiB: number }[] = [];
    const curlRuns: number[] = [];
    const ariaRuns: number[] = [];
    for (let round = 0; round < 3; round++) {
      execFileSync('sync');
      ferryRuns.push(
        JSON.parse(
          execFileSync(
            process.execPath,
            ['--import', 'tsx', path.join(import.meta.dirname, 'fetch-one.ts'), url, out],
            {
              encoding: 'utf8',
            },
          ),
        ) as { seconds: number; peakRssMiB: number },
      );
      check('Ferry');
      execFileSync('sync');
      curlRuns.push(timed('curl', ['-s', '-f', '-o', out, url]));
      check('curl');
      execFileSync('sync');
      ariaRuns.push(
        timed('aria2c', [
          ...['-x8', '-s8', '-k1M', '--file-allocation=none', '--allow-overwrite=true', '--auto-file-renaming=false'],
          ...['--console-log-level=error', '--summary-interval=0', '-d', dir, '-o', 'out.bin', url],
        ]),
      );
      check('aria2c');
    }
    const f = median(ferryRuns.map((r) => r.seconds));
    const curl = median(curlRuns);
    const aria = median(ariaRuns);
    const rss = Math.max(...ferryRuns.map((r) => r.peakRssMiB));
    console.log(
      `fetch ${label}, ${mib} MiB (median of 3): ferry ${f.toFixed(2)} s, curl ${curl.toFixed(2)} s, aria2c -x8 ${aria.toFixed(2)} s`,
    );
    console.log(
      `fetch ${label}: speed ratio ferry/curl ${(curl / f).toFixed(2)}x, ferry/aria2c ${(aria / f).toFixed(2)}x, ferry peak RSS ${rss.toFixed(0)} MiB`,
    );
    fs.rmSync(source);
  }
}
