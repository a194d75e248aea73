/**
 * Fuzzing the WebSocket door of `ferry serve` (`/ws`), which a browser signed in with the token
 * drives: every command by name (and names that are none) with inputs built from the command's own
 * fields, and messages that are not commands at all. Each is answered under its id with the
 * engine's envelope and a documented error code, never INTERNAL (which means an exception got
 * through); the socket stays open; nothing is fetched (links are on `.test` hosts, which never
 * resolve).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/api';
import { ferryErrorCodes } from '../../shared/ferry-error';
import { serve } from '../server/stream-fixture';
import { signedInSocket } from '../server/ws-client';
import { nearValid, shapedLike } from './command-arbitraries';
import { fuzzParameters, settlesInTime } from './fuzz-settings';

const command = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...commandNames).chain((name) => fc.tuple(fc.constant(name), nearValid(name))),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...commandNames).chain((name) => fc.tuple(fc.constant(name), shapedLike(name))),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'close', 'run')),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
);

/** Text that is not a command message: broken JSON, other shapes, ids of every kind. */
const notACommand = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      { id: fc.jsonValue({ maxDepth: 1 }), command: fc.jsonValue({ maxDepth: 1 }), input: fc.jsonValue() },
      { requiredKeys: [] },
    )
    .map((message) => JSON.stringify(message)),
);

describe('fuzzing the socket door of ferry serve', () => {
  it('answers every command message with an envelope and a documented code, never INTERNAL', async () => {
    // No keychain in a test's environment: a link's credentials go to the file store, as in the CLI tests.
    const api = await serve({ env: { ...process.env, FERRY_CREDENTIALS: 'file' } });
    const client = await signedInSocket(api.server.baseUrl, api.server.token);
    await client.call('pauseQueue');
    await fc.assert(
      fc.asyncProperty(command, async ([name, input]) => {
        const reply = await settlesInTime(`${name} over the socket`, client.call(name, input));
        if (reply.ok) return;
        expect(ferryErrorCodes).toContain(reply.error.code);
        expect(reply.error.code, `${name} ${JSON.stringify(input)}: ${reply.error.message}`).not.toBe('INTERNAL');
        expect(reply.error.message).not.toBe('');
      }),
      fuzzParameters(0.25),
    );
    await fc.assert(
      fc.asyncProperty(notACommand, async (text) => {
        const { reply } = await settlesInTime('a broken message', client.sendRaw(text));
        if (!reply.ok) expect(reply.error.code, `${text}: ${reply.error.message}`).not.toBe('INTERNAL');
      }),
      fuzzParameters(0.1),
    );
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    await client.close();
  });
});
