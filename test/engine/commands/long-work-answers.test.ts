/**
 * Long commands never hold the process: while a 20,000-line list imports, a big folder is
 * scanned or a long paste is checked, a command sent after it (what the window's next click or
 * another API caller sends) is answered before it finishes. Through the one door, on a real data
 * directory and a real folder tree; and the long command's own answer is complete and in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandName } from '../../../shared/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const open = () => {
  engine = createEngine({ dataDir: tempDir('ferry-long-') });
  return engine;
};

/**
 * Which answered first: the long command, or `totals` sent by another caller once the long one
 * has started (from the event loop's next turn, as a message from IPC or the socket arrives).
 */
async function firstToAnswer(running: Engine, name: CommandName, input: unknown) {
  const order: string[] = [];
  const long = dispatch(running, name, input).then((reply) => {
    order.push(name);
    return reply;
  });
  const quick = new Promise((resolve) => setImmediate(resolve))
    .then(() => dispatch(running, 'totals', undefined))
    .then(() => order.push('totals'));
  const [reply] = await Promise.all([long, quick]);
  return { first: order[0], reply };
}

const links = (count: number, host = 'media.example.test') =>
  Array.from({ length: count }, (_, i) => `https://${host}/v/${i}.mp4`);

describe('a long command leaves room for others', () => {
  it('imports a 20,000-line list while another command is answered, every line queued once', async () => {
    const running = open();
    // The first link again at the end: a repeat that lands in a later batch than its first (80 batches).
    const text = [...links(20_000), 'https://media.example.test/v/0.mp4'].join('\n');

    const { first, reply } = await firstToAnswer(running, 'importList', { content: text });

    expect(first).toBe('totals');
    if (!reply.ok) throw new Error(reply.error.message);
    const report = reply.value as { queued: number; uids: string[]; duplicates: { line: number; uid: string }[] };
    expect(report.queued).toBe(20_000);
    expect(report.duplicates).toEqual([
      { line: 20_001, url: 'https://media.example.test/v/0.mp4', uid: report.uids[0] },
    ]);
    expect((await running.totals()).total).toBe(20_000);
    const firstPage = await running.list({ asc: true, limit: 2 });
    expect(firstPage.videos.map((v) => v.meta['downloaded-from'])).toEqual(links(2));
  });

  it('imports a 20,000-row CSV while another command is answered, names and line numbers kept', async () => {
    const running = open();
    const rows = links(20_000, 'csv.example.test').map((url, i) => `${url},"Video ${i}, take 1"`);
    const csv = ['url,name', ...rows, 'https://csv.example.test/v/x.mp4,"broken'].join('\n');

    const { first, reply } = await firstToAnswer(running, 'importList', { content: csv });

    expect(first).toBe('totals');
    if (!reply.ok) throw new Error(reply.error.message);
    const report = reply.value as { queued: number; invalid: { line: number }[] };
    expect(report.queued).toBe(20_000);
    expect(report.invalid.map((problem) => problem.line)).toEqual([20_002]);
    const last = await running.list({ limit: 1 });
    expect(last.videos[0]?.meta.name).toBe('Video 19999, take 1');
  });

  it('checks a 20,000-line paste while another command is answered, queueing nothing', async () => {
    const running = open();
    const { first, reply } = await firstToAnswer(running, 'checkLinks', { content: links(20_000).join('\n') });

    expect(first).toBe('totals');
    expect(reply.ok && reply.value).toMatchObject({ counts: { new: 20_000, duplicate: 0, invalid: 0 } });
    expect((await running.totals()).total).toBe(0);
  });

  it('adds a folder of thousands of files while another command is answered: videos found, the rest skipped', async () => {
    const running = open();
    const root = tempDir('ferry-tree-');
    for (let d = 0; d < 60; d++) {
      const folder = path.join(root, `day-${String(d).padStart(2, '0')}`, 'clips');
      fs.mkdirSync(folder, { recursive: true });
      for (let f = 0; f < 50; f++)
        fs.writeFileSync(path.join(folder, f % 10 === 0 ? `take-${f}.mp4` : `note-${f}.txt`), '');
    }
    // Hidden folders are litter, and a link back to the root is neither followed nor listed.
    fs.mkdirSync(path.join(root, '.cache'));
    fs.writeFileSync(path.join(root, '.cache', 'hidden.mp4'), '');
    fs.symlinkSync(root, path.join(root, 'day-00', 'loop'));

    const { first, reply } = await firstToAnswer(running, 'addFiles', { paths: [root] });

    expect(first).toBe('totals');
    if (!reply.ok) throw new Error(reply.error.message);
    const result = reply.value as { queued: { source: { path?: string } }[]; skipped?: { input: string }[] };
    expect(result.queued).toHaveLength(300);
    expect(result.skipped).toHaveLength(2_700);
    const paths = result.queued.map((video) => video.source.path ?? '');
    expect(paths).toEqual([...paths].sort());
    expect(paths[0]).toBe(path.join(root, 'day-00', 'clips', 'take-0.mp4'));
    expect(paths.some((file) => file.includes('.cache') || file.includes('loop'))).toBe(false);
  });

  it('pauses, resumes and removes 5,000 videos while another command is answered each time', async () => {
    const running = open();
    await running.importList({ content: links(5_000).join('\n'), options: { transcode: false } });
    await running.pauseQueue();

    const paused = await firstToAnswer(running, 'pause', { all: true });
    expect(paused.first).toBe('totals');
    expect(paused.reply).toEqual({ ok: true, value: { changed: 5_000 } });
    expect((await running.totals()).byState.paused).toBe(5_000);

    const resumed = await firstToAnswer(running, 'resume', { all: true });
    expect(resumed.first).toBe('totals');
    expect((await running.totals()).byState.queued).toBe(5_000);

    const removed = await firstToAnswer(running, 'remove', { all: true });
    expect(removed.first).toBe('totals');
    expect(removed.reply).toEqual({ ok: true, value: { removed: 5_000 } });
    expect((await running.totals()).total).toBe(0);
  });
});
