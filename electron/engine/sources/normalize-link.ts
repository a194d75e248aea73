/**
 * Turns a pasted link into the URL Ferry should download, or a refusal the user can act on. Pure.
 * Share pages of the common file hosts are rewritten to their direct-download forms, and pages that
 * only play a video are refused up front: fetching them yields HTML, and the user would otherwise
 * learn that only after a wasted download.
 */

export type LinkKind = 'direct' | 'google-drive' | 'dropbox' | 'onedrive' | 'sharepoint' | 'box' | 's3' | 'gcs';

export type NormalizedLink =
  | { ok: true; url: string; kind: LinkKind; key: string }
  | { ok: false; code: 'ERR_NOT_A_DIRECT_LINK' | 'INVALID_URL' | 'UNSUPPORTED_SCHEME'; reason: string };

type Rule = (url: URL) => NormalizedLink | null;

const refuse = (reason: string): NormalizedLink => ({ ok: false, code: 'ERR_NOT_A_DIRECT_LINK', reason });
const invalid = (reason: string): NormalizedLink => ({ ok: false, code: 'INVALID_URL', reason });

// Long pastes (signed URLs, a paragraph by mistake) would drown the sentence around them.
const shown = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

const parseUrl = (text: string, base?: string): URL | null => {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
};

const folder = (service: string): NormalizedLink =>
  refuse(`This is a ${service} folder, which cannot be downloaded as one video. Share each video's own link instead.`);

const notAShareLink = (service: string): NormalizedLink =>
  refuse(
    `This ${service} link is not a shared file. Open the video in ${service}, copy its share link, and paste that.`,
  );

const notAVideo = (what: string): NormalizedLink =>
  refuse(`This is a ${what}, not a video file. Share the video file itself and paste that link.`);

/** The duplicate-detection form: what differs only in spelling, tracking or fragment compares equal. */
function linkKey(href: string): string {
  const url = new URL(href);
  url.hash = '';
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => !/^utm_/i.test(name)));
  params.sort();
  url.search = params.toString();
  return url.href;
}

function accept(url: string | URL, kind: LinkKind): NormalizedLink {
  const href = String(url);
  return { ok: true, url: href, kind, key: linkKey(href) };
}

/** A copy without the fragment, which the server never sees and share APIs do not expect. */
function withoutHash(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}

const videoPages: readonly { site: string; isPage: (url: URL) => boolean }[] = [
  { site: 'YouTube', isPage: (url) => /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/.test(url.hostname) },
  // Vimeo's own download buttons end in /download and its files live on player.vimeo.com or vimeocdn.com.
  { site: 'Vimeo', isPage: (url) => /^(www\.)?vimeo\.com$/.test(url.hostname) && !/\/download$/.test(url.pathname) },
  { site: 'Vimeo', isPage: (url) => url.hostname === 'player.vimeo.com' && url.pathname.startsWith('/video/') },
  // Only the page hosts: TikTok serves some video files from other tiktok.com subdomains.
  { site: 'TikTok', isPage: (url) => /^((www|m|vm|vt)\.)?tiktok\.com$/.test(url.hostname) },
  { site: 'Instagram', isPage: (url) => /(^|\.)instagram\.com$/.test(url.hostname) },
  { site: 'Facebook', isPage: (url) => /(^|\.)(facebook\.com|fb\.watch)$/.test(url.hostname) },
  { site: 'X', isPage: (url) => /(^|\.)(twitter\.com|x\.com)$/.test(url.hostname) },
];

const videoPage: Rule = (url) => {
  const page = videoPages.find((p) => p.isPage(url));
  if (!page) return null;
  return refuse(
    `This is a ${page.site} page that plays the video, not the video file. Download the original (or use ${page.site}'s own download link) and add that file or its direct link.`,
  );
};

const googleApps = new Map(
  Object.entries({
    document: 'Google Docs document',
    spreadsheets: 'Google Sheets spreadsheet',
    presentation: 'Google Slides presentation',
    forms: 'Google Form',
    drawings: 'Google Drawing',
  }),
);

const googleDrive: Rule = (url) => {
  if (!['drive.google.com', 'docs.google.com', 'drive.usercontent.google.com'].includes(url.hostname)) return null;
  // Workspace accounts share links under /a/<domain>/, which otherwise read the same.
  const path = url.pathname.replace(/^\/a\/[^/]+/, '');
  if (/\/folders\/|folderview/.test(path)) return folder('Google Drive');
  const app = googleApps.get(/^\/([a-z]+)\//.exec(path)?.[1] ?? '');
  if (app) return notAVideo(app);
  const id =
    /^\/file(?:\/u\/\d+)?\/d\/([\w-]+)/.exec(path)?.[1] ??
    (/^(?:\/u\/\d+)?\/(open|uc|download)$/.test(path) ? url.searchParams.get('id') : null);
  if (!id || !/^[\w-]+$/.test(id)) return notAShareLink('Google Drive');
  const download = new URL('https://drive.google.com/uc?export=download');
  download.searchParams.set('id', id);
  // Files shared before Drive's 2021 security update need their resource key to be fetched by link.
  const resourceKey = url.searchParams.get('resourcekey');
  if (resourceKey) download.searchParams.set('resourcekey', resourceKey);
  return accept(download, 'google-drive');
};

const dropbox: Rule = (url) => {
  if (url.hostname !== 'dropbox.com' && url.hostname !== 'www.dropbox.com') return null;
  if (/^\/(sh|scl\/fo)\//.test(url.pathname)) return folder('Dropbox');
  if (!/^\/(s|scl\/fi)\/[^/]+/.test(url.pathname)) return notAShareLink('Dropbox');
  const download = withoutHash(url);
  download.searchParams.set('dl', '1');
  return accept(download, 'dropbox');
};

/** Microsoft's "encode a sharing URL" form, which the shares API redirects to the file's content. */
const oneDrive: Rule = (url) => {
  if (url.hostname !== '1drv.ms' && url.hostname !== 'onedrive.live.com') return null;
  if (url.pathname.startsWith('/f/')) return folder('OneDrive');
  if (url.pathname === '/' && !url.search) return notAShareLink('OneDrive');
  const token = Buffer.from(withoutHash(url).href, 'utf8').toString('base64url');
  return accept(`https://api.onedrive.com/v1.0/shares/u!${token}/root/content`, 'onedrive');
};

const officeDocuments = new Set(['w', 'x', 'p', 'o']);

const sharePoint: Rule = (url) => {
  if (!url.hostname.endsWith('.sharepoint.com')) return null;
  if (/\/_layouts\/15\/(stream|onedrive)\.aspx$/i.test(url.pathname)) return notAShareLink('SharePoint');
  // Share links start with a one-letter type: /:v:/ video, /:u:/ other file, /:f:/ folder, /:w:/ Word...
  const type = /^\/:([a-z]):\//i.exec(url.pathname)?.[1]?.toLowerCase();
  if (!type) return null;
  if (type === 'f') return folder('SharePoint');
  if (officeDocuments.has(type)) return notAVideo('SharePoint link to an Office document');
  const download = withoutHash(url);
  download.searchParams.set('download', '1');
  return accept(download, 'sharepoint');
};

const box: Rule = (url) => {
  if (url.hostname !== 'app.box.com' && !url.hostname.endsWith('.app.box.com')) return null;
  if (url.pathname.includes('/folder/')) return folder('Box');
  if (url.pathname.startsWith('/shared/static/')) return accept(url, 'box');
  const shared = /^\/s\/([a-z0-9]+)\/?$/i.exec(url.pathname)?.[1];
  if (!shared) return notAShareLink('Box');
  return accept(`https://${url.host}/shared/static/${shared}`, 'box');
};

const rules: readonly Rule[] = [videoPage, googleDrive, dropbox, oneDrive, sharePoint, box];

const buckets = {
  's3:': ['S3', /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'lowercase letters, digits, dots and hyphens'],
  'gs:': [
    'Cloud Storage',
    /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/,
    'lowercase letters, digits, dots, hyphens and underscores',
  ],
} as const;

/** s3:// and gs:// as the cloud CLIs read them: everything after the bucket is the object key, verbatim. */
function bucketObject(text: string, scheme: 's3:' | 'gs:'): NormalizedLink {
  const [, bucket = '', objectKey = ''] = /^[a-z0-9]+:\/\/([^/]*)(?:\/(.*))?$/is.exec(text) ?? [];
  const [service, validName, allowed] = buckets[scheme];
  if (!validName.test(bucket)) {
    return invalid(`"${shown(bucket)}" is not a valid ${service} bucket name. Bucket names use only ${allowed}.`);
  }
  if (!objectKey) {
    return invalid(
      `"${shown(text)}" names a bucket but no file. Add the video's path, like ${scheme}//${bucket}/video.mp4.`,
    );
  }
  const path = objectKey.split('/').map(encodeURIComponent).join('/');
  if (scheme === 'gs:') return accept(`https://storage.googleapis.com/${bucket}/${path}`, 'gcs');
  // A dotted bucket breaks the *.s3.amazonaws.com certificate, so it has to go in the path.
  if (bucket.includes('.')) return accept(`https://s3.amazonaws.com/${bucket}/${path}`, 's3');
  return accept(`https://${bucket}.s3.amazonaws.com/${path}`, 's3');
}

// "C:\Videos\a.mp4" parses as a URL with scheme "c:", so paths must be caught before parsing.
const looksLikePath = (text: string): boolean => /^([a-z]:[\\/]|\\\\|\/|~\/)/i.test(text);

export function normalizeLink(input: string): NormalizedLink {
  const text = input.trim();
  if (!text) return invalid('The link is empty. Paste the full address of the video, starting with https://.');
  if (looksLikePath(text)) {
    return invalid(`"${shown(text)}" is a file path, not a link. Add the file itself instead of pasting its path.`);
  }
  const url = parseUrl(text);
  if (!url) return invalid(`"${shown(text)}" is not a valid link. Paste the full address, starting with https://.`);
  if (url.protocol === 's3:' || url.protocol === 'gs:') return bucketObject(text, url.protocol);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'UNSUPPORTED_SCHEME',
      reason: `Ferry can only fetch http and https links (and s3:// or gs:// links to public objects), not ${url.protocol} links. Download the file another way and add it from your disk.`,
    };
  }
  for (const rule of rules) {
    const result = rule(url);
    if (result) return result;
  }
  return accept(url, 'direct');
}

const namedEntities = new Map(Object.entries({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }));

// One pass, so "&amp;lt;" stays "&lt;" as the browser would read it.
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return namedEntities.get(name.toLowerCase()) ?? whole;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : null;
}

/**
 * The `<name …>` tags of a page and where each ends, found by index: a regular expression retried
 * at every `<form` of a page full of unclosed ones took minutes (quadratic), this stays linear.
 */
function openingTags(html: string, name: string): { tag: string; end: number }[] {
  const lower = html.toLowerCase();
  const tags: { tag: string; end: number }[] = [];
  for (let at = lower.indexOf(`<${name}`); at !== -1; at = lower.indexOf(`<${name}`, at + 1)) {
    if (!/[\s/>]/.test(lower.charAt(at + name.length + 1))) continue;
    const end = lower.indexOf('>', at);
    if (end === -1) break;
    tags.push({ tag: html.slice(at, end + 1), end: end + 1 });
    at = end;
  }
  return tags;
}

/** The current page: a GET form (older pages: a POST form with the query in its action). */
function downloadForm(html: string, pageUrl: string): string | null {
  for (const { tag, end } of openingTags(html, 'form')) {
    if (!/^download-?form$/i.test(attribute(tag, 'id') ?? '')) continue;
    const close = html.toLowerCase().indexOf('</form>', end);
    if (close === -1) return null;
    const target = parseUrl(attribute(tag, 'action') ?? '', pageUrl);
    if (!target) return null;
    const params = new URLSearchParams();
    for (const { tag: input } of openingTags(html.slice(end, close), 'input')) {
      const name = attribute(input, 'name');
      if (name && attribute(input, 'type')?.toLowerCase() === 'hidden') {
        params.append(name, attribute(input, 'value') ?? '');
      }
    }
    // A GET form replaces the action's query with its fields, as the browser would on "Download anyway".
    const query = params.toString();
    if (query) target.search = query;
    return target.href;
  }
  return null;
}

function confirmLink(html: string, pageUrl: string): string | null {
  for (const [, href = ''] of html.matchAll(/\shref\s*=\s*["']([^"']+)["']/gi)) {
    const decoded = decodeEntities(href);
    if (/[?&]confirm=/.test(decoded)) return parseUrl(decoded, pageUrl)?.href ?? null;
  }
  return null;
}

/** Where the "Download anyway" button leads on the page Drive sends instead of a file too large to virus-scan. */
export function googleDriveConfirmationUrl(html: string, pageUrl: string): string | null {
  return downloadForm(html, pageUrl) ?? confirmLink(html, pageUrl);
}
