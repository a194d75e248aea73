/**
 * Fuzzing the link-list reader (`ferry import`, the paste sheet, importList by content): any text
 * in any of the four formats gives entries and per-line problems, never an exception or a hang,
 * and a list written in each format reads back as the links, names and meta it was written from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFormatFromName, parseLinkList } from '../../electron/engine/sources/parse-link-list';
import { headerProblem } from '../../shared/http-header-name';
import type { ListFormat } from '../../shared/link-check';
import { serve } from '../server/stream-fixture';
import { signedInSocket } from '../server/ws-client';
import { fuzzParameters, settlesInTime, stallWhile, withinBudget } from './fuzz-settings';

const formats: readonly ListFormat[] = ['text', 'csv', 'json', 'ndjson'];

/** Text that looks like each format often enough to reach past its first check. */
const listLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })), { maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }).map((items) => JSON.stringify(items, null, 1)),
  fc
    .array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 8 })
    .map((items) => items.map((i) => JSON.stringify(i)).join('\n')),
  fc
    .tuple(
      fc.array(fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), { maxLength: 5 }), { maxLength: 8 }),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([rows, end]) => ['url,name,headers,meta.a', ...rows.map((cells) => cells.join(','))].join(end)),
);

const entry = fc.record({
  url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  name: fc.option(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((n) => n.trim() === n && n !== ''),
    { nil: undefined },
  ),
  meta: fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((v) => v.trim() === v && v !== ''),
    { maxKeys: 3 },
  ),
});
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/** The list as a user's tool would write it in each format. */
function write(entries: readonly Entry[], format: ListFormat): string {
  const plain = (e: Entry) => ({ url: e.url, ...(e.name ? { name: e.name } : {}), meta: e.meta });
  if (format === 'text') return entries.map((e) => e.url).join('\n');
  if (format === 'json') return JSON.stringify(entries.map(plain), null, 2);
  if (format === 'ndjson') return entries.map((e) => JSON.stringify(plain(e))).join('\n');
  const keys = [...new Set(entries.flatMap((e) => Object.keys(e.meta)))];
  const header = ['url', 'name', ...keys.map((k) => `meta.${k}`)].join(',');
  const rows = entries.map((e) => [e.url, e.name ?? '', ...keys.map((k) => e.meta[k] ?? '')].map(quoted).join(','));
  return [header, ...rows].join('\n');
}

describe('fuzzing the link-list reader', () => {
  it('reads any text in any format into entries and problems, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        listLike,
        fc.constantFrom<ListFormat | undefined>(undefined, ...formats),
        async (text, format) => {
          const parsed = await settlesInTime('parseLinkList', parseLinkList(text, format));
          expect(formats).toContain(parsed.format);
          const lines = text.split('\n').length;
          for (const item of parsed.entries) {
            expect(item.url).not.toBe('');
            expect(item.url).toBe(item.url.trim());
            expect(item.line).toBeGreaterThanOrEqual(1);
            expect(item.line).toBeLessThanOrEqual(lines);
            for (const [name, value] of Object.entries(item.headers ?? {}))
              expect(headerProblem(name, value)).toBeNull();
          }
          for (const problem of parsed.invalid) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.text.length).toBeLessThanOrEqual(200);
            expect(problem.reason).not.toBe('');
          }
        },
      ),
      fuzzParameters(),
    );
  });

  it.each(formats)('reads a %s list back as the links it was written from, in order', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 10 }), async (entries) => {
        const text = write(entries, format);
        const parsed = await settlesInTime('parseLinkList', parseLinkList(text));
        expect(parsed.format).toBe(format);
        expect(parsed.invalid).toEqual([]);
        expect(parsed.entries.map((e) => e.url)).toEqual(entries.map((e) => e.url));
        if (format === 'text') return;
        expect(parsed.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
        expect(parsed.entries.map((e) => e.meta ?? {})).toEqual(entries.map((e) => e.meta));
        if (format === 'ndjson') expect(parsed.entries.map((e) => e.line)).toEqual(entries.map((_e, i) => i + 1));
      }),
      fuzzParameters(0.5),
    );
  });

  it('names a format only from an extension it reads', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
        const format = withinBudget('listFormatFromName', () => listFormatFromName(name));
        if (format !== undefined) expect(formats).toContain(format);
      }),
      fuzzParameters(),
    );
  });

  it('reads lists of hundreds of thousands of awkward characters without holding up the event loop', async () => {
    // A first line (which picks the format), a row, a JSON item: each made of one character repeated.
    const shapes: ((run: string) => string)[] = [
      (run) => `a,${run},b\nhttps://a.test/v.mp4`,
      (run) => `url,name\nhttps://a.test/v.mp4,${run}`,
      (run) => `[${run}`,
      (run) => `{"url":"${run}`,
      (run) => `https://a.test/v.mp4\n${run}`,
    ];
    const characters = [' ', '"', ',', '[', '{', '\\', '\r'];
    const list = fc.tuple(
      fc.nat(shapes.length - 1),
      fc.constantFrom(...characters),
      fc.integer({ min: 60_000, max: 200_000 }),
    );
    // Every shape with every character first, then the fuzzer's own picks.
    const examples = shapes.flatMap((_shape, i) => characters.map((c): [[number, string, number]] => [[i, c, 60_000]]));
    await fc.assert(
      fc.asyncProperty(list, async ([shape, c, n]) => {
        expect(await stallWhile(() => parseLinkList(shapes[shape]!(c.repeat(n))))).toBeLessThan(1000);
      }),
      // No shrinking: one slow list is the whole story, and each try of a smaller one would take seconds.
      { ...fuzzParameters(0.05), endOnFailure: true, examples },
    );
  });
});

describe('a list whose first line is a cell of a million spaces, through the socket', () => {
  // Found by the property above: telling CSV from text matched each cell with `\s*("?)\s*url`, quadratic in its spaces.
  it('is checked without holding up the event loop', async () => {
    const api = await serve();
    const client = await signedInSocket(api.server.baseUrl, api.server.token);
    const content = `a,${' '.repeat(100_000)},b\nhttps://a.test/v.mp4\n`;
    let reply: Awaited<ReturnType<typeof client.call>> | undefined;
    const stall = await stallWhile(async () => {
      reply = await client.call('checkLinks', { content });
    });
    expect(reply).toMatchObject({ ok: true });
    expect(stall).toBeLessThan(1000);
    await client.close();
  });
});
