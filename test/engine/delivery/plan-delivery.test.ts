/** The delivery decisions, pure: stages, planned deliveries, remote ids, metadata, failure verdicts. */
import { describe, expect, it } from 'vitest';
import { judgeFailure, type FailureContext } from '../../../electron/engine/delivery/delivery-failure';
import {
  nextPollDelay,
  plannedDeliveries,
  remoteIdFor,
  stageAfterDeliveries,
  stageWhenReady,
  uploadMetadata,
} from '../../../electron/engine/delivery/plan-delivery';
import { validateCommand } from '../../../shared/validate-command';

const tuning = { maxAttempts: 3, retryBaseMs: 1000, retryMaxMs: 60_000 };
const context: FailureContext = {
  attempt: 1,
  target: { name: 'archive', endpoint: 'https://tus.example.test/files/', provider: 'tus' },
  uid: 'a'.repeat(32),
  size: 1234,
};
const half = () => 0.5;

describe('where a video goes', () => {
  it('goes to the deliver stage once ready only when it has targets', () => {
    expect(stageWhenReady({})).toBe('done');
    expect(stageWhenReady({ deliverTo: [] })).toBe('done');
    expect(stageWhenReady({ deliverTo: ['t1'] })).toBe('deliver');
  });

  it('waits for the earliest retry while a delivery is unfinished, and is done otherwise', () => {
    expect(stageAfterDeliveries([])).toEqual({ stage: 'done' });
    expect(
      stageAfterDeliveries([
        { state: 'ready', nextAttemptAt: 0 },
        { state: 'error', nextAttemptAt: 0 },
      ]),
    ).toEqual({ stage: 'done' });
    expect(
      stageAfterDeliveries([
        { state: 'ready', nextAttemptAt: 0 },
        { state: 'queued', nextAttemptAt: 5000 },
        { state: 'queued', nextAttemptAt: 3000 },
        { state: 'error', nextAttemptAt: 1 },
      ]),
    ).toEqual({ stage: 'deliver', nextAttemptAt: 3000 });
  });

  it('plans a delivery per target, failing at once for a target removed meanwhile', () => {
    const targets = new Map([['t1', { name: 'archive', mode: 'push' as const }]]);
    expect(plannedDeliveries(['t1', 'gone'], targets)).toEqual([
      { targetId: 't1', mode: 'push' },
      {
        targetId: 'gone',
        mode: 'push',
        error: expect.stringMatching(/gone was removed.*Deliver to… \(or ferry deliver\)/),
      },
    ]);
  });
});

describe('what the upload says', () => {
  it('takes the remote id from stream-media-id, else keeps an earlier one, else the URL', () => {
    const url = 'https://tus.example.test/files/abc%20123';
    expect(remoteIdFor(url, 'cf-media-id')).toBe('cf-media-id');
    expect(remoteIdFor(url, null)).toBe('abc 123');
    expect(remoteIdFor('https://tus.example.test/files/xyz/', undefined)).toBe('xyz');
    expect(remoteIdFor(url, null, { url, remoteId: 'cf-media-id' })).toBe('cf-media-id');
    expect(remoteIdFor(url, null, { url: 'https://tus.example.test/files/old', remoteId: 'old' })).toBe('abc 123');
  });

  it('names the video and the file type', () => {
    expect(uploadMetadata('Board meeting', '/lib/u/downloads/default.mp4')).toEqual({
      name: 'Board meeting',
      filetype: 'video/mp4',
    });
    expect(uploadMetadata(undefined, '/in/Take 3.MOV')).toEqual({ name: 'Take 3.MOV', filetype: 'video/quicktime' });
    expect(uploadMetadata('  ', '/in/x.unknown').filetype).toBe('application/octet-stream');
  });
});

describe('following a video at the service', () => {
  it('asks soon at first, then less often, never less than every pollMaxMs', () => {
    const polls = { pollBaseMs: 5000, pollMaxMs: 60_000 };
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextPollDelay(n, polls));
    expect(delays.slice(0, 4)).toEqual([5000, 7500, 11_250, 16_875]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBe(60_000);
  });
});

describe('a failed attempt', () => {
  it.each([
    { status: undefined, what: 'a network error' },
    { status: 500, what: 'a server error' },
    { status: 503, what: 'an unavailable server' },
    { status: 429, what: 'a rate limit' },
    { status: 408, what: 'a timeout' },
    { status: 409, what: 'an offset conflict' },
    { status: 423, what: 'a locked upload' },
  ])('is retried after $what, with backoff', ({ status }) => {
    const first = judgeFailure({ status, message: 'x' }, context, tuning, half);
    const second = judgeFailure({ status, message: 'x' }, { ...context, attempt: 2 }, tuning, half);
    expect(first).toEqual({ kind: 'retry', delayMs: 750, forgetUpload: false });
    expect(second).toEqual({ kind: 'retry', delayMs: 1500, forgetUpload: false });
  });

  it("honours the server's Retry-After", () => {
    expect(judgeFailure({ status: 429, retryAfter: '7', message: 'x' }, context, tuning, half)).toEqual({
      kind: 'retry',
      delayMs: 7000,
      forgetUpload: false,
    });
  });

  it('starts a new upload when the old one is gone, but fails when the endpoint is not there', () => {
    expect(judgeFailure({ status: 404, method: 'PATCH', message: 'x' }, context, tuning, half)).toMatchObject({
      kind: 'retry',
      forgetUpload: true,
    });
    expect(judgeFailure({ status: 410, method: 'HEAD', message: 'x' }, context, tuning, half)).toMatchObject({
      forgetUpload: true,
    });
    const verdict = judgeFailure({ status: 404, method: 'POST', message: 'x' }, context, tuning, half);
    expect(verdict).toEqual({ kind: 'fail', text: expect.stringMatching(/"archive" failed.*404.*target's URL/) });
  });

  it.each([
    [401, /credential is missing or refused.*ferry target add "archive"/],
    [403, /credential/],
    [413, /refuses a file of 1234 bytes.*size limit/],
    [400, /refused the upload.*TUS server/],
  ])('fails at once on %s, naming the target and what to do', (status, text) => {
    const verdict = judgeFailure({ status, method: 'POST', message: 'x' }, context, tuning, half);
    expect(verdict).toEqual({ kind: 'fail', text: expect.stringMatching(text) });
    if (verdict.kind === 'fail') expect(verdict.text).toContain(`ferry retry ${context.uid}`);
  });

  it("quotes a streaming service's own words and names what to save", () => {
    const gcore = { ...context, target: { ...context.target, provider: 'gcore' as const } };
    const refused = judgeFailure(
      { status: 401, method: 'GET', message: 'x', serviceText: 'Invalid API key' },
      gcore,
      tuning,
      half,
    );
    expect(refused).toEqual({
      kind: 'fail',
      text: expect.stringMatching(
        /Gcore refused the credential \(401\) \("Invalid API key"\)\. Save the right API key/,
      ),
    });
    const gone = judgeFailure({ status: 404, method: 'GET', message: 'x' }, gcore, tuning, half);
    expect(gone).toMatchObject({ kind: 'fail', text: expect.stringContaining('ferry target test "archive"') });
  });

  it('retries an expired signature or token where the next attempt renews it, and only there', () => {
    const bunny = { ...context, renewsAuthorization: true, target: { ...context.target, provider: 'bunny' as const } };
    expect(judgeFailure({ status: 401, method: 'PATCH', message: 'x' }, bunny, tuning, half)).toEqual({
      kind: 'retry',
      delayMs: 750,
      forgetUpload: false,
    });
    expect(judgeFailure({ status: 401, method: 'PATCH', message: 'x' }, context, tuning, half).kind).toBe('fail');
    // Renewed three times and still refused: the key itself is wrong.
    expect(judgeFailure({ status: 401, message: 'x' }, { ...bunny, attempt: 3 }, tuning, half).kind).toBe('fail');
  });

  it('halves the PATCH size after a 413 to a PATCH (a proxy body limit), down to 1 MiB', () => {
    const MiB = 1024 * 1024;
    const patch413 = { status: 413, method: 'PATCH', message: 'x' };
    expect(judgeFailure(patch413, { ...context, chunkSize: 200 * MiB }, tuning, half)).toEqual({
      kind: 'retry',
      delayMs: 0,
      forgetUpload: false,
      chunkSize: 100 * MiB,
    });
    // Halves stay multiples of 256 KiB, as Cloudflare's rule asks.
    const odd = judgeFailure(patch413, { ...context, chunkSize: 5 * MiB + 3 }, tuning, half);
    expect(odd).toMatchObject({ chunkSize: 2.5 * MiB });
    expect(judgeFailure(patch413, { ...context, chunkSize: MiB }, tuning, half).kind).toBe('fail');
    // A proxy that cuts the connection before its 413 is read: halved once it happens twice running.
    const broken = { method: 'PATCH', message: 'write EPIPE' };
    expect(judgeFailure(broken, { ...context, chunkSize: 4 * MiB }, tuning, half)).toEqual({
      kind: 'retry',
      delayMs: 750,
      forgetUpload: false,
    });
    expect(judgeFailure(broken, { ...context, attempt: 2, chunkSize: 4 * MiB }, tuning, half)).toEqual({
      kind: 'retry',
      delayMs: 1500,
      forgetUpload: false,
      chunkSize: 2 * MiB,
    });
    // A 413 to the creation is about the file, not the PATCH: no halving helps.
    expect(judgeFailure({ ...patch413, method: 'POST' }, { ...context, chunkSize: 200 * MiB }, tuning, half).kind).toBe(
      'fail',
    );
  });

  it('fails after the last attempt, naming the target, the cause and what to do', () => {
    expect(judgeFailure({ status: 500, message: 'x' }, { ...context, attempt: 3 }, tuning, half)).toEqual({
      kind: 'fail',
      text:
        'Delivery to "archive" failed after 3 attempts (the server answered 500). Check that ' +
        `https://tus.example.test/files/ is up and reachable, then retry the video (Retry, or ferry retry ${context.uid}).`,
    });
    const offline = judgeFailure({ message: 'connect ECONNREFUSED' }, { ...context, attempt: 3 }, tuning, half);
    expect(offline).toMatchObject({ kind: 'fail', text: expect.stringContaining('(connect ECONNREFUSED)') });
  });
});

describe('deliverTo in ingest options', () => {
  it('takes target ids, each once', () => {
    expect(validateCommand('addFiles', { paths: ['/a.mp4'], options: { deliverTo: ['t1', 't2'] } }).ok).toBe(true);
    const twice = validateCommand('addFiles', { paths: ['/a.mp4'], options: { deliverTo: ['t1', 't1'] } });
    expect(twice).toMatchObject({
      ok: false,
      issues: [{ path: 'options.deliverTo', message: 'each delivery target once' }],
    });
    expect(validateCommand('addFiles', { paths: ['/a.mp4'], options: { deliverTo: [''] } }).ok).toBe(false);
  });
});
