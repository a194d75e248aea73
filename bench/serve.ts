/**
 * `ferry serve` benchmark: with wrk on 127.0.0.1, in one run, Ferry's JSON API
 * (`GET …/stream/{uid}` with the bearer token) and a 2 MiB segment from Ferry's media route, and
 * the same segment from nginx (sendfile, one worker, as Ferry's one event loop). Rounds
 * interleave the three; the medians are printed with the ratios and the targets: the
 * segment at 0.7x nginx's requests per second or better, the JSON endpoint above 5,000 requests
 * per second with p99 under 20 ms. `ferry serve` (startServer: the server and the engine's queue)
 * runs in this process.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/engine/api/dispatch';
import type { FerryCommands } from '../shared/api';
import { startServer } from '../electron/server/start-server';
import { fmt, median } from './figures';
import { missingTool, startOrigin } from './local-origin';
import { wrk, type WrkFigures, type WrkOptions } from './wrk';

const segmentBytes = 2 * 1024 * 1024;
const segmentName = 'chunk-9-00001.m4s';

export async function benchServe(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '8' },
      connections: { type: 'string', default: '16' },
      threads: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const missing = missingTool(['wrk', 'nginx', 'ffmpeg']);
  if (missing) {
    console.log(`serve: ${missing} is not installed (apt-get install wrk nginx-light ffmpeg); skipping`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-serve-'));
  const www = path.join(dir, 'www');
  fs.mkdirSync(www);
  try {
    // `ferry serve` itself: the engine working its queue, the server on 127.0.0.1, in this process.
    const server = await startServer({ dataDir: path.join(dir, 'data'), port: 0 });
    const origin = await startOrigin({ workDir: dir, root: www });
    try {
      const uid = await readyVideo(server.engine, dir);
      // The segment measured: 2 MiB of incompressible bytes, the same file for Ferry and nginx.
      const segment = randomBytes(segmentBytes);
      fs.writeFileSync(path.join(server.engine.paths.library, uid, 'manifest', segmentName), segment);
      fs.writeFileSync(path.join(www, segmentName), segment);
      const load: WrkOptions = {
        seconds: Number(values.seconds),
        connections: Number(values.connections),
        threads: Number(values.threads),
      };
      const runs = { json: [] as WrkFigures[], segment: [] as WrkFigures[], nginx: [] as WrkFigures[] };
      for (let round = 0; round < Number(values.rounds); round++) {
        const bearer = { Authorization: `Bearer ${server.token}` };
        runs.json.push(await wrk(`${server.apiBase}/${uid}`, { ...load, headers: bearer }));
        runs.segment.push(await wrk(`${server.baseUrl}/media/${uid}/manifest/${segmentName}`, load));
        runs.nginx.push(await wrk(origin.url(`/${segmentName}`), load));
      }
      report(runs, load);
    } finally {
      await origin.close();
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A real video, ingested through the dispatcher and transcoded by the server's own queue. */
async function readyVideo(engine: FerryCommands, dir: string): Promise<string> {
  const source = path.join(dir, 'source.mp4');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=25:d=2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', source],
  ]);
  const added = await dispatch(engine, 'addFiles', { paths: [source], options: { ladder: [240] } });
  const uid = added.ok ? added.value.queued[0]?.uid : undefined;
  if (!uid) throw new Error(`serve: the video was not queued: ${JSON.stringify(added)}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const video = await dispatch(engine, 'get', { uid });
    if (video.ok && video.value.status.state === 'ready') return uid;
    if (!video.ok || video.value.status.state === 'error' || Date.now() > deadline)
      throw new Error(`serve: the video did not become ready: ${JSON.stringify(video)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function report(runs: Record<'json' | 'segment' | 'nginx', WrkFigures[]>, load: WrkOptions): void {
  const mid = (figures: WrkFigures[]) => ({
    rps: median(figures.map((f) => f.requestsPerSecond)),
    p99: median(figures.map((f) => f.p99Ms)),
    mibps: median(figures.map((f) => f.bytesPerSecond)) / 1024 ** 2,
    failures: figures.reduce((sum, f) => sum + f.failures, 0),
  });
  const json = mid(runs.json);
  const segment = mid(runs.segment);
  const nginx = mid(runs.nginx);
  console.log(
    `\nserve (wrk -t${load.threads} -c${load.connections} -d${load.seconds}s on 127.0.0.1, medians of ${runs.json.length} rounds)`,
  );
  const line = (name: string, f: ReturnType<typeof mid>) =>
    console.log(
      `  ${name.padEnd(34)} ${fmt(f.rps).padStart(8)} req/s  p99 ${fmt(f.p99, 2).padStart(7)} ms  ${fmt(f.mibps).padStart(6)} MiB/s` +
        (f.failures > 0 ? `  (${fmt(f.failures)} failed answers: not this route's figure)` : ''),
    );
  line('Ferry GET …/stream/{uid} (JSON)', json);
  line('Ferry 2 MiB segment (/media/…)', segment);
  line('nginx 2 MiB segment (sendfile)', nginx);
  const ratio = segment.rps / nginx.rps;
  console.log(
    `  segment, Ferry / nginx req/s: ${fmt(ratio, 2)}x  (target >= 0.70x: ${ratio >= 0.7 ? 'met' : 'NOT met'})`,
  );
  console.log(`  segment, Ferry / nginx p99:   ${fmt(segment.p99 / nginx.p99, 2)}x`);
  const jsonMet = json.rps > 5000 && json.p99 < 20 && json.failures === 0;
  console.log(`  JSON: target > 5,000 req/s with p99 < 20 ms: ${jsonMet ? 'met' : 'NOT met'}`);
}
