/**
 * Fuzzing a link's name (sources/name-from-response.ts): any link, Content-Disposition header or
 * Drive page gives a readable name or none, never an exception, a path, a control character or a
 * direction override; a file name a server sends, or a link's path spells, comes back as it was.
 */
import { create } from 'content-disposition';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameFromContentDisposition,
  nameFromDrivePage,
  nameFromLinkPath,
  nameFromResponse,
} from '../../electron/engine/sources/name-from-response';
import { fuzzParameters, withinBudget } from './fuzz-settings';

/** What no name may hold: control characters, direction overrides, a run of spaces, spaces at either end. */
const unreadable = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]|\s\s|^\s|\s$/u;

/** A file name as people write them: words of any script (no separators or spaces inside), one space apart. */
const fileName = fc
  .array(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((word) => !/[\s/\\]/.test(word) && !unreadable.test(word)),
    { minLength: 1, maxLength: 5 },
  )
  .map((words) => words.join(' '))
  .filter((name) => name !== '.' && name !== '..');

const header = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom('attachment', 'inline', 'form-data', ''),
      fc.constantFrom('filename', 'filename*', 'FILENAME', 'name'),
      fc.constantFrom('"', "UTF-8''", "ISO-8859-1''", "utf-8'en'", ''),
      fc.string({ unit: 'binary', maxLength: 40 }),
    )
    .map(([type, key, quote, value]) => `${type}; ${key}=${quote}${value}${quote.startsWith('"') ? '"' : ''}`),
);

const link = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((path) => `https://cdn.example/${path}`),
);

function expectReadable(name: string | null, fromPath: boolean): void {
  if (name === null) return;
  expect(name).not.toBe('');
  expect(name.length).toBeLessThanOrEqual(200);
  expect(name).not.toMatch(unreadable);
  if (fromPath) expect(name).not.toMatch(/[/\\]/);
}

describe('fuzzing the name of a link', () => {
  it('answers any link and header with a readable name or none, without throwing', () => {
    fc.assert(
      fc.property(link, link, fc.option(header, { nil: null }), (given, finalUrl, contentDisposition) => {
        const name = withinBudget('nameFromResponse', () => nameFromResponse(given, { finalUrl, contentDisposition }));
        expectReadable(name, true);
      }),
      fuzzParameters(),
    );
  });

  it('reads back the file name a server sent with content-disposition', () => {
    fc.assert(
      fc.property(fileName, (name) => {
        expect(nameFromContentDisposition(create(name))).toBe(name.slice(0, 200).trimEnd());
      }),
      fuzzParameters(),
    );
  });

  it("reads back the file name a link's path spells, whatever its query", () => {
    fc.assert(
      fc.property(fileName, fc.webQueryParameters(), (name, query) => {
        const spelled = `https://cdn.example/videos/${encodeURIComponent(name)}?${query}`;
        expect(nameFromLinkPath(spelled)).toBe(name.slice(0, 200).trimEnd());
      }),
      fuzzParameters(),
    );
  });

  it("reads any page into Drive's file name or none, without throwing", () => {
    const page = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc
        .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }))
        .map(([before, name]) => `${before}<span class="uc-name-size"><a href="/open?id=1">${name}</a> (1G)</span>`),
    );
    fc.assert(
      fc.property(page, (html) =>
        expectReadable(
          withinBudget('nameFromDrivePage', () => nameFromDrivePage(html)),
          false,
        ),
      ),
      fuzzParameters(),
    );
  });
});
