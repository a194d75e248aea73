/**
 * The token a browser needs to talk to `ferry serve`. It arrives once in the URL's fragment (the
 * link `ferry serve` prints, `/#token=…`; a fragment never reaches a server or its logs), is taken
 * out of the address bar at once so it is not shown, bookmarked or shared, and is kept in
 * sessionStorage: it survives reloads of this tab but not the closing of the browser, which suits
 * a token that gives full control of the queue, possibly on a shared machine. A new tab asks for it
 * again (or the printed link is opened again).
 */
const key = 'ferry.serve.token';

const tokenInFragment = /(?:^#|&)token=([^&]*)/;

/** The token from the fragment (then removed from the address bar) or from this tab's storage. */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const match = tokenInFragment.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1] ?? '');
    const rest = location.hash.replace(tokenInFragment, '').replace(/^#&?/, '');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    if (token) {
      storage.setItem(key, token);
      return token;
    }
  }
  return storage.getItem(key);
}

export function keepToken(storage: Storage, token: string): void {
  storage.setItem(key, token);
}

export function forgetToken(storage: Storage): void {
  storage.removeItem(key);
}
