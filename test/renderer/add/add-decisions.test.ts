/** The decisions behind adding videos, as pure functions: what a drop means, headers, options, requests, messages. */
import { describe, expect, it } from 'vitest';
import type { LinkCheck } from '../../../shared/link-check';
import { linksToOffer } from '../../../renderer/src/features/add/clipboard-links';
import {
  describeAdded,
  describeCounts,
  describeImport,
  queueLabel,
} from '../../../renderer/src/features/add/describe-result';
import { isVideoFileName, listFormatOf } from '../../../renderer/src/features/add/file-kinds';
import { parseHeaderLines } from '../../../renderer/src/features/add/header-lines';
import {
  choiceProblem,
  ingestOptions,
  initialChoice,
  toggleHeight,
} from '../../../renderer/src/features/add/ingest-choice';
import { pasteRequest } from '../../../renderer/src/features/add/paste-request';
import { planDrop } from '../../../renderer/src/features/add/plan-drop';

const file = (name: string, folder = false) => ({ name, folder });

describe('what a drop means', () => {
  it('is an import when it is one list file on its own', () => {
    for (const name of ['links.txt', 'LINKS.CSV', 'export.json', 'feed.ndjson'])
      expect(planDrop([file(name)])).toEqual({ kind: 'import', list: file(name) });
  });

  it('adds videos and folders, lists everything else as skipped with why, and ignores OS litter', () => {
    const plan = planDrop([
      file('talk.MP4'),
      file('trip', true),
      file('notes.txt'),
      file('cover.jpg'),
      file('.DS_Store'),
    ]);
    expect(plan).toEqual({
      kind: 'add',
      videos: [file('talk.MP4'), file('trip', true)],
      skipped: [
        { item: file('notes.txt'), reason: 'a list of links: drop or pick it on its own to import it' },
        { item: file('cover.jpg'), reason: 'not a video file (by its extension)' },
      ],
    });
  });

  it("never imports a list found inside a folder: a folder's files are added or skipped", () => {
    expect(planDrop([file('trip/links.txt')], { importAlone: false })).toMatchObject({
      kind: 'add',
      videos: [],
      skipped: [{ item: file('trip/links.txt') }],
    });
    expect(planDrop([file('trip/.hidden/a.mp4'), file('trip/b.mkv')], { importAlone: false })).toMatchObject({
      videos: [file('trip/b.mkv')],
      skipped: [],
    });
  });

  it('tells videos and lists by extension, as the engine does', () => {
    expect(['a.mov', 'b.webm', 'c.ts', 'd.m2ts'].every(isVideoFileName)).toBe(true);
    expect(['a.txt', 'mp4', 'a.mp4.part'].some(isVideoFileName)).toBe(false);
    expect(listFormatOf('a.txt')).toBe('text');
    expect(listFormatOf('a.jsonl')).toBe('ndjson');
    expect(listFormatOf('a.mp4')).toBeNull();
  });
});

describe('request headers typed for pasted links', () => {
  it('reads one Name: value a line, ignoring blank lines and spaces around', () => {
    expect(parseHeaderLines('Authorization: Bearer a:b\n\n  X-Team :  video  ')).toEqual({
      headers: { Authorization: 'Bearer a:b', 'X-Team': 'video' },
      problems: [],
    });
  });

  it('says which line is wrong and how to fix it', () => {
    const { headers, problems } = parseHeaderLines('Authorization Bearer\nBad Name: x\nOk: fine');
    expect(headers).toEqual({ Ok: 'fine' });
    expect(problems).toEqual([
      'Line 1 is not a header: write it as Name: value',
      'Line 2: header "Bad Name" is not a valid HTTP header name; use letters, digits and -',
    ]);
  });
});

describe('ingest options', () => {
  it('start from the default ladder, and become the options sent', () => {
    const choice = initialChoice(null);
    expect(ingestOptions(choice)).toEqual({ ladder: 'auto' });
    expect(ingestOptions({ ladder: [480, 1080], transcode: true, deliverTo: ['cf'] })).toEqual({
      ladder: [1080, 480],
      deliverTo: ['cf'],
    });
    expect(ingestOptions({ ladder: [720], transcode: false, deliverTo: [] })).toEqual({ transcode: false });
  });

  it('refuse a chosen ladder with no height', () => {
    expect(choiceProblem({ ladder: [], transcode: true, deliverTo: [] })).toBe(
      'Choose at least one height, or Automatic.',
    );
    expect(choiceProblem({ ladder: [], transcode: false, deliverTo: [] })).toBeNull();
    expect(toggleHeight([720, 480], 720)).toEqual([480]);
    expect(toggleHeight('auto', 360)).toEqual([360]);
  });
});

describe('what queueing a paste sends', () => {
  const check: LinkCheck = {
    format: 'text',
    counts: { new: 2, duplicate: 1, invalid: 1 },
    rows: [
      { line: 1, input: 'https://a.test/1.mp4', url: 'https://a.test/1.mp4', status: 'new' },
      { line: 2, input: 'https://a.test/1.mp4', status: 'duplicate', duplicateOf: null },
      { line: 3, input: 'x', status: 'invalid', reason: 'no' },
      { line: 4, input: 'https://www.dropbox.com/s/k/v.mp4?dl=0', status: 'new', rewritten: true },
    ],
  };
  const fields = {
    content: 'text',
    name: 'Ignored for two',
    headers: { A: '1' },
    options: { ladder: 'auto' as const },
  };

  it('the new links as written, with the headers; the name only for a single link', () => {
    expect(pasteRequest(check, fields)).toEqual({
      command: 'addLinks',
      input: {
        links: [
          { url: 'https://a.test/1.mp4', headers: { A: '1' } },
          { url: 'https://www.dropbox.com/s/k/v.mp4?dl=0', headers: { A: '1' } },
        ],
        options: { ladder: 'auto' },
      },
    });
    const one = { ...check, rows: check.rows.slice(0, 1), counts: { new: 1, duplicate: 0, invalid: 0 } };
    expect(pasteRequest(one, { ...fields, headers: {} })?.input).toMatchObject({
      links: [{ url: 'https://a.test/1.mp4', name: 'Ignored for two' }],
    });
  });

  it('a pasted CSV or JSON list as it is, so each line keeps its own name and headers; nothing with no new link', () => {
    expect(pasteRequest({ ...check, format: 'csv' }, fields)).toEqual({
      command: 'importList',
      input: { content: 'text', format: 'csv', options: { ladder: 'auto' } },
    });
    expect(pasteRequest({ ...check, counts: { new: 0, duplicate: 1, invalid: 1 } }, fields)).toBeNull();
  });
});

describe('what the user is told', () => {
  it('after adding: queued, duplicates, refused and skipped, each with the first reason', () => {
    expect(describeAdded({ queued: [], duplicates: [{ input: 'a', uid: 'u' }], invalid: [] })).toBe(
      'Queued 0 videos · 1 already in the queue.',
    );
    expect(
      describeAdded({ queued: [], duplicates: [], invalid: [{ input: 'x', reason: 'No such file' }], skipped: [] }, [
        { input: 'notes.txt', reason: 'not a video file' },
      ]),
    ).toBe('Queued 0 videos · 1 refused: No such file · 1 skipped (notes.txt: not a video file).');
  });

  it('after an import, and the counts of a check', () => {
    expect(
      describeImport({
        queued: 1200,
        uids: [],
        duplicates: [],
        invalid: [{ line: 7, text: 'x', reason: 'not a link' }],
      }),
    ).toBe('Queued 1,200 videos · 1 invalid (line 7: not a link).');
    expect(describeCounts({ new: 1000, duplicate: 0, invalid: 2 })).toBe('1,000 new · 2 invalid');
    expect(queueLabel(1)).toBe('Queue 1 video');
  });
});

describe('the clipboard watcher', () => {
  it('offers only links it has not offered before', () => {
    const offered = new Set(['https://a.test/1.mp4']);
    expect(linksToOffer('https://a.test/1.mp4 https://a.test/2.mp4 words', offered)).toEqual(['https://a.test/2.mp4']);
    expect(linksToOffer('no links here', offered)).toEqual([]);
  });
});
