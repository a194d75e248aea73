/**
 * Fuzzing the request bodies and queries of `ferry serve`'s Cloudflare Stream and Omega Stream
 * routes through the real server (startServer: engine, queue, every route module), by fastify's
 * inject: any JSON, and bodies made of each route's own field names with values of every kind,
 * are answered with a 2xx or a 4xx and a JSON body, never a 5xx. The queue is paused, and the
 * only links that could pass are on `.invalid` hosts, so nothing is fetched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { serve } from '../server/stream-fixture';
import { fuzzParameters, settlesInTime } from './fuzz-settings';
import { linkTo, privateHost } from './private-addresses';

const stream = '/client/v4/accounts/fuzz/stream';
const omega = '/client/video/stream';

const link = fc.oneof(
  fc.constantFrom('https://videos.invalid/a.mp4', 'http://videos.invalid/b.mp4?x=1', 's3://bucket.invalid/a.mp4'),
  linkTo(privateHost),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', 'ftp://videos.invalid/a.mp4', 'javascript:alert(1)', 'https://', 'file:///etc/passwd'),
);

/** A value of any kind. */
const value = fc.oneof(
  link,
  fc.constantFrom(0, 0.5, 1, -1, 2, 1e20, 1e308, 1.5, true, false, null, '2030-01-31T18:00:00Z', 'yesterday'),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A field's value: mostly of the kind it takes, sometimes anything. */
const either = <T>(expected: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: expected }, { weight: 1, arbitrary: value });
const stringMap = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 3 });
const headerMap = fc.dictionary(
  fc.constantFrom('Authorization', 'Cookie', 'Host', 'X-Token', 'Bad Name', 'Transfer-Encoding', ''),
  fc.constantFrom('Bearer k', 'a=b', 'line\r\nbreak', ''),
  { maxKeys: 2 },
);
const origins = fc.array(fc.constantFrom('example.com', '*.example.com', '*', 'a b', '', 'https://x.test'), {
  maxLength: 3,
});
const fraction = fc.constantFrom(0, 0.5, 1, -0.1, 2, 1e308);
const dateText = fc.constantFrom('2030-01-31T18:00:00Z', '2020-01-01T00:00:00Z', 'yesterday', '');

/** The fields Cloudflare's video routes read, each optional, each mostly of its kind. */
const videoFields = {
  meta: either(stringMap),
  thumbnailTimestampPct: either(fraction),
  maxDurationSeconds: either(fc.constantFrom(1, 60, 0, -5, 1e308)),
  scheduledDeletion: either(fc.option(dateText)),
  requireSignedURLs: either(fc.boolean()),
  allowedOrigins: either(origins),
  creator: either(fc.option(fc.string({ maxLength: 80 }))),
};
/** Cloudflare's watermark profiles, which Ferry refuses: now and then, so the rest gets through. */
const withWatermark = <T extends object>(shape: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 9, arbitrary: shape },
    {
      weight: 1,
      arbitrary: fc.tuple(shape, fc.jsonValue({ maxDepth: 1 })).map(([b, watermark]) => ({ ...b, watermark })),
    },
  );
const optional = { requiredKeys: [] as [] };
const copyBody = withWatermark(
  fc.record(
    { url: either(link), input: either(link), name: either(fc.string()), headers: either(headerMap), ...videoFields },
    { requiredKeys: ['url'] },
  ),
);
const editBody = withWatermark(fc.record({ uid: either(fc.string()), ...videoFields }, optional));
const webhookBody = fc.record({ notificationUrl: either(link) }, { requiredKeys: ['notificationUrl'] });
const tokenBody = fc.oneof(
  fc.record({ exp: either(fc.oneof(fc.integer(), fc.constantFrom(4_102_444_800, 1e13, 1e20, 0))) }, optional),
  fc.constant(null),
);
const omegaBody = fc.record(
  { title: either(fc.string()), url: either(link), headers: either(headerMap) },
  { requiredKeys: ['title', 'url'] },
);

/** The body as sent: the route's shape, any JSON, or text that is not JSON at all. */
const sent = (shape: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: shape.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => JSON.stringify(b)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('', '{', '[]', '{"url":', '{"__proto__":{"url":"https://videos.invalid/p.mp4"}}'),
      ),
    },
  );

const queryFields = ['status', 'search', 'creator', 'start', 'end', 'before', 'after', 'asc', 'limit', 'type'];

/** A path id: the video made for the test, an unknown uid, or anything a caller could put there. */
const id = (known: string) =>
  fc.oneof(
    fc.constant(known),
    fc.stringMatching(/^[0-9a-f]{32}$/),
    fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
    fc.constantFrom('%2e%2e', '..%2f..%2fetc', '%00', 'webhook', 'copy'),
  );

type Call = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: string };

const calls = (known: string): fc.Arbitrary<Call> => {
  const query = fc
    .dictionary(
      fc.constantFrom(...queryFields),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('1', '0', 'true', '-1', 'ready', 'queued', '2030-01-31T18:00:00Z'),
      ),
      { maxKeys: 4 },
    )
    .map((q) => new URLSearchParams(q).toString());
  return fc.oneof(
    sent(copyBody).map((payload): Call => ({ method: 'POST', url: `${stream}/copy`, payload })),
    fc
      .tuple(id(known), sent(editBody))
      .map(([uid, payload]): Call => ({ method: 'POST', url: `${stream}/${uid}`, payload })),
    fc
      .tuple(id(known), sent(tokenBody))
      .map(([uid, payload]): Call => ({ method: 'POST', url: `${stream}/${uid}/token`, payload })),
    sent(webhookBody).map((payload): Call => ({ method: 'PUT', url: `${stream}/webhook`, payload })),
    query.map((q): Call => ({ method: 'GET', url: `${stream}?${q}` })),
    id(known).map((uid): Call => ({ method: 'GET', url: `${stream}/${uid}` })),
    sent(omegaBody).map((payload): Call => ({ method: 'POST', url: `${omega}/copy`, payload })),
    id(known).map((uid): Call => ({ method: 'GET', url: `${omega}/${uid}` })),
  );
};

describe('fuzzing the bodies of ferry serve’s API routes', () => {
  it('answers any body or query on the Cloudflare and Omega routes with a 2xx or 4xx, never a 5xx', async () => {
    // No keychain in a test's environment: a link's credentials go to the file store, as in the CLI tests.
    const api = await serve({ env: { ...process.env, FERRY_CREDENTIALS: 'file' } });
    const { app, token, engine } = api.server;
    const paused = await dispatch(engine, 'pauseQueue', undefined);
    expect(paused.ok).toBe(true);
    const made = await api.call('POST', `${stream}/copy`, { url: 'https://videos.invalid/known.mp4' });
    const known = String((made.json.result as { uid?: string } | undefined)?.uid);
    expect(known).toMatch(/^[0-9a-f]{32}$/);

    await fc.assert(
      fc.asyncProperty(calls(known), async (call) => {
        const reply = await settlesInTime(
          `${call.method} ${call.url}`,
          app.inject({
            ...call,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          }),
        );
        expect(reply.statusCode, `${call.method} ${call.url} ${call.payload ?? ''}: ${reply.body}`).toBeLessThan(500);
        if (reply.statusCode >= 400) expect(reply.headers['content-type']).toMatch(/^application\/json/);
      }),
      fuzzParameters(0.5),
    );
  });

  it('refuses a link or a webhook URL on any spelling of a private address with a 400', async () => {
    const { app, token } = (await serve({ env: { ...process.env, FERRY_CREDENTIALS: 'file' } })).server;
    const requests = (link: string): Call[] => [
      { method: 'POST', url: `${stream}/copy`, payload: JSON.stringify({ url: link }) },
      { method: 'PUT', url: `${stream}/webhook`, payload: JSON.stringify({ notificationUrl: link }) },
      { method: 'POST', url: `${omega}/copy`, payload: JSON.stringify({ title: 'fuzz', url: link }) },
    ];
    await fc.assert(
      fc.asyncProperty(linkTo(privateHost), async (link) => {
        for (const call of requests(link)) {
          const reply = await settlesInTime(
            `${call.method} ${call.url}`,
            app.inject({ ...call, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }),
          );
          expect(reply.statusCode, `${call.method} ${call.url} ${link}: ${reply.body}`).toBe(400);
          expect(reply.body).toMatch(/may not reach/);
        }
      }),
      fuzzParameters(0.25),
    );
  });
});
