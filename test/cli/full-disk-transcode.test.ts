/**
 * The disk filling up while a video's outputs are made (ffmpeg writing segments, on a real full
 * tmpfs) and while they are published (the folder's rename, where a tmpfs never runs out: an
 * injected ENOSPC). The queue pauses saying why, nothing half-made is published, and freeing
 * space and resuming makes the video.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { QueueTotals } from '../../shared/api';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { mountSmallVolume } from '../helpers/small-volume';
import { tempDir } from '../helpers/temp-dir';
import { runFerry } from './ferry-in-process';

async function listed(dataDir: string): Promise<Video[]> {
  return (JSON.parse((await runFerry(['list', '--json', '--data-dir', dataDir])).stdout) as { videos: Video[] }).videos;
}

async function queueOf(dataDir: string): Promise<QueueTotals['queue']> {
  return (JSON.parse((await runFerry(['status', '--json', '--data-dir', dataDir])).stdout) as QueueTotals).queue;
}

/** What the library holds: published video folders and attempts in progress. */
const libraryEntries = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'library')) ? fs.readdirSync(path.join(dataDir, 'library')) : [];

async function resumeAndRun(dataDir: string): Promise<Video> {
  expect((await runFerry(['resume', '--queue', '--data-dir', dataDir])).code).toBe(0);
  const run = await runFerry(['run', '--data-dir', dataDir]);
  expect(run.code, run.stderr).toBe(0);
  const [video] = await listed(dataDir);
  expect(video?.status.state).toBe('ready');
  expect(fs.existsSync(video!.playback!.hls)).toBe(true);
  return video!;
}

describe('the disk filling up while outputs are made', () => {
  it('ffmpeg meets a full disk: the queue pauses, nothing is published, and the video is made once there is room', async () => {
    const volume = mountSmallVolume(20);
    // Four seconds of noise: its outputs (~2.4 MB) cannot fit in what is left.
    const source = path.join(tempDir(), 'noise.mkv');
    await make.ff([
      '-f',
      'lavfi',
      '-i',
      'testsrc=s=640x480:r=25:d=4',
      '-vf',
      'noise=alls=30:allf=t',
      '-c:v',
      'libx264',
      '-qp',
      '0',
      '-preset',
      'ultrafast',
      source,
    ]);
    // No free-space guard, which would stop the transcode before the disk is full: the write must fail.
    expect((await runFerry(['settings', 'minFreeDiskBytes', '0', '--data-dir', volume.dir])).code).toBe(0);
    // Room for the database's reserve (1 MiB, made by a run once twice that is free), then less
    // than the outputs take.
    volume.fill(2 * 1024 * 1024 + 256 * 1024);
    expect((await runFerry(['run', '--data-dir', volume.dir])).code).toBe(0);
    expect(fs.statSync(path.join(volume.dir, 'ferry.db.reserve')).size).toBe(1024 * 1024);
    const ingest = await runFerry(['ingest', source, '--ladder', '480,360,240', '--data-dir', volume.dir]);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(
      new RegExp(`The disk holding ${volume.dir}/library is full .*: the transcode of "noise.mkv" needs about`),
    );
    const [video] = await listed(volume.dir);
    expect(video?.status).toMatchObject({ state: 'queued', step: 'transcode' });
    expect(libraryEntries(volume.dir).filter((name) => !name.includes('.partial'))).toEqual([]);
    expect(await queueOf(volume.dir)).toMatchObject({ paused: true, disk: { kind: 'full' } });

    volume.freeUp();
    await resumeAndRun(volume.dir);
    expect(libraryEntries(volume.dir).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('publishing meets a full disk: the queue pauses, the outputs stay unpublished, and resuming publishes them', async () => {
    const dataDir = tempDir();
    const source = await make.standardDefinition43(tempDir());
    const rename = fs.renameSync;
    // A folder's rename needs no room on tmpfs; on a real disk its directory entry can.
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).endsWith('.partial')) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}'`), { code: 'ENOSPC' });
      }
      rename(from, to);
    });
    try {
      const ingest = await runFerry(['ingest', source, '--ladder', '240', '--data-dir', dataDir]);
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toMatch(/The disk holding .* is full .*then resume the queue \(ferry resume --queue/);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    const [video] = await listed(dataDir);
    expect(video?.status).toMatchObject({ state: 'queued', step: 'transcode' });
    expect(video?.playback ?? null).toBeNull();
    expect(libraryEntries(dataDir).filter((name) => !name.includes('.partial'))).toEqual([]);
    await resumeAndRun(dataDir);
  });
});
