/**
 * `shareLinks` as a caller of `ferry serve` gets it: the engine's answer (which outputs the video
 * has) with this server's URLs, signed with its own key when the video requires signed URLs, and
 * no paths of this machine. The server answers it, since only it knows how it is reached and holds
 * the signing key.
 */
import type { CommandInput } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import { embedSnippets, mediaUrls, type ShareLinks } from '../../shared/share-links';
import { signPlaybackToken } from './playback-token';
import type { ServerContext } from './server-context';

type Call = ServerContext['call'];

/** A day: long enough to paste an embed and try it, short enough that a leaked link stops. */
export const defaultShareSeconds = 24 * 3600;

export function withShareLinks(call: Call, server: Pick<ServerContext, 'baseUrl' | 'signingKey'>): Call {
  const answer = async (input: unknown): Promise<Envelope<ShareLinks>> => {
    const engine = await call('shareLinks', input);
    if (!engine.ok || engine.value.files === null) return engine.ok ? { ok: true, value: engine.value } : engine;
    const { uid, expiresInSeconds = defaultShareSeconds } = input as CommandInput<'shareLinks'>;
    const found = await call('get', { uid });
    if (!found.ok) return found;
    const { files } = engine.value;
    const outputs = { uid, playback: files.hls !== null, mp4: files.mp4 !== null, thumbnail: files.thumbnail !== null };
    const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const token = found.value.requireSignedURLs ? signPlaybackToken(server.signingKey, uid, expires) : null;
    const urls = mediaUrls(outputs, server.baseUrl(), token);
    return {
      ok: true,
      value: {
        files: null,
        urls,
        embed: embedSnippets(uid, urls),
        expiresAt: token === null ? null : new Date(expires * 1000).toISOString(),
      },
    };
  };
  return (async (name, input) => (name === 'shareLinks' ? answer(input) : call(name, input))) as Call;
}
