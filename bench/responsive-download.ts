/**
 * Part 3 of the responsive benchmark: the engine downloading the 1 GiB file alone (nothing else
 * queued, transcode off) against curl fetching the same URL, to /dev/null and to a file. Rounds
 * alternate the three. The engine's time is its video's history: from the claim of the fetch
 * stage to the next state, so neither the polling here nor the queue's wake-up is counted.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { VideoEvent } from '../shared/api';
import { ownCpuMs, processCpuMs, waitFor } from './responsive-measure';
import { serveShape, type Shape } from './responsive-shape';

const run = promisify(execFile);

export interface DownloadOptions {
  dir: string;
  shape: Shape;
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

export async function measureDownload(options: DownloadOptions): Promise<DownloadFigures> {
  const figures: DownloadFigures = { engineMs: [], curlNullMs: [], curlDiskMs: [], engineCpuMsPerGiB: [], endedAs: [] };
  const server = await serveShape(options.dir, 'download', options.shape);
  const curlFile = path.join(options.dir, 'curl.bin');
  try {
    const { engine } = server;
    const cpu = () => (options.shape === 'inline' ? ownCpuMs() : processCpuMs(engine.pid()));
    for (let round = 0; round < options.rounds; round++) {
      figures.curlNullMs.push(await curlMs(options.bigUrl, '/dev/null'));
      figures.curlDiskMs.push(await curlMs(options.bigUrl, curlFile));
      fs.rmSync(curlFile, { force: true });

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
    return figures;
  } finally {
    await server.stop();
    fs.rmSync(curlFile, { force: true });
  }
}
