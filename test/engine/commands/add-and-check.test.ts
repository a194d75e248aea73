/**
 * What the UI's add flows rely on, against a real data directory: checkLinks says what a paste or
 * a list would queue (and queues nothing), a list's content imports as its file would, a folder
 * adds the videos inside it with its other files listed as skipped, and the settings' default
 * ladder and thumbnail position apply to videos added without their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const open = () => {
  const dataDir = tempDir('ferry-add-');
  engine = createEngine({ dataDir });
  return { engine, dataDir };
};

describe('checkLinks', () => {
  it('tells new, duplicate, rewritten and invalid lines apart, and queues nothing', async () => {
    const { engine } = open();
    const queued = await engine.addLinks({ links: [{ url: 'https://cdn.example.test/old.mp4' }] });
    const text = [
      'https://cdn.example.test/new.mp4',
      'https://cdn.example.test/old.mp4',
      '',
      'two https://a.test/1.mp4 words',
      'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing',
      'https://cdn.example.test/new.mp4#again',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ].join('\n');

    const check = await engine.checkLinks({ content: text });

    expect(check.format).toBe('text');
    expect(check.counts).toEqual({ new: 2, duplicate: 2, invalid: 2 });
    expect(check.rows.map((r) => [r.line, r.status])).toEqual([
      [1, 'new'],
      [2, 'duplicate'],
      [4, 'invalid'],
      [5, 'new'],
      [6, 'duplicate'],
      [7, 'invalid'],
    ]);
    expect(check.rows[1]).toMatchObject({ duplicateOf: queued.queued[0]!.uid });
    expect(check.rows[4]).toMatchObject({ duplicateOf: null });
    expect(check.rows[3]).toMatchObject({
      rewritten: true,
      url: expect.stringContaining('drive.google.com') as string,
    });
    expect(check.rows[3]!.url).not.toBe(check.rows[3]!.input);
    expect(check.rows[5]!.reason).toMatch(/YouTube|page|video file/i);
    expect((await engine.totals()).total).toBe(1);
  });

  it('reads a CSV with names and headers, names the headers without echoing their values, and keeps to the limit', async () => {
    const { engine } = open();
    const rows = Array.from({ length: 30 }, (_, i) => `https://cdn.example.test/${i}.mp4,clip ${i},`);
    const first = 'https://cdn.example.test/a.mp4,First,"{""Authorization"": ""Bearer s3cret""}"';
    const csv = ['url,name,headers', first, ...rows].join('\n');
    const check = await engine.checkLinks({ content: csv, limit: 5 });
    expect(check.format).toBe('csv');
    expect(check.counts.new).toBe(31);
    expect(check.rows).toHaveLength(5);
    expect(check.rows[0]).toMatchObject({ name: 'First', headerNames: ['Authorization'] });
    expect(JSON.stringify(check)).not.toContain('s3cret');
  });
});

describe('checkLinks with problemsFirst', () => {
  it('answers the invalid and duplicate lines of a long list first, each with its line, then the new ones', async () => {
    const { engine } = open();
    await engine.addLinks({ links: [{ url: 'https://cdn.example.test/old.mp4' }] });
    const lines = Array.from({ length: 1000 }, (_, i) => `https://cdn.example.test/${i}.mp4`);
    lines[40] = 'not a link';
    lines[500] = 'https://cdn.example.test/old.mp4';
    lines[998] = 'https://cdn.example.test/3.mp4';
    const check = await engine.checkLinks({ content: lines.join('\n'), limit: 20, problemsFirst: true });
    expect(check.counts).toEqual({ new: 997, duplicate: 2, invalid: 1 });
    expect(check.rows.slice(0, 3)).toMatchObject([
      { line: 41, status: 'invalid', reason: expect.any(String) },
      { line: 501, status: 'duplicate', duplicateOf: expect.any(String) },
      { line: 999, status: 'duplicate', duplicateOf: null },
    ]);
    expect(check.rows.slice(3).map((row) => row.line)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    // Without it, the first lines as they come.
    const plain = await engine.checkLinks({ content: lines.join('\n'), limit: 20 });
    expect(plain.rows.map((row) => row.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('importList by content', () => {
  it('queues what checkLinks counted as new, in list order, from the text alone', async () => {
    const { engine } = open();
    const content = JSON.stringify([
      { url: 'https://cdn.example.test/a.mp4', name: 'A' },
      'https://cdn.example.test/b.mp4',
      { name: 'no link' },
    ]);
    const check = await engine.checkLinks({ content });
    const report = await engine.importList({ content });
    expect(report.queued).toBe(check.counts.new);
    expect(report.invalid).toHaveLength(check.counts.invalid);
    const videos = await engine.getMany({ uids: report.uids });
    // The one without a name is named by its link's path.
    expect(videos.map((v) => [v.meta.name, v.source.url])).toEqual([
      ['A', 'https://cdn.example.test/a.mp4'],
      ['b.mp4', 'https://cdn.example.test/b.mp4'],
    ]);
  });
});

describe('adding a folder', () => {
  it('adds the videos of a folder and its subfolders, lists the other files as skipped, and ignores hidden ones', async () => {
    const { engine } = open();
    const folder = tempDir('ferry-folder-');
    fs.mkdirSync(path.join(folder, 'day 2', 'b-roll'), { recursive: true });
    for (const file of ['a.mp4', 'day 2/b.MOV', 'day 2/b-roll/c.mkv', 'notes.txt', 'day 2/cover.jpg', '.DS_Store'])
      fs.writeFileSync(path.join(folder, file), 'bytes');

    const added = await engine.addFiles({ paths: [folder] });

    expect(added.queued.map((v) => path.relative(folder, v.source.path!))).toEqual([
      'a.mp4',
      'day 2/b-roll/c.mkv',
      'day 2/b.MOV',
    ]);
    expect(added.skipped?.map((s) => path.relative(folder, s.input))).toEqual(['day 2/cover.jpg', 'notes.txt']);
    expect(added.skipped?.[0]?.reason).toMatch(/not a video/);
    expect(added.invalid).toEqual([]);
  });

  it('says so when a folder holds no video at all', async () => {
    const { engine } = open();
    const folder = tempDir('ferry-empty-folder-');
    fs.writeFileSync(path.join(folder, 'readme.md'), '#');
    const added = await engine.addFiles({ paths: [folder] });
    expect(added.queued).toEqual([]);
    expect(added.invalid[0]?.reason).toMatch(/No video files in the folder/);
  });
});

describe('the default ladder and thumbnail position', () => {
  it('apply to videos added without their own, and never override a video that has its own', async () => {
    const { engine, dataDir } = open();
    await engine.setSettings({ defaults: { ladder: [720, 360], thumbnailTimestampPct: 0.25 } });
    const plain = await engine.addLinks({ links: [{ url: 'https://cdn.example.test/plain.mp4' }] });
    const own = await engine.addLinks({
      links: [{ url: 'https://cdn.example.test/own.mp4' }],
      options: { ladder: [1080], thumbnailTimestampPct: 0.5 },
    });
    expect(plain.queued[0]!.thumbnailTimestampPct).toBe(0.25);
    expect(own.queued[0]!.thumbnailTimestampPct).toBe(0.5);
    // The ladder is kept beside the Video object, for the transcode stage.
    const opened = openStore(dataDir);
    const ladderOf = (uid: string) => {
      const options = opened.db.prepare('SELECT ingest_options FROM videos WHERE uid = ?').pluck().get(uid) as string;
      return (JSON.parse(options) as { ladder?: number[] }).ladder;
    };
    try {
      expect(ladderOf(plain.queued[0]!.uid)).toEqual([720, 360]);
      expect(ladderOf(own.queued[0]!.uid)).toEqual([1080]);
    } finally {
      opened.close();
    }
  });
});
