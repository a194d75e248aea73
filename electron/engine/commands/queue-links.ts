/**
 * Turns links (pasted or from an imported list) into queued videos: each is normalised (share
 * pages to direct downloads), checked, compared with what is already queued or finished, and
 * inserted in one transaction. Links that can never be downloaded (a YouTube page, a Drive
 * folder) are still listed, in error, so the user sees why. A link's `user:pass@` is moved to
 * an Authorization header first (link-userinfo.ts), so no answer, name or meta ever shows it; the
 * headers that are credentials go to the vault, ferry.db keeps a reference (link-header-secrets.ts).
 */
import type { IngestOptions } from '../../../shared/api';
import { forgetRefs, keepHeaderSecrets } from '../delivery/link-header-secrets';
import type { EngineContext } from '../context/engine-context';
import type { NewVideo } from '../store/queue-job';
import type { StoredHeaders } from '../store/stored-headers';
import { moveUserinfo } from '../sources/link-userinfo';
import { nameFromLinkPath } from '../sources/name-from-response';
import { normalizeLink } from '../sources/normalize-link';
import { detailsFromOptions, queueOptions } from './add-files';

export interface LinkInput {
  /** Where it came from, for reports: the line number in a list, or the position pasted. */
  position: number;
  url: string;
  name?: string;
  headers?: Record<string, string>;
  meta?: Record<string, string>;
}

export interface QueuedLinks {
  queued: string[];
  duplicates: { position: number; url: string; uid: string }[];
  invalid: { position: number; text: string; reason: string }[];
}

export function queueLinks(context: EngineContext, links: LinkInput[], options: IngestOptions = {}): QueuedLinks {
  const result: QueuedLinks = { queued: [], duplicates: [], invalid: [] };
  const fresh: NewVideo[] = [];
  /** The headers given for each of `fresh`, by index. */
  const given: (Record<string, string> | undefined)[] = [];
  const notDirect: { index: number; text: string }[] = [];
  /** Index in `fresh` of the first link with each key, for repeats within this batch. */
  const seen = new Map<string, number>();
  const repeats: { position: number; url: string; index: number }[] = [];
  const kept = queueOptions(options).options ?? {};
  if (options.allowInsecureRedirects) kept.allowInsecureRedirects = true;
  const keptOptions = Object.keys(kept).length > 0 ? { options: kept } : {};
  for (const input of links) {
    const moved = moveUserinfo(input.url, input.headers);
    const link = { ...input, url: moved.url, headers: moved.headers };
    const normalized = normalizeLink(link.url);
    if (!normalized.ok && normalized.code !== 'ERR_NOT_A_DIRECT_LINK') {
      result.invalid.push({ position: link.position, text: link.url, reason: normalized.reason });
      continue;
    }
    const name = link.name ?? link.meta?.name ?? options.meta?.name;
    const doc = detailsFromOptions({ ...options, meta: { ...options.meta, ...link.meta } }, name);
    doc.meta = { ...doc.meta, 'downloaded-from': link.url };
    if (!normalized.ok) {
      notDirect.push({ index: fresh.length, text: normalized.reason });
      fresh.push({ source: { kind: 'url', url: link.url }, stage: 'fetch', ...(name ? { name } : {}), doc });
      continue;
    }
    const sourceKey = `url:${normalized.key}`;
    const existing = options.duplicates === 'allow' ? undefined : context.store.findActiveBySourceKey(sourceKey);
    if (existing) {
      result.duplicates.push({ position: link.position, url: link.url, uid: existing });
      continue;
    }
    const earlier = options.duplicates === 'allow' ? undefined : seen.get(sourceKey);
    if (earlier !== undefined) {
      repeats.push({ position: link.position, url: link.url, index: earlier });
      continue;
    }
    seen.set(sourceKey, fresh.length);
    given[fresh.length] = link.headers;
    // Named at once from the link's path; the download's answer may name it better (fetch stage).
    const named = name ?? nameFromLinkPath(normalized.url) ?? undefined;
    if (named) doc.meta = { ...doc.meta, name: named };
    fresh.push({
      source: { kind: 'url', url: normalized.url },
      stage: 'fetch',
      sourceKey,
      ...(named ? { name: named } : {}),
      ...keptOptions,
      doc,
    });
  }
  const stored = keepHeaderSecrets(context.credentials, given, options.secretHeaders);
  let uids: string[];
  try {
    uids = context.store.insertMany(fresh.map((video, i) => ({ ...video, ...withHeaders(stored[i]) })));
  } catch (error) {
    forgetRefs(
      context.credentials,
      stored.flatMap((headers) => (headers?.secret ? [headers.secret.ref] : [])),
    );
    throw error;
  }
  for (const { index, text } of notDirect) {
    context.store.transition(uids[index] as string, 'error', { error: { code: 'ERR_NOT_A_DIRECT_LINK', text } });
  }
  for (const repeat of repeats) {
    result.duplicates.push({ position: repeat.position, url: repeat.url, uid: uids[repeat.index] as string });
  }
  result.queued = uids;
  return result;
}

const withHeaders = (headers: StoredHeaders | undefined) => (headers ? { requestHeaders: headers } : {});
