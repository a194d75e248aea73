/** A link's name from its URL and its origin's answer (name-from-response.ts), as a table. */
import { describe, expect, it } from 'vitest';
import {
  nameFromDrivePage,
  nameFromLinkPath,
  nameFromResponse,
  nameIsAutomatic,
} from '../../../electron/engine/sources/name-from-response';

const driveLink = 'https://drive.google.com/uc?export=download&id=1AbC-xyz';

describe('the name from a link and its answer', () => {
  it.each([
    // Content-Disposition first, its filename* (RFC 8187) over filename.
    ['https://cdn.example/dl?id=5', `attachment; filename="Lecture 1.mp4"`, 'Lecture 1.mp4'],
    [
      'https://cdn.example/x.mp4',
      `attachment; filename="fallback.mp4"; filename*=UTF-8''%C3%89t%C3%A9%20%E2%80%94%20cut.mp4`,
      'Été — cut.mp4',
    ],
    ['https://cdn.example/x.mp4', `attachment; filename*=UTF-8''Caf%C3%A9.mov; filename="Cafe.mov"`, 'Café.mov'],
    ['https://cdn.example/x.mp4', `attachment; filename*=ISO-8859-1''Fran%E7ais.mp4`, 'Français.mp4'],
    ['https://cdn.example/x.mp4', 'attachment; filename=plain.mkv', 'plain.mkv'],
    // Only the last part of a path in the header counts (RFC 6266 §4.3).
    ['https://cdn.example/x.mp4', `attachment; filename="../../etc/clip.mp4"`, 'clip.mp4'],
    ['https://cdn.example/x.mp4', `attachment; filename="C:\\\\Users\\\\ann\\\\raw.mp4"`, 'raw.mp4'],
    // Direction overrides and control characters go; "exe.mp4" cannot pose as something else.
    ['https://cdn.example/x.mp4', `attachment; filename*=UTF-8''evil%E2%80%AEmp4.exe`, 'evilmp4.exe'],
    // A header that names nothing leaves the link's path.
    ['https://cdn.example/videos/My%20Talk.mp4?sig=abc&exp=1', 'inline', 'My Talk.mp4'],
    ['https://cdn.example/videos/My%20Talk.mp4', `attachment; filename="`, 'My Talk.mp4'],
    ['https://cdn.example/videos/My%20Talk.mp4', `attachment; filename=""`, 'My Talk.mp4'],
    ['https://cdn.example/videos/My%20Talk.mp4', null, 'My Talk.mp4'],
    ['https://cdn.example/videos/100%25%20real.mp4', null, '100% real.mp4'],
    ['https://cdn.example/videos/bad%E0%A4%A.mp4', null, 'bad%E0%A4%A.mp4'],
    ['https://cdn.example/a%2Fb%2Fc.mp4', null, 'c.mp4'],
    // Nothing to name it by.
    ['https://cdn.example/?id=42', null, null],
    ['https://cdn.example/folder/', null, null],
    ['https://cdn.example', null, null],
    // A share service's path is an id: only its answer names the file.
    [driveLink, null, null],
    [driveLink, `attachment; filename="Big Buck Bunny.mp4"`, 'Big Buck Bunny.mp4'],
    ['https://api.onedrive.com/v1.0/shares/u!aHR0cHM6/root/content', null, null],
    ['https://contoso.sharepoint.com/:v:/g/personal/ann/EQabc?download=1', null, null],
    ['https://app.box.com/shared/static/k2j3h4', null, null],
    // Dropbox's path ends in the file's name.
    ['https://www.dropbox.com/scl/fi/abc123/Interview%20B-roll.mov?rlkey=x&dl=1', null, 'Interview B-roll.mov'],
  ])('%s with %s → %s', (link, contentDisposition, name) => {
    expect(nameFromResponse(link, { finalUrl: link, contentDisposition })).toBe(name);
  });

  it("takes the redirect target's path only when the link's own path names nothing", () => {
    const redirected = 'https://files.example/store/Interview.mp4';
    expect(nameFromResponse('https://cdn.example/get?id=5', { finalUrl: redirected, contentDisposition: null })).toBe(
      'Interview.mp4',
    );
    const signed = 'https://bucket.s3.amazonaws.com/7f3a9c0e?X-Amz-Signature=abc';
    expect(nameFromResponse('https://cdn.example/Talk.mp4', { finalUrl: signed, contentDisposition: null })).toBe(
      'Talk.mp4',
    );
  });

  it("takes the share page's name when the download's answer has none", () => {
    const answer = { finalUrl: 'https://drive.usercontent.google.com/download?id=1', contentDisposition: null };
    expect(nameFromResponse(driveLink, { ...answer, pageName: 'Keynote 4K.mp4' })).toBe('Keynote 4K.mp4');
    expect(
      nameFromResponse(driveLink, { ...answer, contentDisposition: 'attachment; filename=a.mp4', pageName: 'b' }),
    ).toBe('a.mp4');
  });

  it('cuts a name longer than 200 characters', () => {
    const long = `${'x'.repeat(300)}.mp4`;
    expect(nameFromLinkPath(`https://cdn.example/${long}`)).toBe('x'.repeat(200));
  });
});

describe('Drive\'s "download anyway" page', () => {
  it.each([
    [
      '<p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id=1AbC">Course 01 &amp; intro.mp4</a> (1.2G)</span> is too large</p>',
      'Course 01 & intro.mp4',
    ],
    ['<span class="uc-name-size"><a href="/open?id=1"><b>Bold</b> name.mov</a></span>', 'Bold name.mov'],
    ['<span class="uc-name-size"><a href="/open?id=1">Part 1/2.mp4</a></span>', 'Part 1/2.mp4'],
    ['<span class="uc-name-size"><a href="/open?id=1"></a></span>', null],
    ['<span class="uc-name-size"><a href="/open?id=1">never closed', null],
    ['<html><form id="download-form"></form></html>', null],
  ])('%s → %s', (html, name) => {
    expect(nameFromDrivePage(html)).toBe(name);
  });
});

describe('whether a name is still the one the engine gave', () => {
  const link = 'https://cdn.example/videos/clip.mp4';
  it.each([
    [undefined, [link], true],
    ['', [link], true],
    ['clip.mp4', [link], true],
    ['clip.mp4', [undefined, link], true],
    ['My own name', [link], false],
    ['clip.mp4', ['https://cdn.example/other.mp4'], false],
    ['uc', [driveLink], false],
  ])('%s for %j → %s', (current, links, automatic) => {
    expect(nameIsAutomatic(current, links)).toBe(automatic);
  });
});
