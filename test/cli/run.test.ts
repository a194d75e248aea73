import fs from 'node:fs';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueTotals } from '../../shared/api';
import type { Video } from '../../shared/video';
import { listenOnLoopback } from '../helpers/listen-loopback';
import * as make from '../helpers/media-fixtures';
import { startOrigin } from '../helpers/origin-server';
import { tempDir } from '../helpers/temp-dir';
import { ferry, listVideos, queueLinks, runnerPid, startFerry, statesByUid, waitFor, workedBy } from './ferry-process';
import { runFerry } from './ferry-in-process';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

let clip: Buffer | undefined;
/** One small real video for every test (2 s, 640x480), made once. */
async function smallClip(): Promise<Buffer> {
  clip ??= fs.readFileSync(await make.standardDefinition43(tempDir('ferry-run-media-')));
  return clip;
}

async function origin(paths: string[]) {
  const body = await smallClip();
  const server = await startOrigin(Object.fromEntries(paths.map((p) => [p, { kind: 'file' as const, body }])));
  closers.push(() => server.close());
  return server;
}

/** An origin whose first download never ends: whoever starts it is stuck working that video. */
async function stallingOrigin(body: Buffer) {
  let gets = 0;
  const server = http.createServer((req, res) => {
    const headers = { 'Content-Type': 'video/x-msvideo', 'Content-Length': body.length };
    if (req.method !== 'GET') return void res.writeHead(200, headers).end();
    gets++;
    res.writeHead(200, headers);
    if (gets === 1) res.write(body.subarray(0, 4096));
    else res.end(body);
  });
  const { port, close } = await listenOnLoopback(server);
  closers.push(close);
  return { url: `http://127.0.0.1:${port}/stuck.avi`, gets: () => gets };
}

describe('ferry run', () => {
  it('does nothing while the queue is paused, says so, and works it once resumed', async () => {
    const server = await origin(['/a.avi', '/b.avi']);
    const dataDir = tempDir();
    const uids = await queueLinks(dataDir, [server.url('/a.avi'), server.url('/b.avi')], ['--ladder', '240']);

    expect((await runFerry(['pause', '--queue', '--data-dir', dataDir])).stdout).toContain('paused the queue');
    const idle = await runFerry(['run', '--data-dir', dataDir]);
    expect(idle.code, idle.stderr).toBe(0);
    expect(idle.stdout).toContain('Nothing was worked on in this run.');
    expect(idle.stdout).toContain('queue paused');
    expect(idle.stdout).toContain('ferry resume --queue');
    expect(server.served.requests).toHaveLength(0);
    expect(Object.values(await statesByUid(dataDir))).toEqual(['queued', 'queued']);

    expect((await runFerry(['resume', '--queue', '--data-dir', dataDir])).stdout).toContain(
      'resumed the queue (2 videos waiting',
    );
    const worked = await runFerry(['run', '--json', '--data-dir', dataDir]);
    expect(worked.code, worked.stderr).toBe(0);
    const { videos, totals } = JSON.parse(worked.stdout) as { videos: Video[]; totals: QueueTotals };
    expect(videos.map((v) => v.uid).sort()).toEqual([...uids].sort());
    expect(videos.every((v) => v.status.state === 'ready' && v.renditions.length === 1)).toBe(true);
    expect(totals).toMatchObject({ byState: { ready: 2 }, queue: { paused: false } });
    expect(worked.stderr).toContain('This run: 2 ready, 0 failed. Queue: 2 ready, 0 failed, 0 paused.');
    // Progress lines on stderr, as for ingest.
    expect(worked.stderr).toMatch(/\[#+\] 100% {2}ready/);
  });

  it('exits 1 when a video fails during the run', async () => {
    const notes = Buffer.from('These are meeting notes, not a video.\n'.repeat(50));
    const server = await startOrigin({
      '/notes.mp4': { kind: 'file', body: notes, contentType: 'application/octet-stream' },
    });
    closers.push(() => server.close());
    const dataDir = tempDir();
    await queueLinks(dataDir, [server.url('/notes.mp4')]);
    const result = await runFerry(['run', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('This run: 0 ready, 1 failed.');
    expect(result.stderr).toContain('failed: ERR_NON_VIDEO');
  });

  it('never lets two processes work one queue: a second run exits 3, --wait takes over the stopped one', async () => {
    const stalling = await stallingOrigin(await smallClip());
    const dataDir = tempDir();
    const [uid] = await queueLinks(dataDir, [stalling.url], ['--ladder', '240']);

    const first = startFerry(['run', '--watch', '--data-dir', dataDir]);
    await waitFor(() => stalling.gets() === 1 && workedBy(dataDir, first.pid), 'the first run to start the download');
    // The first run's engine, in a process of its own, holds the queue.
    const engine = runnerPid(dataDir)!;

    // A second process, through the real binary: its exit code is what a script sees.
    const second = await ferry(['run', '--data-dir', dataDir]);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`Another Ferry (process ${engine}) is working the queue in ${dataDir}.`);
    expect(second.stderr).toContain('ferry run --wait');

    const waiting = startFerry(['run', '--wait', '--json', '--data-dir', dataDir]);
    await waitFor(
      () => waiting.stderr().includes(`waiting for the other Ferry (process ${engine}) to finish…`),
      'the waiting message',
    );
    // The waiting run does nothing while the first holds the queue.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stalling.gets()).toBe(1);

    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toContain('1 not finished');

    const took = await waiting.done;
    expect(took.code, took.stderr).toBe(0);
    expect(took.stderr.match(/waiting for the other Ferry/g)).toHaveLength(1);
    const { videos } = JSON.parse(took.stdout) as { videos: Video[] };
    expect(videos).toMatchObject([{ uid, status: { state: 'ready' } }]);
    expect(stalling.gets()).toBe(2);
    expect(runnerPid(dataDir)).toBeUndefined();
  });

  it('stops a run still waiting for the queue on Ctrl-C, as an interruption, not an error', async () => {
    const dataDir = tempDir();
    const first = startFerry(['run', '--watch', '--data-dir', dataDir]);
    await waitFor(() => workedBy(dataDir, first.pid), 'the first run to take the queue');
    const engine = runnerPid(dataDir);
    const waiting = startFerry(['run', '--wait', '--data-dir', dataDir]);
    await waitFor(() => waiting.stderr().includes('waiting for the other Ferry'), 'the waiting message');

    waiting.child.kill('SIGINT');
    const stopped = await waiting.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stdout).toContain('Nothing was worked on in this run.');
    expect(runnerPid(dataDir)).toBe(engine);

    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(130);
  });

  it('lets ingest finish its videos through the process that already works the queue', async () => {
    const dataDir = tempDir();
    const file = await make.standardDefinition43(tempDir());
    const runner = startFerry(['run', '--watch', '--data-dir', dataDir]);
    await waitFor(() => workedBy(dataDir, runner.pid), 'the runner to take the queue');

    const ingest = await runFerry(['ingest', file, '--ladder', '240', '--json', '--data-dir', dataDir]);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stderr).toContain(`Another Ferry (process ${runnerPid(dataDir)}) is working this queue`);
    const [video] = JSON.parse(ingest.stdout) as Video[];
    expect(video).toMatchObject({ status: { state: 'ready' }, source: { path: file } });
    // The runner did the work (its display shows it a moment later), and goes on watching.
    await waitFor(() => /\[#+\] 100% {2}ready/.test(runner.stderr()), "the runner's display to show the video ready");
    expect(workedBy(dataDir, runner.pid)).toBe(true);

    runner.child.kill('SIGINT');
    const stopped = await runner.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toContain('This run: 1 ready, 0 failed.');
    expect((await listVideos(dataDir)).map((v) => v.status.state)).toEqual(['ready']);
  });
});
