/**
 * Which screen is shown, kept in the location's hash (`#/video/<uid>`), so the browser's back and
 * forward buttons, a reload and a bookmark in `ferry serve` all work, and Electron's file:// page
 * needs no server-side routes. Four fixed screens and no nesting: a router library would bring
 * more than it saves here.
 */
import { useSyncExternalStore } from 'react';

/** `play`: the video's page opened to watch it (`#/video/<uid>/play`), its player started. */
export type Route =
  | { screen: 'queue' }
  | { screen: 'video'; uid: string; play?: boolean }
  | { screen: 'settings' }
  | { screen: 'targets' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'video' && parts[1] && /^[0-9a-f]{32}$/.test(parts[1]))
    return parts[2] === 'play' ? { screen: 'video', uid: parts[1], play: true } : { screen: 'video', uid: parts[1] };
  if (parts[0] === 'settings') return { screen: 'settings' };
  if (parts[0] === 'targets') return { screen: 'targets' };
  return { screen: 'queue' };
}

export function routeHref(route: Route): string {
  if (route.screen === 'video') return `#/video/${route.uid}${route.play ? '/play' : ''}`;
  return route.screen === 'queue' ? '#/' : `#/${route.screen}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current hash; a Route is parsed from it by the caller, so the snapshot stays a stable string. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
