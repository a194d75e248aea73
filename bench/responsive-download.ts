/**
 * Part 3 of the responsive benchmark: the engine downloading the 1 GiB file alone (nothing else
 * queued, transcode off) against curl fetching the same URL, to /dev/null and to a file, each
 * round curl's two then the engine's, for each shape in turn. The engine's time is its video's history: from the claim of the fetch
 * stage to the next state, so neither the polling here nor the queue's wake-up is counted.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { VideoEvent } from '../shared/api';
import { ownCpuMs, processCpuMs, waitFor } from './responsive-measure';
import type { RunningServer } from '../electron/server/start-server';
import { serveShape, shapes, type Shape } from './responsive-shape';

const run = promisify(execFile);

export interface DownloadOptions {
  dir: string;
  bigUrl: string;
  rounds: number;
}

export interface DownloadFigures {
  engineMs: number[];
  curlNullMs: number[];
  curlDiskMs: number[];
  /** CPU time of the engine's process (the whole process for inline) per GiB downloaded. */
  engineCpuMsPerGiB: number[];
  /** How each engine download ended (`ready` unless something went wrong). */
  endedAs: string[];
}

async function curlMs(url: string, to: string): Promise<number> {
  const { stdout } = await run('curl', ['-sS', '--fail', '-o', to, '-w', '%{time_total}', url], { timeout: 120_000 });
  return Number(stdout) * 1000;
}

/** From the fetch stage's claim to the state after it. Pure. */
export function downloadSpanMs(history: VideoEvent[]): { ms: number; endedAs: string } {
  const claimed = history.find((event) => event.type === 'claimed' && event.data.stage === 'fetch');
  const after = claimed && history.find((event) => event.type === 'state' && event.data.from === 'downloading');
  if (!claimed || !after) return { ms: NaN, endedAs: 'unknown' };
  return { ms: Date.parse(after.at) - Date.parse(claimed.at), endedAs: String(after.data.to) };
}

/** One round of one shape: curl to /dev/null, curl to a file, then the engine; each added to `figures`. */
async function downloadRound(
  server: RunningServer,
  shape: Shape,
  round: number,
  options: DownloadOptions,
  figures: DownloadFigures,
) {
  const curlFile = path.join(options.dir, 'curl.bin');
  figures.curlNullMs.push(await curlMs(options.bigUrl, '/dev/null'));
  figures.curlDiskMs.push(await curlMs(options.bigUrl, curlFile));
  fs.rmSync(curlFile, { force: true });

  const { engine } = server;
  const cpu = () => (shape === 'inline' ? ownCpuMs() : processCpuMs(engine.pid()));
  const cpuBefore = cpu();
  const added = await engine.addLinks({
    links: [{ url: `${options.bigUrl}?round=${round}` }],
    options: { transcode: false },
  });
  const uid = added.queued[0]?.uid;
  if (!uid) throw new Error(`responsive: the download was not queued: ${JSON.stringify(added)}`);
  await waitFor(
    'the 1 GiB download',
    async () => {
      const { state } = (await engine.get({ uid })).status;
      return state === 'queued' || state === 'downloading' ? undefined : state;
    },
    300_000,
    100,
  );
  figures.engineCpuMsPerGiB.push(cpu() - cpuBefore);
  const span = downloadSpanMs(await engine.history({ uid }));
  figures.engineMs.push(span.ms);
  figures.endedAs.push(span.endedAs);
  // Each round's 1 GiB leaves the disk before the next.
  await engine.remove({ uids: [uid], deleteOutputs: true });
}

/** Both shapes' servers run at once (the one not downloading is idle), and their rounds alternate, so drift hits both alike. */
export async function measureDownloads(options: DownloadOptions): Promise<Record<Shape, DownloadFigures>> {
  const empty = (): DownloadFigures => ({
    engineMs: [],
    curlNullMs: [],
    curlDiskMs: [],
    engineCpuMsPerGiB: [],
    endedAs: [],
  });
  const figures: Record<Shape, DownloadFigures> = { own: empty(), inline: empty() };
  const servers: Partial<Record<Shape, RunningServer>> = {};
  try {
    for (const shape of shapes) servers[shape] = await serveShape(options.dir, 'download', shape);
    for (let round = 0; round < options.rounds; round++)
      for (const shape of shapes)
        await downloadRound(servers[shape] as RunningServer, shape, round, options, figures[shape]);
    return figures;
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    fs.rmSync(path.join(options.dir, 'curl.bin'), { force: true });
  }
}
