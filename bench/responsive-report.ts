/** Prints the responsive benchmark's figures: one column per shape, their ratio, and issue 20's targets. */
import { fmt, median } from './figures';
import type { DownloadFigures } from './responsive-download';
import type { ImportFigures } from './responsive-import';
import type { LoadFigures, WindowFigures } from './responsive-load';
import type { Shape } from './responsive-shape';
import type { LoopDelay } from './responsive-measure';
import type { StartFigures } from './responsive-start';

export interface ShapeFigures {
  load: LoadFigures;
  imports: ImportFigures;
  download: DownloadFigures;
}

export interface RunSettings {
  loadAverage: number[];
  cores: number;
  seconds: number;
  connections: number;
  links: number;
  everyMs: number;
  rounds: number;
  runs: number;
}

const row = (label: string, own: string, inline: string, ratio = '') =>
  console.log(`  ${label.padEnd(52)} ${own.padStart(15)} ${inline.padStart(15)} ${ratio.padStart(10)}`);
const ratioOf = (own: number, inline: number, digits = 2) => `${fmt(own / inline, digits)}x`;
const loopText = (loop: LoopDelay) => `${fmt(loop.p99Ms, 1)} / ${fmt(loop.maxMs, 1)}`;
const verdict = (met: boolean, detail: string) => (met ? `met (${detail})` : `NOT met (${detail})`);

function printLoad(shapes: Record<Shape, ShapeFigures>, settings: RunSettings): void {
  const own = shapes.own.load;
  const inline = shapes.inline.load;
  console.log(
    `\n1. The server's event loop and GET …/stream/{uid} (wrk -t1 -c${settings.connections} -d${settings.seconds}s), ` +
      'idle vs while the engine downloads 1 GiB links from nginx and transcodes a 1080p file',
  );
  row('', 'own', 'inline', 'own/inline');
  const loops = (label: string, pick: (f: LoadFigures) => LoopDelay) => {
    const [o, i] = [pick(own), pick(inline)];
    row(label, loopText(o), loopText(i), `${ratioOf(o.p99Ms, i.p99Ms)} / ${ratioOf(o.maxMs, i.maxMs)}`);
  };
  loops('loop p99 / max (ms), idle, no requests', (f) => f.idle.loop);
  loops('loop p99 / max (ms), busy, no requests', (f) => f.busy.loop);
  const share = (label: string, pick: (w: WindowFigures) => number) =>
    row(
      label,
      `${fmt(pick(own.idle) * 100)} / ${fmt(pick(own.busy) * 100)}`,
      `${fmt(pick(inline.idle) * 100)} / ${fmt(pick(inline.busy) * 100)}`,
    );
  share('  server CPU % of a core, idle / busy', (w) => w.serverCores);
  share('  machine CPU busy % of all cores, idle / busy', (w) => w.machineBusy);
  loops('loop p99 / max (ms), idle, under wrk', (f) => f.idle.loopUnderRequests);
  loops('loop p99 / max (ms), busy, under wrk', (f) => f.busy.loopUnderRequests);
  const numbers = (label: string, pick: (w: WindowFigures) => number, which: 'idle' | 'busy', digits = 0) =>
    row(
      label,
      fmt(pick(own[which]), digits),
      fmt(pick(inline[which]), digits),
      ratioOf(pick(own[which]), pick(inline[which])),
    );
  numbers('stream req/s, idle', (w) => w.stream.requestsPerSecond, 'idle');
  numbers('stream req/s, busy', (w) => w.stream.requestsPerSecond, 'busy');
  const kept = (f: LoadFigures) => f.busy.stream.requestsPerSecond / f.idle.stream.requestsPerSecond;
  row(
    'stream req/s, busy / idle',
    `${fmt(kept(own), 2)}x`,
    `${fmt(kept(inline), 2)}x`,
    ratioOf(kept(own), kept(inline)),
  );
  numbers('stream p99 (ms), idle', (w) => w.stream.p99Ms, 'idle', 1);
  numbers('stream p99 (ms), busy', (w) => w.stream.p99Ms, 'busy', 1);
  numbers('server CPU ms per 1,000 requests, idle', (w) => w.serverCpuMsPer1k, 'idle', 1);
  numbers('server CPU ms per 1,000 requests, busy', (w) => w.serverCpuMsPer1k, 'busy', 1);
  row('engine process CPU ms per 1,000 requests, idle', fmt(own.idle.engineCpuMsPer1k, 1), '(the server)');
  const failures = (f: LoadFigures) => f.idle.stream.failures + f.busy.stream.failures;
  row('failed answers', fmt(failures(own)), fmt(failures(inline)));
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  row('download + transcode ran to the busy end', yes(own.busy.stillBusy), yes(inline.busy.stillBusy));
  const b = own.busy;
  console.log(
    `  targets, own while busy: loop p99 < 10 ms ${verdict(b.loop.p99Ms < 10, `${fmt(b.loop.p99Ms, 1)} ms`)};`,
  );
  console.log(`    loop max < 50 ms ${verdict(b.loop.maxMs < 50, `${fmt(b.loop.maxMs, 1)} ms`)};`);
  console.log(`    req/s busy/idle >= 0.80x ${verdict(kept(own) >= 0.8, `${fmt(kept(own), 2)}x`)};`);
  console.log(`    stream p99 < 15 ms ${verdict(b.stream.p99Ms < 15, `${fmt(b.stream.p99Ms, 1)} ms`)}`);
}

function printImport(shapes: Record<Shape, ShapeFigures>, settings: RunSettings): void {
  const own = shapes.own.imports;
  const inline = shapes.inline.imports;
  console.log(
    `\n2. importList of ${fmt(settings.links)} links in one socket command (queue paused) while another client asks every ${settings.everyMs} ms`,
  );
  row('', 'own', 'inline', 'own/inline');
  row('import took (ms)', fmt(own.importMs), fmt(inline.importMs), ratioOf(own.importMs, inline.importMs));
  row('links queued', fmt(own.queued), fmt(inline.queued));
  own.probes.forEach((probe, index) => {
    const peer = inline.probes[index];
    if (!peer) return;
    row(
      `longest wait (ms), ${probe.name}`,
      fmt(probe.longestMs),
      fmt(peer.longestMs),
      ratioOf(probe.longestMs, peer.longestMs),
    );
    row(
      `  p99 (ms); requests; failed`,
      `${fmt(probe.p99Ms)}; ${probe.requests}; ${probe.failures}`,
      `${fmt(peer.p99Ms)}; ${peer.requests}; ${peer.failures}`,
    );
  });
  row('server loop p99 / max (ms) during the import', loopText(own.loop), loopText(inline.loop));
  const longest = Math.max(...own.probes.map((probe) => probe.longestMs));
  console.log(`  target, own: no request waits more than 100 ms: ${verdict(longest <= 100, `${fmt(longest)} ms`)}`);
  const alone = own.probes[0]?.longestMs ?? NaN;
  console.log(`    (requests the server answers alone: ${verdict(alone <= 100, `${fmt(alone)} ms`)})`);
}

function printDownload(shapes: Record<Shape, ShapeFigures>, settings: RunSettings): void {
  const own = shapes.own.download;
  const inline = shapes.inline.download;
  console.log(`\n3. The engine downloading 1 GiB from nginx alone vs curl (medians of ${settings.rounds} rounds)`);
  row('', 'own', 'inline', 'own/inline');
  const seconds = (label: string, pick: (d: DownloadFigures) => number[]) => {
    const [o, i] = [median(pick(own)), median(pick(inline))];
    row(label, fmt(o / 1000, 2), fmt(i / 1000, 2), ratioOf(o, i));
  };
  seconds('engine (s)', (d) => d.engineMs);
  seconds('curl -o /dev/null (s)', (d) => d.curlNullMs);
  seconds('curl -o file (s)', (d) => d.curlDiskMs);
  const speed = (d: DownloadFigures, peer: number[]) => median(peer) / median(d.engineMs);
  const versus = (label: string, pick: (d: DownloadFigures) => number[]) =>
    row(label, `${fmt(speed(own, pick(own)), 2)}x`, `${fmt(speed(inline, pick(inline)), 2)}x`);
  versus("engine's speed / curl's, to /dev/null", (d) => d.curlNullMs);
  versus("engine's speed / curl's, to a file", (d) => d.curlDiskMs);
  seconds('engine CPU per GiB (s)', (d) => d.engineCpuMsPerGiB);
  row('downloads ended as', own.endedAs.join(','), inline.endedAs.join(','));
  const kept = speed(own, own.curlNullMs);
  console.log(`  target, own: >= 0.90x curl -o /dev/null: ${verdict(kept >= 0.9, `${fmt(kept, 2)}x`)}`);
}

function printStart(start: StartFigures, settings: RunSettings): void {
  const own = median(start.serveMs.own);
  const inline = median(start.serveMs.inline);
  const host = median(start.hostMs);
  console.log(`\n4. Start to the first answered command (list), median of ${settings.runs}`);
  row('', 'own', 'inline', 'own/inline');
  row('startServer (ms)', fmt(own), fmt(inline), ratioOf(own, inline));
  row('startEngineHost over forkEngineHost (ms)', fmt(host), '');
  row('  every run (ms)', start.hostMs.map((ms) => fmt(ms)).join(' '), '');
  console.log(`  target: engine host start to first answer < 500 ms: ${verdict(host < 500, `${fmt(host)} ms`)}`);
}

export function printResponsive(shapes: Record<Shape, ShapeFigures>, start: StartFigures, settings: RunSettings): void {
  console.log(
    `\nresponsive: the server process (this one) with the engine in a process of its own (own) or in it (inline); ` +
      `load average at start ${settings.loadAverage.map((n) => fmt(n, 2)).join(' ')} on ${settings.cores} cores; loop delay: beyond a 1 ms timer`,
  );
  printLoad(shapes, settings);
  printImport(shapes, settings);
  printDownload(shapes, settings);
  printStart(start, settings);
}
