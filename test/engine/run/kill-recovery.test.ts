/**
 * The queue never loses work: an engine process killed at any point of a 20-video run (during a
 * download, a transcode, a delivery, right at a database write, at random) and started again
 * ends with every video ready, complete, delivered once and like a run that was never killed,
 * with nothing left over.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import type { Video } from '../../../shared/video';
import { processesMentioning } from '../../helpers/child-processes';
import * as make from '../../helpers/media-fixtures';
import { dashFiles, hlsMaster, hlsMediaFiles, probeJson } from '../../helpers/inspect-outputs';
import { sha256, startOrigin, type Route } from '../../helpers/origin-server';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';
import { startTusServer, type TusTestServer } from '../../helpers/tus-server';

const worker = path.join(repoRoot, 'test/helpers/engine-worker.ts');
const videoCount = 20;

let origin: Awaited<ReturnType<typeof startOrigin>>;
let tus: TusTestServer;
let body: Buffer;

beforeAll(async () => {
  body = fs.readFileSync(await make.standardDefinition43(tempDir()));
  // Half the links trickle, so that a kill often lands mid-download.
  const routes: Record<string, Route> = {};
  for (let i = 0; i < videoCount; i++) {
    routes[`/v${i}.avi`] = {
      kind: 'file',
      body,
      ...(i % 2 === 0 ? { trickle: { chunkBytes: 16 * 1024, everyMs: 10 } } : {}),
    };
  }
  origin = await startOrigin(routes);
  tus = await startTusServer();
  // Slow enough that a kill can land mid-upload (the MP4s are a few hundred KiB).
  tus.throttle(512 * 1024);
});
afterAll(async () => {
  await origin.close();
  await tus.close();
});

/** Queues the 20 links; with `deliver`, each one's MP4 also goes to the TUS server. */
async function queueAll(dataDir: string, deliver: boolean): Promise<void> {
  const engine = createEngine({ dataDir });
  try {
    const target = deliver
      ? await engine.saveTarget({ name: 'archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint })
      : undefined;
    const links = Array.from({ length: videoCount }, (_, i) => ({ url: origin.url(`/v${i}.avi`) }));
    await engine.addLinks({ links, options: { ladder: [240, 360], ...(target ? { deliverTo: [target.id] } : {}) } });
  } finally {
    engine.close();
  }
}

/** Counts videos by state, reading the database as an outsider (read-only, beside the worker). */
function states(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'ferry.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT state, stage, COUNT(*) AS n FROM videos GROUP BY state, stage').all() as {
      state: string;
      stage: string;
      n: number;
    }[];
    const counts: Record<string, number> = {};
    for (const r of rows) {
      counts[r.state] = (counts[r.state] ?? 0) + r.n;
      counts[`${r.state}/${r.stage}`] = r.n;
    }
    const uploading = db.prepare("SELECT COUNT(*) FROM deliveries WHERE state = 'uploading'").pluck().get() as number;
    return { ...counts, uploading };
  } finally {
    db.close();
  }
}

const kills: { name: string; when: (dataDir: string, startedAt: number, readyAtStart: number) => boolean }[] = [
  { name: 'during a download', when: (dir) => (states(dir)['downloading'] ?? 0) > 0 },
  { name: 'during a transcode', when: (dir) => (states(dir)['inprogress/transcode'] ?? 0) > 0 },
  { name: 'during a delivery', when: (dir) => (states(dir)['uploading'] ?? 0) > 0 },
  // The ready commit has just landed; its deliveries, webhook and history rows are being written.
  { name: 'right at a database write', when: (dir, _, ready) => (states(dir)['ready'] ?? 0) > ready },
  { name: 'at a random moment', when: (_, startedAt) => Date.now() - startedAt > 300 + Math.random() * 1200 },
];

async function runAndKill(dataDir: string, kill: (typeof kills)[number]): Promise<string> {
  const readyAtStart = states(dataDir)['ready'] ?? 0;
  const child = spawnTs(worker, [dataDir]);
  const done = finished(child, 120_000);
  const startedAt = Date.now();
  let exited = false;
  void done.then(() => (exited = true));
  const deadline = startedAt + 30_000;
  let hit = false;
  while (!exited && Date.now() < deadline && !(hit = kill.when(dataDir, startedAt, readyAtStart))) {
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  const result = await done;
  if (result.signal !== 'SIGKILL') return `finished before the kill (${result.code})`;
  return hit ? `killed ${kill.name}` : 'killed at the deadline';
}

function filesUnder(dir: string): string[] {
  return (
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      // Each transcode tags its segments' names (chunk-<tag>-<rendition>-<n>): the same files, another attempt.
      .map((name) => name.replace(/chunk-[0-9a-z]+-(\d+-\d+\.m4s)$/, 'chunk-$1'))
      .sort()
  );
}

async function videosByPath(dataDir: string): Promise<Map<string, Video>> {
  const engine = createEngine({ dataDir });
  try {
    const page = await engine.list({ limit: 1000 });
    return new Map(page.videos.map((v) => [new URL(v.meta['downloaded-from'] ?? '').pathname, v]));
  } finally {
    engine.close();
  }
}

async function frames(file: string): Promise<number> {
  const info = await probeJson(file);
  return Number(info.streams.find((s) => s.codec_type === 'video')?.nb_frames ?? -1);
}

describe('killing the engine at any point of a 20-video run, five times', () => {
  it('ends with every video ready and complete, none lost or doubled, nothing left over', async () => {
    const reference = tempDir();
    await queueAll(reference, false);
    expect((await finished(spawnTs(worker, [reference]), 180_000)).code).toBe(0);

    const dataDir = tempDir();
    await queueAll(dataDir, true);
    const outcomes: string[] = [];
    for (const kill of kills) outcomes.push(await runAndKill(dataDir, kill));
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(4);
    expect((await finished(spawnTs(worker, [dataDir]), 180_000)).code).toBe(0);

    // What the TUS server holds. A kill between creating an upload and saving its address can
    // leave an unfinished orphan there; a finished upload is never made twice.
    const delivered = tus.uploads().map((id) => sha256(tus.file(id)));
    const mp4s = new Set<string>();
    const expected = await videosByPath(reference);
    const actual = await videosByPath(dataDir);
    expect(actual.size).toBe(videoCount);
    expect(new Set([...actual.values()].map((v) => v.uid)).size).toBe(videoCount);
    for (const [route, video] of actual) {
      const twin = expected.get(route)!;
      expect(video.status.state, route).toBe('ready');
      expect(sha256(fs.readFileSync(video.source.path!)), route).toBe(sha256(body));
      const folder = path.join(dataDir, 'library', video.uid);
      expect(filesUnder(folder), route).toEqual(filesUnder(path.join(reference, 'library', twin.uid)));
      // Every file the manifests name is there.
      const manifest = path.dirname(video.playback!.hls);
      const master = hlsMaster(fs.readFileSync(video.playback!.hls, 'utf8'));
      const playlists = [...master.variants.map((v) => v.uri), ...(master.audio ? [master.audio] : [])];
      for (const playlist of playlists) {
        const { init, segments } = hlsMediaFiles(fs.readFileSync(path.join(manifest, playlist), 'utf8'));
        for (const file of [init, ...segments]) expect(fs.existsSync(path.join(manifest, file)), file).toBe(true);
      }
      for (const files of dashFiles(fs.readFileSync(video.playback!.dash, 'utf8')).values()) {
        for (const file of files) expect(fs.existsSync(path.join(manifest, file)), file).toBe(true);
      }
      expect(video.renditions).toEqual(
        twin.renditions.map((r) => expect.objectContaining({ name: r.name, width: r.width, height: r.height })),
      );
      expect(await frames(video.downloads!.default), route).toBe(await frames(twin.downloads!.default));
      // Delivered whole: the upload it names holds its MP4.
      const mp4 = sha256(fs.readFileSync(video.downloads!.default));
      mp4s.add(mp4);
      expect(video.deliveries, route).toEqual([expect.objectContaining({ state: 'ready' })]);
      expect(sha256(tus.file(video.deliveries[0]!.remoteId!)), route).toBe(mp4);
    }
    // Each video has its own upload, and there are no more finished uploads than videos. (Two
    // videos of the same source can have byte-identical MP4s, so this counts, not matches.)
    expect(new Set([...actual.values()].map((v) => v.deliveries[0]!.remoteId)).size).toBe(videoCount);
    expect(delivered.filter((sum) => mp4s.has(sum))).toHaveLength(videoCount);
    // No ffmpeg outlived the processes that were killed (each wrote into its own attempt's folder, now gone).
    const deadline = Date.now() + 15_000;
    while (processesMentioning(dataDir).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(dataDir)).toEqual([]);
    // Nothing half-made anywhere.
    expect(fs.readdirSync(path.join(dataDir, 'library')).filter((e) => e.includes('.partial'))).toEqual([]);
    const originals = filesUnder(path.join(dataDir, 'originals'));
    expect(originals.filter((f) => f.includes('.part'))).toEqual([]);
    expect(originals).toHaveLength(videoCount);
  }, 600_000);
});
