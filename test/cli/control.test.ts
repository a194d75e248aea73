import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import * as make from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { listVideos, queueLinks, statesByUid } from './ferry-process';
import { runFerry } from './ferry-in-process';

const links = ['a', 'b', 'c'].map((name) => `https://cdn.example.test/${name}.mp4`);

describe('ferry pause, resume, cancel, retry, remove and top', () => {
  it('change the named videos, or all of them, and say how many changed', async () => {
    const dataDir = tempDir();
    const [a, b, c] = (await queueLinks(dataDir, links)) as [string, string, string];
    const run = async (...args: string[]) => {
      const result = await runFerry([...args, '--data-dir', dataDir]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.trim();
    };

    expect(await run('pause', a, b)).toBe('paused 2 videos');
    expect(await statesByUid(dataDir)).toEqual({ [a]: 'paused', [b]: 'paused', [c]: 'queued' });
    expect(await run('resume', '--all')).toBe('resumed 2 videos');
    expect(Object.values(await statesByUid(dataDir))).toEqual(['queued', 'queued', 'queued']);

    expect(await run('cancel', '--all')).toBe('canceled 3 videos');
    expect(await run('retry', c)).toBe('queued 1 video again');
    expect(await statesByUid(dataDir)).toEqual({ [a]: 'canceled', [b]: 'canceled', [c]: 'queued' });
    expect(await run('pause', a, c)).toBe('paused 1 video (1 left as they were: only queued and working videos pause)');

    // Named by its link's file name (issue 21: never a whole link).
    expect(await run('top', a)).toBe(`moved ${a} (a.mp4) to the top of the queue`);
    expect(await run('remove', b)).toBe('removed 1 video');
    expect(Object.keys(await statesByUid(dataDir)).sort()).toEqual([a, c].sort());
    expect(await run('remove', '--all')).toBe('removed 2 videos');
    expect(await listVideos(dataDir)).toEqual([]);
  });

  it('name uids that are not there and exit 1, still changing the others', async () => {
    const dataDir = tempDir();
    const [a] = (await queueLinks(dataDir, links.slice(0, 1))) as [string];
    const missing = 'f'.repeat(32);
    const result = await runFerry(['pause', a, missing, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('paused 1 video');
    expect(result.stderr).toContain(`no video with uid ${missing} in ${dataDir}`);
    const top = await runFerry(['top', missing, '--data-dir', dataDir]);
    expect(top.code).toBe(1);
    expect(top.stderr).toContain(`No video with uid ${missing}`);
  });

  it('remove --delete-outputs deletes the library folder; remove alone keeps it', async () => {
    const media = tempDir();
    const dataDir = tempDir();
    const first = await make.standardDefinition43(media);
    const second = path.join(media, 'copy.avi');
    fs.copyFileSync(first, second);
    const ingest = await runFerry(['ingest', first, second, '--ladder', '240', '--json', '--data-dir', dataDir]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const [kept, deleted] = (JSON.parse(ingest.stdout) as Video[]).map((v) => v.uid) as [string, string];
    const folder = (uid: string) => path.join(dataDir, 'library', uid);
    expect(fs.existsSync(folder(kept)) && fs.existsSync(folder(deleted))).toBe(true);

    expect((await runFerry(['remove', kept, '--data-dir', dataDir])).stdout.trim()).toBe('removed 1 video');
    const gone = await runFerry(['remove', deleted, '--delete-outputs', '--data-dir', dataDir]);
    expect(gone.code, gone.stderr).toBe(0);
    expect(fs.existsSync(folder(kept))).toBe(true);
    expect(fs.existsSync(folder(deleted))).toBe(false);
    // What the user gave is theirs.
    expect(fs.existsSync(second)).toBe(true);
    expect(await listVideos(dataDir)).toEqual([]);
  });

  it('pause --after-current and pause --queue are switches that list and run report', async () => {
    const dataDir = tempDir();
    await queueLinks(dataDir, links.slice(0, 1));
    expect((await runFerry(['pause', '--after-current', '--data-dir', dataDir])).stdout).toContain(
      'the queue pauses once the running work is done',
    );
    const list = await runFerry(['list', '--data-dir', dataDir]);
    expect(list.stdout.split('\n')[0]).toBe('1 video: 1 queued · queue pauses after the current work');
    expect((await runFerry(['pause', '--queue', '--data-dir', dataDir])).code).toBe(0);
    const paused = await runFerry(['list', '--data-dir', dataDir]);
    expect(paused.stdout.split('\n')[0]).toContain(
      'queue paused: nothing new starts (resume with: ferry resume --queue)',
    );
  });
});
