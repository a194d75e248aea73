/**
 * Fuzzing the link normaliser and the share-link rewriting (sources/normalize-link.ts): any pasted
 * text gives a download URL or one of the three documented refusals, never an exception; what it
 * accepts is an http(s) URL that normalises to itself; and Google Drive's "Download anyway" page
 * reader takes any HTML without throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downloadUrl } from '../../electron/engine/sources/download-url';
import { googleDriveConfirmationUrl, normalizeLink } from '../../electron/engine/sources/normalize-link';
import { options, origin } from '../engine/sources/download-setup';
import { fuzzParameters, stallWhile, withinBudget } from './fuzz-settings';

const shareHosts = [
  'drive.google.com',
  'docs.google.com',
  'drive.usercontent.google.com',
  'www.dropbox.com',
  'dropbox.com',
  '1drv.ms',
  'onedrive.live.com',
  'contoso.sharepoint.com',
  'app.box.com',
  'acme.app.box.com',
  'www.youtube.com',
  'vimeo.com',
  'player.vimeo.com',
  'www.tiktok.com',
];
const pathParts = ['file', 'd', 'u', '0', 'open', 'uc', 'download', 's', 'scl', 'fi', 'fo', 'sh', 'f', ':v:', ':u:'];
const moreParts = [':f:', ':w:', 'folders', 'folder', 'shared', 'static', 'a', 'video', 'document', '_layouts', '15'];

/** Links to the hosts the rules know, with paths made of the words the rules look for. */
const shareLink = fc
  .record({
    scheme: fc.constantFrom('https', 'http', 'HTTPS'),
    host: fc.constantFrom(...shareHosts),
    path: fc.array(fc.oneof(fc.constantFrom(...pathParts, ...moreParts), fc.stringMatching(/^[\w-]{1,12}$/)), {
      maxLength: 6,
    }),
    query: fc.dictionary(fc.constantFrom('id', 'dl', 'resourcekey', 'e', 'utm_source', 'rlkey'), fc.string(), {
      maxKeys: 3,
    }),
    hash: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  })
  .map(({ scheme, host, path, query, hash }) => {
    const search = new URLSearchParams(query).toString();
    return `${scheme}://${host}/${path.join('/')}${search ? `?${search}` : ''}${hash === undefined ? '' : `#${hash}`}`;
  });

const pasted = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  shareLink,
  fc
    .tuple(fc.constantFrom('s3://', 'gs://', 'S3://', 'ftp://', 'file:///', 'C:\\', '~/', '\\\\'), fc.string())
    .map(([start, rest]) => start + rest),
  fc.string({ maxLength: 30 }).map((rest) => `  https://${rest}  `),
);

const kinds = ['direct', 'google-drive', 'dropbox', 'onedrive', 'sharepoint', 'box', 's3', 'gcs'];
const refusals = ['ERR_NOT_A_DIRECT_LINK', 'INVALID_URL', 'UNSUPPORTED_SCHEME'];

describe('fuzzing the link normaliser', () => {
  it('answers any pasted text with an http(s) URL or a documented refusal, without throwing', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const result = withinBudget('normalizeLink', () => normalizeLink(text));
        if (!result.ok) {
          expect(refusals).toContain(result.code);
          expect(result.reason).not.toBe('');
          return;
        }
        expect(kinds).toContain(result.kind);
        expect(['http:', 'https:']).toContain(new URL(result.url).protocol);
        expect(URL.canParse(result.key)).toBe(true);
      }),
      fuzzParameters(),
    );
  });

  it('normalises what it accepted to the same URL again', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const first = normalizeLink(text);
        if (!first.ok) return;
        const again = withinBudget('normalizeLink', () => normalizeLink(first.url));
        expect(again).toMatchObject({ ok: true, url: first.url });
      }),
      fuzzParameters(),
    );
  });

  it('gives the same duplicate key to a link whatever its fragment and utm_ parameters', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true }),
        fc.string({ maxLength: 10 }),
        fc.stringMatching(/^[a-z]{1,8}$/),
        (link, fragment, campaign) => {
          const plain = normalizeLink(link);
          if (!plain.ok || plain.kind !== 'direct') return;
          const url = new URL(link);
          url.searchParams.append(`utm_${campaign}`, 'x');
          url.hash = fragment;
          expect(normalizeLink(url.href)).toMatchObject({ ok: true, key: plain.key });
        },
      ),
      fuzzParameters(),
    );
  });
});

/** Pages shaped like Drive's warning, with the attributes and entities its reader looks at. */
const drivePage = fc
  .record({
    id: fc.constantFrom('download-form', 'downloadForm', 'other', ''),
    action: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant('/uc?export=download')),
    quote: fc.constantFrom('"', "'", ''),
    inputs: fc.array(
      fc.record({
        name: fc.string({ maxLength: 10 }),
        value: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('&amp;', '&#x110000;', '&#39;', '&lt;&gt;')),
        type: fc.constantFrom('hidden', 'HIDDEN', 'text'),
      }),
      { maxLength: 4 },
    ),
    link: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('/uc?export=download&amp;confirm=t&amp;id=1')),
  })
  .map(({ id, action, quote, inputs, link }) => {
    const fields = inputs.map((i) => `<input type="${i.type}" name="${i.name}" value="${i.value}">`).join('');
    const form = `<form id=${quote}${id}${quote} action=${quote}${action}${quote} method="get">${fields}</form>`;
    return `<html><body>${form}<a href="${link}">Download anyway</a></body></html>`;
  });

describe('fuzzing the Google Drive confirmation page reader', () => {
  it('reads any page into a URL or nothing, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), drivePage), (html) => {
        const found = withinBudget('googleDriveConfirmationUrl', () =>
          googleDriveConfirmationUrl(html, 'https://drive.google.com/uc?export=download&id=abc'),
        );
        if (found !== null) expect(URL.canParse(found)).toBe(true);
      }),
      fuzzParameters(),
    );
  });

  it('reads a page of hundreds of thousands of unclosed tags in linear time', () => {
    const snippet = fc.constantFrom(
      '<form ',
      '<FORM id=download-form ',
      '<form id="download-form">x<input ',
      ' href="',
    );
    const page = fc.tuple(snippet, fc.integer({ min: 30_000, max: 300_000 })).map(([s, n]) => s.repeat(n));
    fc.assert(
      fc.property(page, (html) => {
        withinBudget('googleDriveConfirmationUrl', () =>
          googleDriveConfirmationUrl(html, 'https://drive.google.com/uc'),
        );
      }),
      // No shrinking: one slow page is the whole story, and each try of a smaller one would take seconds.
      { ...fuzzParameters(0.05), endOnFailure: true },
    );
  });
});

describe('a hostile "download anyway" page, through the fetcher', () => {
  // Found by the property above: 384 KB of "<form " held the event loop for seconds, 2 MB for minutes.
  it('is refused as not a video without holding up the event loop', async () => {
    const o = await origin({
      '/uc': { kind: 'file', contentType: 'text/html', body: Buffer.from('<form '.repeat(64_000)) },
    });
    let failure: unknown;
    const stall = await stallWhile(async () => {
      failure = await downloadUrl(options(o.url('/uc?id=1'), { driveHosts: ['127.0.0.1'] })).catch((e: unknown) => e);
    });
    expect(failure).toMatchObject({ code: 'ERR_NOT_A_DIRECT_LINK' });
    expect(stall).toBeLessThan(1000);
  });
});
