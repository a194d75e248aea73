import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/engine/store/migrations';
import { runFerry } from './ferry-in-process';
import { openStore } from '../helpers/open-store';
import { tempDir } from '../helpers/temp-dir';

/** A video downloading (claimed by a process that is still alive: this one) and one waiting for its check. */
function seed(dataDir: string): string[] {
  const opened = openStore(dataDir);
  const uids = opened.store.insertMany([
    { source: { kind: 'url', url: 'https://cdn.example.test/launch.mp4' }, stage: 'fetch', name: 'Launch video' },
    { source: { kind: 'file', path: '/videos/interview.mov' }, stage: 'probe', name: 'Interview' },
  ]);
  opened.store.claimNext('fetch', 60_000);
  opened.close();
  return uids;
}

describe('ferry CLI', () => {
  it('doctor reports the tools, database and disk, and exits 0 when Ferry can work', async () => {
    const dataDir = tempDir();
    const result = await runFerry(['doctor', '--json', '--data-dir', dataDir]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.ffmpeg).toMatchObject({ ok: true, encoders: expect.arrayContaining(['libx264', 'aac']) });
    expect(['env', 'bundled', 'path', 'fallback']).toContain(report.ffmpeg.origin);
    expect(fs.existsSync(report.ffmpeg.path)).toBe(true);
    expect(report.ffprobe).toMatchObject({ ok: true });
    expect(report.database).toMatchObject({
      ok: true,
      path: path.join(dataDir, 'ferry.db'),
      schemaVersion: latestSchemaVersion,
    });
    expect(report.database.videosByState.queued).toBe(0);
    expect(report.disk.freeBytes).toBeGreaterThan(0);

    const human = await runFerry(['doctor'], { FERRY_DATA_DIR: dataDir });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`database  ${path.join(dataDir, 'ferry.db')} (schema ${latestSchemaVersion})`);
    expect(human.stdout).toContain('Ferry can work here.');
  });

  it('doctor exits 1 and names the problem when ffmpeg is unusable', async () => {
    const result = await runFerry(['doctor', '--data-dir', tempDir()], { FFMPEG_PATH: '/nowhere/ffmpeg' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ffmpeg not found: /nowhere/ffmpeg (from FFMPEG_PATH)');
    expect(result.stdout).toContain('Ferry cannot work here');
  });

  it('list shows the empty state, then videos as a table and as JSON, and filters by state', async () => {
    const dataDir = tempDir();
    const empty = await runFerry(['list', '--data-dir', dataDir]);
    expect(empty).toMatchObject({ code: 0, stdout: expect.stringContaining('No videos yet') });

    const [launch, interview] = seed(dataDir);
    const table = await runFerry(['list', '--data-dir', dataDir]);
    expect(table.code).toBe(0);
    const [totals, header] = table.stdout.split('\n');
    expect(totals).toBe('2 videos: 1 downloading, 1 queued');
    expect(header).toMatch(/^UID\s+STATE\s+STAGE\s+PCT\s+SPEED\s+ETA\s+NAME$/);
    expect(table.stdout).toMatch(new RegExp(`${interview}\\s+queued\\s+probe\\s+0%\\s+Interview`));
    expect(table.stdout).toMatch(new RegExp(`${launch}\\s+downloading\\s+fetch\\s+0%\\s+Launch video`));

    const json = await runFerry(['list', '--json', '--state', 'downloading', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout);
    expect(page.total).toBe(1);
    expect(page.videos[0]).toMatchObject({ uid: launch, status: { state: 'downloading' }, duration: -1 });
  });

  it('show prints one video, as text or JSON, and exits 1 for an unknown uid', async () => {
    const dataDir = tempDir();
    const [launch] = seed(dataDir);
    const text = await runFerry(['show', launch!, '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('source    https://cdn.example.test/launch.mp4');
    const json = await runFerry(['show', launch!, '--json'], { FERRY_DATA_DIR: dataDir });
    expect(JSON.parse(json.stdout)).toMatchObject({ uid: launch, meta: { name: 'Launch video' } });
    const missing = await runFerry(['show', 'f'.repeat(32), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No video with uid ${'f'.repeat(32)}`);
  });

  it('show takes several uids (getMany) and prints each history (history)', async () => {
    const dataDir = tempDir();
    const [launch, interview] = seed(dataDir) as [string, string];
    const both = await runFerry(['show', interview, launch, '--json', '--data-dir', dataDir]);
    expect(both.code, both.stderr).toBe(0);
    expect((JSON.parse(both.stdout) as { uid: string }[]).map((v) => v.uid)).toEqual([interview, launch]);

    const partly = await runFerry(['show', launch, 'f'.repeat(32), '--data-dir', dataDir]);
    expect(partly.code).toBe(1);
    expect(partly.stdout).toContain('source    https://cdn.example.test/launch.mp4');
    expect(partly.stderr).toContain(`no video with uid ${'f'.repeat(32)}`);

    const history = await runFerry(['show', launch, '--history', '--json', '--data-dir', dataDir]);
    const shown = JSON.parse(history.stdout) as { history: { type: string; data: { to?: string } }[] };
    expect(shown.history).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ to: 'downloading' }) }),
    );
    const text = await runFerry(['show', launch, '--history', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/\n\d{4}-\d\d-\d\dT[\d:.]+Z {2}\w+ {2}\{.*"to":"downloading"/);
  });

  it('status sums up the queue (totals), as a line or as JSON', async () => {
    const dataDir = tempDir();
    seed(dataDir);
    const line = await runFerry(['status', '--data-dir', dataDir]);
    expect(line).toMatchObject({ code: 0, stdout: '2 videos: 1 downloading, 1 queued\n' });
    const json = await runFerry(['status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      total: 2,
      byState: { downloading: 1, queued: 1, ready: 0 },
      queue: { paused: false },
    });
  });

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['list', '--state', 'done'], '--state: must be one of queued, downloading'],
    [['list', '--limit', 'many'], '--limit takes a number, not "many"'],
    [['list', '--limit', '0'], '--limit: '],
    [['list', '--limit', '5000'], '--limit: '],
    [['list', '--colour'], "Unknown option '--colour'"],
    [['show'], 'Which video?'],
    [['show', 'abc'], '"abc": a video uid is 32 hexadecimal characters'],
    [['--data-dir'], '--data-dir needs a directory'],
    [['run', 'now'], 'Unexpected argument "now"'],
    [['pause'], 'Which videos? Give their uids'],
    [['resume', 'abc'], '"abc": a video uid is 32 hexadecimal characters'],
    [['cancel', '--all', 'a'.repeat(32)], 'Give uids or --all, not both'],
    [['pause', '--queue', 'a'.repeat(32)], '--queue is for the whole queue'],
    [['pause', '--queue', '--after-current'], '--queue or --after-current, not both'],
    [['retry', '--queue'], "Unknown option '--queue'"],
    [['remove'], 'Which videos?'],
    [['top'], 'Which video?'],
    [['top', 'a'.repeat(32), 'b'.repeat(32)], 'One video at a time'],
    [['ingest', 'a.mp4', '--delete-after', '2001-01-01'], '--delete-after must be in the future'],
    [['import', 'list.txt', '--no-transcode', '--ladder', '240'], '--ladder needs a transcode'],
    [['settings', 'colour'], 'Unknown setting "colour". Settings: webhookUrl, concurrency.downloads'],
    [['status', 'now'], 'Unexpected argument "now"'],
    [[], 'Usage: ferry'],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const result = await runFerry(args, { FERRY_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([
    ['--help'],
    ['doctor', '--help'],
    ['list', '--help'],
    ['show', '--help'],
    ['ingest', '--help'],
    ['import', '--help'],
    ['run', '--help'],
    ['pause', '--help'],
    ['resume', '--help'],
    ['cancel', '--help'],
    ['retry', '--help'],
    ['remove', '--help'],
    ['top', '--help'],
    ['webhook', '--help'],
    ['settings', '--help'],
    ['status', '--help'],
    ['target', '--help'],
  ])('%s prints help and exits 0', async (...args) => {
    const result = await runFerry(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: ferry/);
  });
});
