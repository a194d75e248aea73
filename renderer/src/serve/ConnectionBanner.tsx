import type { ConnectionState } from '../transport/socket-transport';

/** Says when the page is not talking to Ferry, and offers to try again once it has given up. */
export function ConnectionBanner({ state, onRetry }: { state: ConnectionState; onRetry: () => void }) {
  if (state === 'reconnecting')
    return (
      <p role="status" className="banner">
        The connection to Ferry was lost; reconnecting…
      </p>
    );
  if (state === 'offline')
    return (
      <p role="alert" className="banner error">
        Ferry cannot be reached. Is `ferry serve` running? <button onClick={onRetry}>Try again</button>
      </p>
    );
  return null;
}
