import { describe, expect, it } from 'vitest';
import {
  googleDriveConfirmationUrl,
  normalizeLink,
  type LinkKind,
  type NormalizedLink,
} from '../../../electron/engine/sources/normalize-link';

const drive = (id: string) => `https://drive.google.com/uc?export=download&id=${id}`;
const fileId = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0-9';
type Refusal = Extract<NormalizedLink, { ok: false }>;
const okAs = (kind: LinkKind, url: string) => ({ ok: true as const, kind, url });
const refused = (code: Refusal['code']) => ({ ok: false as const, code });

const key = (input: string): string => {
  const result = normalizeLink(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted: ${result.reason}`);
  return result.key;
};

describe('normalizing a pasted link', () => {
  it.each<[string, Partial<NormalizedLink>]>([
    // Plain files
    ['https://cdn.example.com/videos/talk.mp4', okAs('direct', 'https://cdn.example.com/videos/talk.mp4')],
    ['  https://cdn.example.com/a.mov\n', okAs('direct', 'https://cdn.example.com/a.mov')],
    ['HTTPS://Example.COM:443/a.mp4', okAs('direct', 'https://example.com/a.mp4')],
    ['http://example.com:8080/a.mp4?sig=abc#t=10', okAs('direct', 'http://example.com:8080/a.mp4?sig=abc#t=10')],
    [
      'https://player.vimeo.com/external/123456.hd.mp4?s=abc&profile_id=175',
      okAs('direct', 'https://player.vimeo.com/external/123456.hd.mp4?s=abc&profile_id=175'),
    ],
    ['https://vod-progressive.akamaized.net/x/1.mp4', okAs('direct', 'https://vod-progressive.akamaized.net/x/1.mp4')],
    ['https://i.vimeocdn.com/video/1.mp4', okAs('direct', 'https://i.vimeocdn.com/video/1.mp4')],
    ['https://vimeo.com/123456/download?t=1&v=2&s=3', okAs('direct', 'https://vimeo.com/123456/download?t=1&v=2&s=3')],

    // Google Drive
    [`https://drive.google.com/file/d/${fileId}/view?usp=sharing`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/file/d/${fileId}/edit`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/file/d/${fileId}`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/file/u/1/d/${fileId}/view`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/a/acme.com/file/d/${fileId}/view`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/open?id=${fileId}`, okAs('google-drive', drive(fileId))],
    [`https://drive.google.com/uc?id=${fileId}&export=download`, okAs('google-drive', drive(fileId))],
    [`https://docs.google.com/uc?id=${fileId}`, okAs('google-drive', drive(fileId))],
    [
      `https://drive.google.com/file/d/${fileId}/view?usp=sharing&resourcekey=0-AbC`,
      okAs('google-drive', `${drive(fileId)}&resourcekey=0-AbC`),
    ],
    [`https://drive.google.com/drive/folders/${fileId}?usp=sharing`, refused('ERR_NOT_A_DIRECT_LINK')],
    [`https://drive.google.com/drive/u/0/folders/${fileId}`, refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://docs.google.com/document/d/1xyz/edit', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://docs.google.com/spreadsheets/d/1xyz/edit#gid=0', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://drive.google.com/drive/my-drive', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://drive.google.com/open', refused('ERR_NOT_A_DIRECT_LINK')],

    // Dropbox
    [
      'https://www.dropbox.com/s/abc123/Talk%20final.mp4?dl=0',
      okAs('dropbox', 'https://www.dropbox.com/s/abc123/Talk%20final.mp4?dl=1'),
    ],
    ['https://www.dropbox.com/s/abc123/talk.mp4', okAs('dropbox', 'https://www.dropbox.com/s/abc123/talk.mp4?dl=1')],
    ['https://dropbox.com/s/abc123/talk.mp4?dl=0', okAs('dropbox', 'https://dropbox.com/s/abc123/talk.mp4?dl=1')],
    [
      'https://www.dropbox.com/scl/fi/x1y2z3/talk.mp4?rlkey=k9k9&st=s7s7&dl=0',
      okAs('dropbox', 'https://www.dropbox.com/scl/fi/x1y2z3/talk.mp4?rlkey=k9k9&st=s7s7&dl=1'),
    ],
    [
      'https://www.dropbox.com/scl/fi/x1y2z3/talk.mp4?rlkey=k9k9',
      okAs('dropbox', 'https://www.dropbox.com/scl/fi/x1y2z3/talk.mp4?rlkey=k9k9&dl=1'),
    ],
    ['https://www.dropbox.com/sh/abc123/AAxyz?dl=0', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://www.dropbox.com/scl/fo/abc123/h?rlkey=k&dl=0', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://www.dropbox.com/home/Videos', refused('ERR_NOT_A_DIRECT_LINK')],

    // OneDrive personal: Microsoft's documented example of an encoded sharing URL
    [
      'https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1',
      okAs(
        'onedrive',
        'https://api.onedrive.com/v1.0/shares/u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx/root/content',
      ),
    ],
    [
      'https://1drv.ms/v/s!AkZ3xYz9Qwerty123',
      okAs(
        'onedrive',
        'https://api.onedrive.com/v1.0/shares/u!aHR0cHM6Ly8xZHJ2Lm1zL3YvcyFBa1ozeFl6OVF3ZXJ0eTEyMw/root/content',
      ),
    ],
    ['https://1drv.ms/f/s!AkZ3xYz9Qwerty123', refused('ERR_NOT_A_DIRECT_LINK')],

    // SharePoint / OneDrive for Business
    [
      'https://contoso-my.sharepoint.com/:v:/g/personal/ana_contoso_com/EaBcD123?e=Xy12',
      okAs('sharepoint', 'https://contoso-my.sharepoint.com/:v:/g/personal/ana_contoso_com/EaBcD123?e=Xy12&download=1'),
    ],
    [
      'https://contoso.sharepoint.com/:v:/s/Marketing/EaBcD123',
      okAs('sharepoint', 'https://contoso.sharepoint.com/:v:/s/Marketing/EaBcD123?download=1'),
    ],
    [
      'https://contoso.sharepoint.com/:u:/r/sites/Media/Shared%20Documents/a.mov?csf=1&web=1',
      okAs(
        'sharepoint',
        'https://contoso.sharepoint.com/:u:/r/sites/Media/Shared%20Documents/a.mov?csf=1&web=1&download=1',
      ),
    ],
    ['https://contoso.sharepoint.com/:f:/s/Marketing/EgFolder?e=1', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://contoso.sharepoint.com/:w:/s/Marketing/EdWordDoc', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://contoso.sharepoint.com/sites/Media/_layouts/15/stream.aspx?id=x', refused('ERR_NOT_A_DIRECT_LINK')],

    // Box
    ['https://app.box.com/s/abc123xyz', okAs('box', 'https://app.box.com/shared/static/abc123xyz')],
    ['https://acme.app.box.com/s/abc123xyz', okAs('box', 'https://acme.app.box.com/shared/static/abc123xyz')],
    [
      'https://acme.app.box.com/shared/static/abc123xyz.mp4',
      okAs('box', 'https://acme.app.box.com/shared/static/abc123xyz.mp4'),
    ],
    ['https://app.box.com/folder/123456', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://acme.app.box.com/s/abc123xyz/folder/987', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://app.box.com/file/123456', refused('ERR_NOT_A_DIRECT_LINK')],

    // Cloud storage
    ['s3://my-bucket/path/to/key.mp4', okAs('s3', 'https://my-bucket.s3.amazonaws.com/path/to/key.mp4')],
    [
      's3://my-bucket/raw/My Video #2 (final)+cut.mp4',
      okAs('s3', 'https://my-bucket.s3.amazonaws.com/raw/My%20Video%20%232%20(final)%2Bcut.mp4'),
    ],
    ['s3://media.example.com/a/b.mp4', okAs('s3', 'https://s3.amazonaws.com/media.example.com/a/b.mp4')],
    ['S3://my-bucket/a.mp4', okAs('s3', 'https://my-bucket.s3.amazonaws.com/a.mp4')],
    ['gs://my_bucket/clips/a b.mp4', okAs('gcs', 'https://storage.googleapis.com/my_bucket/clips/a%20b.mp4')],
    ['s3://my-bucket', refused('INVALID_URL')],
    ['s3://my-bucket/', refused('INVALID_URL')],
    ['gs://my-bucket/', refused('INVALID_URL')],
    ['s3://My_Bucket/a.mp4', refused('INVALID_URL')],

    // Pages that play a video
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://youtu.be/dQw4w9WgXcQ?t=42', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://youtube.com/shorts/abcdEFGhij', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://vimeo.com/76979871', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://player.vimeo.com/video/76979871', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://www.tiktok.com/@someone/video/7212345678901234567', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://www.instagram.com/reel/C1a2b3c4d5/', refused('ERR_NOT_A_DIRECT_LINK')],
    ['https://www.facebook.com/watch/?v=1234567890', refused('ERR_NOT_A_DIRECT_LINK')],

    // Schemes and garbage
    ['ftp://files.example.com/a.mp4', refused('UNSUPPORTED_SCHEME')],
    ['file:///Users/ana/a.mp4', refused('UNSUPPORTED_SCHEME')],
    ['data:video/mp4;base64,AAAA', refused('UNSUPPORTED_SCHEME')],
    ['javascript:alert(1)', refused('UNSUPPORTED_SCHEME')],
    ['not a link', refused('INVALID_URL')],
    ['example.com/a.mp4', refused('INVALID_URL')],
    ['https://', refused('INVALID_URL')],
    ['', refused('INVALID_URL')],
    ['   ', refused('INVALID_URL')],
    ['C:\\Videos\\a.mp4', refused('INVALID_URL')],
    ['/Users/ana/Movies/a.mp4', refused('INVALID_URL')],
  ])('%s', (input, expected) => {
    expect(normalizeLink(input)).toMatchObject(expected);
  });

  it.each([
    ['https://example.com/a.mp4?b=2&a=1', 'https://example.com/a.mp4?a=1&b=2'],
    ['https://example.com/a.mp4#t=10', 'https://example.com/a.mp4'],
    ['HTTPS://Example.COM:443/a.mp4', 'https://example.com/a.mp4'],
    ['http://example.com:80/a.mp4', 'http://example.com/a.mp4'],
    ['https://example.com/a.mp4?utm_source=x&utm_Medium=y', 'https://example.com/a.mp4'],
    ['https://example.com/a.mp4?utm_campaign=z&v=2', 'https://example.com/a.mp4?v=2'],
    ['https://example.com/a.mp4?', 'https://example.com/a.mp4'],
    ['  https://example.com/a.mp4  ', 'https://example.com/a.mp4'],
    [`https://drive.google.com/file/d/${fileId}/view?usp=sharing`, `https://drive.google.com/open?id=${fileId}`],
    [`https://drive.google.com/file/d/${fileId}/edit#heading`, `https://docs.google.com/uc?id=${fileId}`],
    ['https://www.dropbox.com/s/abc/a.mp4?dl=0', 'https://www.dropbox.com/s/abc/a.mp4'],
    ['https://www.dropbox.com/scl/fi/x/a.mp4?dl=0&rlkey=k', 'https://www.dropbox.com/scl/fi/x/a.mp4?rlkey=k&dl=1'],
    ['s3://my-bucket/a b.mp4', 'https://my-bucket.s3.amazonaws.com/a%20b.mp4'],
  ])('gives %s the same key as %s', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['https://example.com/a.mp4', 'https://example.com/b.mp4'],
    ['https://example.com/a.mp4', 'https://example.com/A.mp4'],
    ['https://example.com/a.mp4?v=1', 'https://example.com/a.mp4?v=2'],
    ['http://example.com/a.mp4', 'https://example.com/a.mp4'],
    ['https://example.com/a.mp4', 'https://example.com:8443/a.mp4'],
    ['https://drive.google.com/file/d/1aaaaaaaaaa/view', 'https://drive.google.com/file/d/1bbbbbbbbbb/view'],
    ['https://www.dropbox.com/scl/fi/x/a.mp4?rlkey=k1', 'https://www.dropbox.com/scl/fi/x/a.mp4?rlkey=k2'],
    ['s3://bucket-one/a.mp4', 's3://bucket-two/a.mp4'],
  ])('tells %s from %s', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('keys in a canonical form: sorted, untracked, without fragment', () => {
    expect(key('HTTPS://Example.COM:443/a.mp4?z=1&utm_source=news&a=2#t=10')).toBe('https://example.com/a.mp4?a=2&z=1');
  });

  it.each([
    `https://drive.google.com/file/d/${fileId}/view?usp=sharing&resourcekey=0-AbC`,
    'https://www.dropbox.com/scl/fi/x1y2z3/talk.mp4?rlkey=k9k9&st=s7s7&dl=0',
    'https://1drv.ms/v/s!AkZ3xYz9Qwerty123',
    'https://contoso.sharepoint.com/:v:/s/Marketing/EaBcD123?e=1',
    'https://app.box.com/s/abc123xyz',
    's3://media.example.com/a b.mp4',
  ])('gives the same download and key when its own output is pasted again: %s', (input) => {
    const first = normalizeLink(input);
    const second = first.ok ? normalizeLink(first.url) : first;
    expect(second).toMatchObject({ ok: true, url: first.ok && first.url, key: first.ok && first.key });
  });

  it.each([
    ['https://drive.google.com/drive/folders/1abc', /folder.*cannot be downloaded as one video.*own link/i],
    ['https://www.dropbox.com/sh/abc/xyz', /Dropbox folder/],
    ['https://docs.google.com/document/d/1xyz/edit', /Google Docs document, not a video file/],
    ['https://contoso.sharepoint.com/:x:/s/a/b', /Office document, not a video file/],
    [
      'https://www.youtube.com/watch?v=x',
      /YouTube page that plays the video, not the video file.*Download the original/,
    ],
    ['https://vimeo.com/76979871', /Vimeo's own download link.*add that file or its direct link/],
    [
      'ftp://files.example.com/a.mp4',
      /only fetch http and https links \(and s3:\/\/ or gs:\/\/ links to public objects\)/,
    ],
    ['ftp://files.example.com/a.mp4', /not ftp: links/],
    ['no such thing', /"no such thing" is not a valid link/],
    ['s3://my-bucket/', /names a bucket but no file/],
    ['s3://My_Bucket/a.mp4', /not a valid S3 bucket name.*lowercase letters/],
  ])('explains why %s is refused', (input, reason) => {
    const result = normalizeLink(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('keeps every reason to one or two plain sentences', () => {
    const inputs = [
      'https://drive.google.com/drive/folders/1abc',
      'https://drive.google.com/drive/my-drive',
      'https://www.dropbox.com/home',
      'https://contoso.sharepoint.com/:w:/s/a/b',
      'https://app.box.com/file/1',
      'https://www.tiktok.com/@a/video/1',
      'data:video/mp4;base64,AAAA',
      'C:\\Videos\\a.mp4',
      `https//example.com/${'x'.repeat(300)}`,
    ];
    for (const input of inputs) {
      const result = normalizeLink(input);
      if (result.ok) throw new Error(`expected ${input} to be refused`);
      expect(result.reason.match(/[.!?](\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(2);
      expect(result.reason.length).toBeLessThan(240);
    }
  });
});

describe('finding the real download behind a Google Drive warning page', () => {
  const pageUrl = `https://drive.google.com/uc?export=download&id=${fileId}`;

  it('submits the current "Download anyway" form with its hidden fields in order', () => {
    const html = `<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
<title>Google Drive - Virus scan warning</title><link rel="icon" href="//ssl.gstatic.com/images/branding/product/1x/drive_2020q4_32dp.png"/></head>
<body><div class="uc-main"><div id="uc-text"><p class="uc-warning-caption">Google Drive can't scan this file for viruses.</p>
<p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id=${fileId}">keynote-4k.mov</a> (2.1G)</span> is too large for Google to scan for viruses. Would you still like to download this file?</p>
<form id="download-form" action="https://drive.usercontent.google.com/download" method="get"><input type="submit" id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action" value="Download anyway"/><input type="hidden" name="id" value="${fileId}"><input type="hidden" name="export" value="download"><input type="hidden" name="authuser" value="0"><input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid" value="6f1e2d3c-aaaa-bbbb-cccc-0123456789ab"><input type="hidden" name="at" value="APZUnTW&#39;x:1712345678901"></form></div></div>
<div class="uc-footer"><hr class="uc-footer-divider">&copy; 2024 Google - <a class="goog-link" href="https://support.google.com/drive/?p=web_home">Help</a></div></body></html>`;
    expect(googleDriveConfirmationUrl(html, pageUrl)).toBe(
      `https://drive.usercontent.google.com/download?id=${fileId}&export=download&authuser=0&confirm=t&uuid=6f1e2d3c-aaaa-bbbb-cccc-0123456789ab&at=APZUnTW%27x%3A1712345678901`,
    );
  });

  it('follows the query of a POST form whose fields are in its action', () => {
    const html = `<html><body><form id="downloadForm" action="https://drive.google.com/uc?id=${fileId}&amp;export=download&amp;confirm=t&amp;uuid=abc" method="post"><input type="submit" id="uc-download-link" value="Download anyway"></form></body></html>`;
    expect(googleDriveConfirmationUrl(html, pageUrl)).toBe(
      `https://drive.google.com/uc?id=${fileId}&export=download&confirm=t&uuid=abc`,
    );
  });

  it('resolves the old "Download anyway" link against the page and decodes &amp;', () => {
    const html = `<html><head><title>Google Drive - Virus scan warning</title></head><body>
<div id="uc-text"><p class="uc-warning-caption">Google Drive can't scan this file for viruses.</p>
<p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id=${fileId}">keynote.mov</a> (1.4G)</span> exceeds the maximum file size that Google can scan.</p>
<a id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action" href="/uc?export=download&amp;confirm=Xk9q&amp;id=${fileId}">Download anyway</a></div></body></html>`;
    expect(googleDriveConfirmationUrl(html, pageUrl)).toBe(
      `https://drive.google.com/uc?export=download&confirm=Xk9q&id=${fileId}`,
    );
  });

  it('returns null for a page with neither', () => {
    const signIn = `<!DOCTYPE html><html><head><title>Google Drive - Access denied</title></head><body>
<form id="gaia_loginform" action="https://accounts.google.com/signin" method="post"><input type="hidden" name="continue" value="https://drive.google.com/"></form>
<a href="/open?id=${fileId}">Open</a><a href="https://support.google.com/drive">Help</a></body></html>`;
    expect(googleDriveConfirmationUrl(signIn, pageUrl)).toBeNull();
    expect(googleDriveConfirmationUrl('', pageUrl)).toBeNull();
  });
});
