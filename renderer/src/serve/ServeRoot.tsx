/**
 * The renderer in a browser, served by `ferry serve`: the token (from the link or the sign-in
 * form), the socket transport, and the same App the desktop window shows. When the socket comes
 * back after the server restarted, the list, totals and open video page are loaded again (as when
 * the engine's process restarts, features/engine); the events resume by
 * themselves, since the transport's listeners outlive its sockets. Adding videos (paste, drop,
 * pick) is the App's, as on the desktop; the platform uploads files with this session's token.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App } from '../App';
import { createBrowserPlatform } from '../platform/browser-platform';
import type { Platform } from '../platform/platform';
import { createVideoStore, type VideoStore } from '../store/video-store';
import { createSocketTransport, type ConnectionState, type SocketTransport } from '../transport/socket-transport';
import { ConnectionBanner } from './ConnectionBanner';
import { SignIn } from './SignIn';
import { forgetToken, keepToken, takeToken } from './token-store';

export function ServeRoot({ storage = window.sessionStorage }: { storage?: Storage }) {
  const [token, setToken] = useState(() => takeToken(window.location, window.history, storage));
  const [refused, setRefused] = useState(false);
  const onRefused = useCallback(() => {
    forgetToken(storage);
    setRefused(true);
    setToken(null);
  }, [storage]);

  if (!token)
    return (
      <SignIn
        refused={refused}
        onSignIn={(given) => {
          keepToken(storage, given);
          setRefused(false);
          setToken(given);
        }}
      />
    );
  return <SignedIn key={token} token={token} onRefused={onRefused} />;
}

interface Session {
  transport: SocketTransport;
  store: VideoStore;
  platform: Platform;
}

function SignedIn({ token, onRefused }: { token: string; onRefused: () => void }) {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  // Made once per token; connected by the effect, so a remount (StrictMode's) closes and opens it again.
  const session = useMemo<Session>(() => {
    const transport = createSocketTransport({ origin: window.location.origin, token });
    return {
      transport,
      store: createVideoStore(transport),
      platform: createBrowserPlatform(window.location.origin, token),
    };
  }, [token]);

  useEffect(() => {
    const { transport, store } = session;
    const off = transport.onConnection((state, resumed) => {
      setConnection(state);
      if (state === 'refused') onRefused();
      if (state === 'open' && resumed) void store.getState().resume();
    });
    transport.open();
    return () => {
      off();
      transport.close();
    };
  }, [session, onRefused]);

  return (
    <App
      api={session.transport}
      store={session.store}
      platform={session.platform}
      notices={<ConnectionBanner state={connection} onRetry={() => session.transport.open()} />}
    />
  );
}
