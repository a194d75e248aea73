/**
 * Whether a pull target can have the service fetch this video's link itself, or must be pushed
 * to, and why, in a sentence for the delivery's notice. Pure.
 */
import ipaddr from 'ipaddr.js';
import { providerFacts, type DeliveryTarget } from '../../../shared/delivery-targets';
import type { PullLink } from './providers/provider';

export type PullPlan =
  | { kind: 'pull'; link: PullLink }
  /** Pushed instead; `notice` says why. */
  | { kind: 'push'; notice: string }
  /** Neither works (a pull-only service and a link it cannot reach). */
  | { kind: 'impossible'; text: string };

/** A host only machines on its own network reach: loopback, private and link-local ranges, `localhost`, `.local`, a bare name. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (ipaddr.isValid(host)) return ipaddr.process(host).range() !== 'unicast';
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || !host.includes('.');
}

export interface PullSource {
  kind: 'url' | 'file';
  url?: string;
  /** The request headers the link was added with. */
  headers: Record<string, string>;
  name: string;
  /** The video has in and out points: its link is the whole original, so the trimmed MP4 is pushed. */
  trimmed?: boolean;
}

export function planPull(target: DeliveryTarget, source: PullSource, canPush: boolean): PullPlan {
  const why = pullObstacle(target, source);
  if (why === null && source.url) {
    return { kind: 'pull', link: { url: source.url, headers: source.headers, name: source.name } };
  }
  const { label } = providerFacts[target.provider];
  const reason = why ?? 'the video has no link';
  if (canPush) return { kind: 'push', notice: `Pushed instead of pulled: ${reason}.` };
  return {
    kind: 'impossible',
    text:
      `Delivery to "${target.name}" failed: ${reason}, and ${label} takes no uploads. ` +
      'Add the video from a public link it can fetch, or deliver it to another target.',
  };
}

function pullObstacle(target: DeliveryTarget, source: PullSource): string | null {
  const { label, pullTakesHeaders, pullHeaderNames } = providerFacts[target.provider];
  if (source.kind !== 'url' || !source.url) return `the video is a file on this computer, which ${label} cannot fetch`;
  if (source.trimmed) return 'the video is trimmed, and its link is the whole original';
  const linkHost = new URL(source.url).hostname;
  // A service on the same private network (another Ferry, a proxy) can reach the link; a public one cannot.
  if (isPrivateHost(linkHost) && !isPrivateHost(new URL(target.endpoint).hostname)) {
    return `the link is on a private network (${linkHost}) that ${label} cannot reach`;
  }
  const names = Object.keys(source.headers);
  if (names.length > 0 && !pullTakesHeaders) {
    return `the link needs request headers (${names.join(', ')}) that ${label} cannot send when it fetches`;
  }
  if (pullHeaderNames) {
    const allowed = new Set(pullHeaderNames.map((name) => name.toLowerCase()));
    const others = names.filter((name) => !allowed.has(name.toLowerCase()));
    if (others.length > 0) {
      return (
        `the link needs request headers (${others.join(', ')}) that ${label} cannot send when it fetches ` +
        `(it sends only ${pullHeaderNames.join(', ')})`
      );
    }
  }
  return null;
}
