/**
 * The engine's door as `ferry serve` reaches it. `call` is for what callers send (the HTTP APIs,
 * the browser's socket): an input that names a file of this machine (shared/host-local-fields.ts)
 * is refused with FORBIDDEN before it reaches the engine, and links are kept to public addresses
 * (public-only-calls.ts). `callOwn` is for what the server composes itself from files it owns (a
 * finished TUS upload under `uploads/`), never for a caller's input as it came.
 */
import { hostLocalFieldsIn, hostLocalRefusal } from '../../shared/host-local-fields';
import type { EngineLink } from '../engine/host/engine-link';
import { serverCall } from './public-only-calls';
import type { ServerContext } from './server-context';
import { withShareLinks } from './share-links-door';

type Call = ServerContext['call'];

/** `call`, refusing host-local fields. */
export function refuseHostLocal(call: Call): Call {
  return async (name, input) => {
    const found = hostLocalFieldsIn(name, input);
    if (found.length === 0) return call(name, input);
    return { ok: false, error: { code: 'FORBIDDEN', message: hostLocalRefusal(found) } };
  };
}

/** `server`: how it is reached and its signing key, for the URLs `shareLinks` answers (share-links-door.ts). */
export function serverCalls(
  engine: EngineLink,
  allowPrivateNetworks: boolean,
  server: Pick<ServerContext, 'baseUrl' | 'signingKey'>,
): Pick<ServerContext, 'call' | 'callOwn'> {
  const own = withShareLinks(serverCall(engine, allowPrivateNetworks), server);
  return { call: refuseHostLocal(own), callOwn: own };
}
