/**
 * The renderer in a browser, served by `ferry serve`: the token (from the link or the sign-in
 * form), the socket transport, and the same App the desktop window shows. When the socket comes
 * back after the server restarted, the list and totals are loaded again; the events resume by
 * themselves, since the transport's listeners outlive its sockets. Links pasted on the page are
 * added; files dropped on it are uploaded.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AddResult } from '../../../shared/api';
import { App } from '../App';
import type { UploadReport } from '../features/add/upload-file';
import { useDropFiles } from '../features/add/use-drop-files';
import { createBrowserPlatform } from '../platform/browser-platform';
import type { Platform } from '../platform/platform';
import { describeAdded, usePasteLinks } from '../features/add/use-paste-links';
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
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);
  // Made once per token; connected by the effect, so a remount (StrictMode's) closes and opens it again.
  const session = useMemo<Session>(() => {
    const transport = createSocketTransport({ origin: window.location.origin, token });
    return {
      transport,
      store: createVideoStore(transport),
      platform: createBrowserPlatform(window.location.origin),
    };
  }, [token]);

  useEffect(() => {
    const { transport, store } = session;
    const off = transport.onConnection((state, resumed) => {
      setConnection(state);
      if (state === 'refused') onRefused();
      if (state === 'open' && resumed) void store.getState().load();
    });
    transport.open();
    return () => {
      off();
      transport.close();
    };
  }, [session, onRefused]);

  const onAdded = useCallback(
    (result: AddResult) => {
      // The queued videos come into the list by asking for it again, in the engine's order.
      void session.store.getState().refresh();
      setNotice({ text: describeAdded(result), problem: result.queued.length === 0 });
    },
    [session],
  );
  const onProblem = useCallback((text: string) => setNotice({ text, problem: true }), []);
  usePasteLinks(session.transport, onAdded, onProblem);
  const uploads = useMemo<UploadReport>(
    () => ({
      onProgress: (file, pct) => setNotice({ text: `Uploading ${file.name}… ${pct}%`, problem: false }),
      onDone: (file) => setNotice({ text: `Uploaded ${file.name}; Ferry queued it.`, problem: false }),
      onFailed: (file, message) => setNotice({ text: `Could not upload ${file.name}: ${message}`, problem: true }),
    }),
    [],
  );
  useDropFiles(window.location.origin, token, uploads);

  return (
    <App
      api={session.transport}
      store={session.store}
      platform={session.platform}
      notices={
        <>
          <ConnectionBanner state={connection} onRetry={() => session.transport.open()} />
          {notice && (
            <p role={notice.problem ? 'alert' : 'status'} className={notice.problem ? 'notice error' : 'notice'}>
              {notice.text}
            </p>
          )}
        </>
      }
    />
  );
}
