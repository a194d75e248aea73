/**
 * Headers that belong to the connection (Host, Transfer-Encoding, Connection, Upgrade,
 * Content-Length, Proxy-*, …) are refused wherever a user can give request headers: the
 * dispatcher's addLinks, a list's rows, and the Cloudflare-compatible API's `headers`. None of
 * them reaches an origin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { serve } from '../../server/stream-fixture';
import { tempDir } from '../../helpers/temp-dir';

const refused = [
  ['Host', 'intranet.example'],
  ['Transfer-Encoding', 'chunked'],
  ['connection', 'close'],
  ['Upgrade', 'websocket'],
  ['Content-Length', '0'],
  ['Keep-Alive', 'timeout=5'],
  ['TE', 'trailers'],
  ['Trailer', 'X-Sum'],
  ['Expect', '100-continue'],
  ['Proxy-Authorization', 'Basic eDp5'],
] as const;

const engines: Engine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

function openEngine(): Engine {
  const dataDir = tempDir();
  const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
  engines.push(engine);
  return engine;
}

describe('connection headers given by a user', () => {
  it.each(refused)('addLinks refuses %s with INVALID_INPUT naming it and why', async (name, value) => {
    const engine = openEngine();
    const reply = await dispatch(engine, 'addLinks', {
      links: [{ url: 'https://media.example/v.mp4', headers: { [name]: value, 'X-Fine': 'yes' } }],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (reply.ok) return;
    expect(reply.error.message).toContain(`"${name}"`);
    expect(reply.error.message).toMatch(/connection|proxy/);
    expect(reply.error.message).toContain('leave it out');
    expect((await engine.list({})).videos).toEqual([]);
  });

  it('a list row with such a header is refused, naming it, and the others are queued', async () => {
    const engine = openEngine();
    const rows = [
      { url: 'https://media.example/a.mp4', headers: { 'Transfer-Encoding': 'chunked' } },
      { url: 'https://media.example/b.mp4', headers: { Authorization: 'Bearer fine' } },
    ];
    const reply = await dispatch(engine, 'importList', {
      content: rows.map((row) => JSON.stringify(row)).join('\n'),
      format: 'ndjson',
    });
    expect(reply).toMatchObject({ ok: true, value: { queued: 1 } });
    if (!reply.ok) return;
    expect(reply.value.invalid).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringContaining('"Transfer-Encoding"') }),
    ]);
  });

  it('the Cloudflare-compatible API refuses a copy whose headers carry Host, with a 400 naming it', async () => {
    const api = await serve();
    const { status, json } = await api.call('POST', '/client/v4/accounts/acct-1/stream/copy', {
      url: 'https://media.example/v.mp4',
      headers: { Host: 'intranet.example' },
    });
    expect(status).toBe(400);
    expect(JSON.stringify(json.errors)).toContain('\\"Host\\"');
    const listed = await api.call('GET', '/client/v4/accounts/acct-1/stream');
    expect(listed.json.result).toEqual([]);
  });
});
