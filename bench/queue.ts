/**
 * Queue benchmark (issue: foundation). Ferry's store against the same work done naively:
 *  - 100,000 inserts in one call vs one transaction per insert;
 *  - cold open + first page of 100 (in a fresh process) vs the same page from an unindexed table;
 *  - 10,000 links downloaded from a local origin vs aria2c on the same list (bench/queue-links.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { newLeaseOwner } from '../electron/engine/store/lease-owner';
import { openDatabase } from '../electron/engine/store/open-database';
import { VideoStore } from '../electron/engine/store/video-store';
import type { NewVideo } from '../electron/engine/store/queue-job';
import { benchQueueLinks } from './queue-links';
import { fmt, median } from './figures';

function videos(count: number, offset = 0): NewVideo[] {
  return Array.from({ length: count }, (_, i) => ({
    source: { kind: 'url' as const, url: `https://cdn.example.test/library/video-${offset + i}.mp4` },
    stage: 'fetch' as const,
    name: `video ${offset + i}`,
    doc: { thumbnailTimestampPct: 0.5 },
  }));
}

/** Runs bench/first-page.ts in a new process: the database is opened cold, as at app start. */
function firstPageMs(mode: 'ferry' | 'naive', dbPath: string): number {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'first-page.ts'), mode, dbPath],
    {
      encoding: 'utf8',
    },
  );
  return Number(out.trim());
}

function tryDropPageCache(): boolean {
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false; // not permitted (not root, or a container): the page cache stays warm
  }
}

export async function benchQueue(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '100000' },
      'naive-count': { type: 'string', default: '10000' },
      links: { type: 'string', default: '10000' },
      'links-rounds': { type: 'string', default: '1' },
    },
  });
  const count = Number(values.count);
  const naiveCount = Number(values['naive-count']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-queue-'));
  try {
    // Ferry: one call.
    const ferryDb = openDatabase(path.join(dir, 'ferry.db'));
    const store = new VideoStore(ferryDb.db, newLeaseOwner());
    const input = videos(count);
    let t = performance.now();
    store.insertMany(input);
    const ferryInsertMs = performance.now() - t;
    ferryDb.db.close();

    // Naive: the same store, one transaction (one fsync) per video.
    const naiveDb = openDatabase(path.join(dir, 'naive-insert.db'));
    const naiveStore = new VideoStore(naiveDb.db, newLeaseOwner());
    const naiveInput = videos(naiveCount);
    t = performance.now();
    for (const video of naiveInput) naiveStore.insertMany([video]);
    const naiveInsertMs = performance.now() - t;
    naiveDb.db.close();

    const ferryRate = count / (ferryInsertMs / 1000);
    const naiveRate = naiveCount / (naiveInsertMs / 1000);
    console.log(
      `queue insert   ferry: ${fmt(count)} videos in one call: ${fmt(ferryInsertMs)} ms = ${fmt(ferryRate)} videos/s (target: 100,000 in < 2,000 ms)`,
    );
    console.log(
      `queue insert   naive: ${fmt(naiveCount)} videos, one transaction each: ${fmt(naiveInsertMs)} ms = ${fmt(naiveRate)} videos/s`,
    );
    console.log(`queue insert   ratio ferry/naive throughput: ${fmt(ferryRate / naiveRate, 1)}x`);

    // The unindexed copy of the same rows for the naive first page.
    const copy = openDatabase(path.join(dir, 'ferry.db'));
    copy.db.exec(
      `ATTACH '${path.join(dir, 'naive-page.db')}' AS naive; CREATE TABLE naive.videos AS SELECT * FROM main.videos;`,
    );
    copy.db.close();

    const cold = tryDropPageCache();
    const ferryPage: number[] = [];
    const naivePage: number[] = [];
    for (let i = 0; i < 5; i++) {
      if (cold) tryDropPageCache();
      ferryPage.push(firstPageMs('ferry', path.join(dir, 'ferry.db')));
      if (cold) tryDropPageCache();
      naivePage.push(firstPageMs('naive', path.join(dir, 'naive-page.db')));
    }
    const ferryMs = median(ferryPage);
    const naiveMs = median(naivePage);
    const note = cold ? 'page cache dropped before each run' : 'new process each run; OS page cache warm';
    console.log(
      `queue page     ferry: cold open + first page of 100 of ${fmt(count)}: ${fmt(ferryMs, 1)} ms (median of 5; ${note}; target < 100 ms)`,
    );
    console.log(`queue page     naive: same page from an unindexed table: ${fmt(naiveMs, 1)} ms`);
    console.log(`queue page     ratio naive/ferry time: ${fmt(naiveMs / ferryMs, 1)}x`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await benchQueueLinks({ links: Number(values.links), rounds: Number(values['links-rounds']) });
}
