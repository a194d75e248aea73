/**
 * `npm run bench -- responsive` (issue 20): how well the process that answers users (`ferry
 * serve`'s server, which is this process) keeps answering while the engine works, with the engine
 * in a process of its own (`own`, the default) and, as the peer, in the server's process
 * (`inline`, the single-process shape before). Each part runs both shapes one after the other:
 * 1. the event-loop delay and `GET …/stream/{uid}` idle vs during a 1 GiB download and a 1080p
 *    transcode; 2. other requests' longest wait during a 20,000-link import; 3. the download's
 *    speed vs curl's; 4. start to the first answered command. Origin: nginx on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { missingTool, startOrigin } from './local-origin';
import { measureDownloads } from './responsive-download';
import { measureImport } from './responsive-import';
import { measureLoad } from './responsive-load';
import { printResponsive, type RunSettings, type ShapeFigures } from './responsive-report';
import { shapes, type Shape } from './responsive-shape';
import { measureStart } from './responsive-start';

/** A 1 GiB file that starts as a real MP4 (so the engine takes it for a video) and is sparse after. */
function writeBigFile(file: string, clip: string): void {
  const head = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(clip, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  fs.writeFileSync(file, head);
  fs.truncateSync(file, 1024 ** 3);
}

function writeClip(file: string, seconds: number): void {
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=1920x1080:r=30:d=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file],
  ]);
}

/** Runs `part` for each shape in turn. */
async function eachShape<T>(part: (shape: Shape) => Promise<T>): Promise<Record<Shape, T>> {
  const figures: Partial<Record<Shape, T>> = {};
  for (const shape of shapes) figures[shape] = await part(shape);
  return figures as Record<Shape, T>;
}

export async function benchResponsive(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '16' },
      copies: { type: 'string', default: '4' },
      'clip-seconds': { type: 'string', default: '30' },
      links: { type: 'string', default: '20000' },
      'every-ms': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      runs: { type: 'string', default: '5' },
    },
  });
  const missing = missingTool(['wrk', 'nginx', 'ffmpeg', 'curl']);
  if (missing) {
    console.log(`responsive: ${missing} is not installed (apt-get install wrk nginx-light ffmpeg curl); skipping`);
    return;
  }
  const settings: RunSettings = {
    loadAverage: os.loadavg(),
    cores: os.cpus().length,
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    links: Number(values.links),
    everyMs: Number(values['every-ms']),
    rounds: Number(values.rounds),
    runs: Number(values.runs),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-responsive-'));
  const www = path.join(dir, 'www');
  fs.mkdirSync(www);
  try {
    const clip = path.join(dir, 'clip-1080p.mp4');
    writeClip(clip, Number(values['clip-seconds']));
    writeBigFile(path.join(www, 'big.bin'), clip);
    const origin = await startOrigin({ workDir: dir, root: www });
    try {
      const bigUrl = origin.url('/big.bin');
      const common = { dir, bigUrl };
      const load = await eachShape((shape) =>
        measureLoad({ ...common, shape, clip, copies: Number(values.copies), ...settings }),
      );
      const imports = await eachShape((shape) => measureImport({ ...common, shape, linkUrl: bigUrl, ...settings }));
      const download = await measureDownloads({ ...common, rounds: settings.rounds });
      const start = await measureStart(dir, settings.runs);
      const figures = Object.fromEntries(
        shapes.map((shape) => [shape, { load: load[shape], imports: imports[shape], download: download[shape] }]),
      ) as Record<Shape, ShapeFigures>;
      printResponsive(figures, start, settings);
    } finally {
      await origin.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
