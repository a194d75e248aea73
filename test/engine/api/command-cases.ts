/**
 * A valid and an invalid input for every command of the contract, and what each valid one must
 * answer, against a fixture data directory: a record keyed by command name, so a command added
 * to the contract without a case here fails to compile (and, at run time, the test that iterates
 * `commandNames`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CommandName, FerryCommands } from '../../../shared/api';
import type { Envelope } from '../../../shared/ferry-error';
import type { Video } from '../../../shared/video';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { signWebhook } from '../../../electron/engine/notify/sign-webhook';
import { solidColor } from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';

export interface Fixture {
  engine: Engine;
  dataDir: string;
  /** A queued link, added before each test. */
  uid: string;
  /** A file on disk, for addFiles. */
  file: string;
  /** A list of two links, for importList. */
  list: string;
}

/** What crosses Electron's IPC: a structured clone of the envelope. */
export async function door(engine: FerryCommands, name: unknown, input: unknown): Promise<Envelope<unknown>> {
  return structuredClone(await dispatch(engine, name, input));
}

async function value(f: Fixture, name: CommandName, input: unknown): Promise<unknown> {
  const reply = await door(f.engine, name, input);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

export interface Case {
  /** Puts the data directory in the state the command needs. */
  arrange?: (f: Fixture) => Promise<unknown>;
  valid: (f: Fixture) => unknown;
  /** Asserts the answer has the shape and content the contract promises. */
  answers: (value: unknown, f: Fixture) => void | Promise<void>;
  invalid: unknown;
  /** The field the invalid input gets wrong, as the answer names it. */
  field: string;
}

export const missingUid = 'f'.repeat(32);
/** The fingerprint of a file under 2 MiB, written out: SHA-256 of its size, a newline and all its bytes. */
const fingerprintOf = (file: string) => {
  const bytes = fs.readFileSync(file);
  return createHash('sha256').update(`${bytes.length}\n`).update(bytes).digest('hex');
};
/** The fingerprint of findByFingerprint's file, per fixture (read when arranged: the fuzzing's placeholder fixture has no file). */
const fingerprints = new WeakMap<Fixture, string>();
/** The target testTarget's case saved, per fixture. */
const testedTargets = new WeakMap<Fixture, string>();
/** The ready video clip's case cuts from, per fixture. */
const clippedVideos = new WeakMap<Fixture, string>();
/** The target deliver's case saved, per fixture. */
const deliveredTargets = new WeakMap<Fixture, string>();
const queuedVideo = (f: Fixture) => expect.objectContaining({ uid: f.uid, status: expect.anything() });

export const cases: Record<CommandName, Case> = {
  addLinks: {
    valid: () => ({ links: [{ url: 'https://cdn.example.test/new.mp4', headers: { Authorization: 'Bearer k-1' } }] }),
    answers: (v) => {
      expect(v).toMatchObject({ queued: [{ status: { state: 'queued' } }], duplicates: [], invalid: [] });
      expect(JSON.stringify(v)).not.toContain('k-1');
    },
    invalid: { links: [{ url: 'https://a.test/v.mp4', headers: { 'Bad Name': 'x' } }] },
    field: 'links.0.headers.Bad Name',
  },
  addFiles: {
    valid: (f) => ({ paths: [f.file] }),
    answers: (v, f) =>
      expect(v).toMatchObject({ queued: [{ source: { kind: 'file', path: f.file } }], duplicates: [], invalid: [] }),
    invalid: { paths: ['/v.mp4'], options: { thumbnailTimestampPct: 2 } },
    field: 'options.thumbnailTimestampPct',
  },
  importList: {
    valid: (f) => ({ path: f.list }),
    answers: (v) => expect(v).toMatchObject({ queued: 2, uids: [expect.any(String), expect.any(String)] }),
    invalid: { path: '' },
    field: 'path',
  },
  checkLinks: {
    arrange: (f) => value(f, 'get', { uid: f.uid }),
    valid: () => ({
      content: 'https://cdn.example.test/new.mp4\nnot a link\nhttps://www.dropbox.com/s/abc/clip.mp4?dl=0',
      format: 'text',
    }),
    answers: (v) =>
      expect(v).toMatchObject({
        format: 'text',
        counts: { new: 2, duplicate: 0, invalid: 1 },
        rows: [
          { line: 1, status: 'new', url: 'https://cdn.example.test/new.mp4' },
          { line: 2, status: 'invalid', reason: expect.stringContaining('one link') },
          { line: 3, status: 'new', rewritten: true, url: expect.stringContaining('dl=1') },
        ],
      }),
    invalid: { content: 'https://a.test/v.mp4', format: 'xml' },
    field: 'format',
  },
  pause: {
    valid: (f) => ({ uids: [f.uid] }),
    answers: (v) => expect(v).toEqual({ changed: 1 }),
    invalid: { uids: ['abc'] },
    field: 'uids.0',
  },
  resume: {
    arrange: (f) => value(f, 'pause', { uids: [f.uid] }),
    valid: (f) => ({ uids: [f.uid] }),
    answers: (v) => expect(v).toEqual({ changed: 1 }),
    invalid: { uids: [] },
    field: 'uids',
  },
  cancel: {
    valid: () => ({ all: true }),
    answers: (v) => expect(v).toEqual({ changed: 1 }),
    invalid: { all: false },
    field: 'all',
  },
  retry: {
    arrange: (f) => value(f, 'cancel', { uids: [f.uid] }),
    valid: (f) => ({ uids: [f.uid] }),
    answers: (v) => expect(v).toEqual({ changed: 1 }),
    invalid: { uids: [42] },
    field: 'uids.0',
  },
  remove: {
    valid: (f) => ({ uids: [f.uid], deleteOutputs: true }),
    answers: async (v, f) => {
      expect(v).toEqual({ removed: 1 });
      expect(await value(f, 'getMany', { uids: [f.uid] })).toEqual([]);
    },
    invalid: { all: true, deleteOutputs: 'yes' },
    field: 'deleteOutputs',
  },
  moveToTop: {
    valid: (f) => ({ uid: f.uid }),
    answers: (v, f) => expect(v).toEqual(queuedVideo(f)),
    invalid: { uid: 'abc' },
    field: 'uid',
  },
  move: {
    valid: (f) => ({ uid: f.uid, to: 'bottom' }),
    answers: (v, f) => expect(v).toEqual(queuedVideo(f)),
    invalid: { uid: missingUid, to: 'sideways' },
    field: 'to',
  },
  deliver: {
    arrange: async (f) => {
      const input = { name: 'later', provider: 'tus', mode: 'push', endpoint: 'https://tus.example.test/files/' };
      deliveredTargets.set(f, ((await value(f, 'saveTarget', input)) as { id: string }).id);
    },
    // The fuzzing reads valid inputs without arranging: an id of the right shape then.
    valid: (f) => ({ uids: [f.uid], targets: [deliveredTargets.get(f) ?? 'unsaved-target'] }),
    // The fixture's video is queued: nothing to send yet, and it says so.
    answers: (v) => expect(v).toEqual({ queued: 0, videos: 0, notReady: 1 }),
    invalid: { all: true, targets: [] },
    field: 'targets',
  },
  shareLinks: {
    valid: (f) => ({ uid: f.uid }),
    answers: (v) =>
      expect(v).toEqual({
        files: null,
        urls: null,
        embed: null,
        expiresAt: null,
        why: expect.stringContaining('not ready'),
      }),
    invalid: { uid: 'abc' },
    field: 'uid',
  },
  pauseQueue: {
    valid: () => undefined,
    answers: (v) => expect(v).toMatchObject({ total: 1, queue: { paused: true } }),
    invalid: { now: true },
    field: 'input',
  },
  resumeQueue: {
    arrange: (f) => value(f, 'pauseQueue', undefined),
    valid: () => undefined,
    answers: (v) => expect(v).toMatchObject({ queue: { paused: false, stopAfterCurrent: false } }),
    invalid: 1,
    field: 'input',
  },
  stopAfterCurrent: {
    valid: () => undefined,
    answers: (v) => expect(v).toMatchObject({ queue: { paused: false, stopAfterCurrent: true } }),
    invalid: 'now',
    field: 'input',
  },
  list: {
    valid: () => ({ state: 'queued', limit: 10 }),
    answers: (v, f) => expect(v).toEqual({ videos: [queuedVideo(f)], total: 1 }),
    invalid: { limit: 0 },
    field: 'limit',
  },
  get: {
    valid: (f) => ({ uid: f.uid }),
    answers: (v, f) =>
      expect(v).toMatchObject({ uid: f.uid, source: { kind: 'url', url: 'https://cdn.example.test/seed.mp4' } }),
    invalid: { uid: 7 },
    field: 'uid',
  },
  edit: {
    valid: (f) => ({
      uid: f.uid,
      changes: {
        meta: { name: 'Renamed' },
        requireSignedURLs: true,
        allowedOrigins: ['*.example.com'],
        creator: 'c-1',
      },
    }),
    answers: async (v, f) => {
      const edited = { meta: expect.objectContaining({ name: 'Renamed' }), requireSignedURLs: true, creator: 'c-1' };
      expect(v).toMatchObject({ uid: f.uid, ...edited, allowedOrigins: ['*.example.com'] });
      expect(await value(f, 'get', { uid: f.uid })).toMatchObject(edited);
      expect(await value(f, 'list', { creator: 'c-1', search: 'Renamed' })).toMatchObject({ total: 1 });
    },
    invalid: { uid: missingUid, changes: { allowedOrigins: ['https://a b'] } },
    field: 'changes.allowedOrigins.0',
  },
  clip: {
    // A real two-second video, transcoded: a clip is cut from a ready one.
    arrange: async (f) => {
      const file = await solidColor(f.dataDir, 'navy', '160x90', 2);
      const added = (await value(f, 'addFiles', { paths: [file] })) as { queued: Video[] };
      await f.engine.run();
      clippedVideos.set(f, (added.queued[0] as Video).uid);
    },
    valid: (f) => ({ uid: clippedVideos.get(f) ?? missingUid, start: 0.5, end: 1.5 }),
    answers: async (v, f) => {
      const from = clippedVideos.get(f);
      expect(v).toMatchObject({ clippedFrom: from, trim: { start: 0.5, end: 1.5 }, status: { state: 'queued' } });
      await f.engine.run();
      expect(await value(f, 'get', { uid: (v as Video).uid })).toMatchObject({
        duration: 1,
        status: { state: 'ready' },
      });
    },
    invalid: { uid: missingUid, start: 2, end: 1 },
    field: 'end',
  },
  getMany: {
    valid: (f) => ({ uids: [missingUid, f.uid] }),
    answers: (v, f) => expect(v).toEqual([queuedVideo(f)]),
    invalid: { uids: 'all' },
    field: 'uids',
  },
  history: {
    arrange: (f) => value(f, 'pause', { uids: [f.uid] }),
    valid: (f) => ({ uid: f.uid }),
    answers: (v) =>
      expect(v).toContainEqual({
        at: expect.any(String),
        type: expect.any(String),
        data: expect.objectContaining({ to: 'paused' }),
      }),
    invalid: {},
    field: 'uid',
  },
  findByFingerprint: {
    arrange: async (f) => {
      fingerprints.set(f, fingerprintOf(f.file));
      await value(f, 'addFiles', { paths: [f.file] });
    },
    valid: (f) => ({ fingerprints: ['0'.repeat(64), fingerprints.get(f) ?? '1'.repeat(64)] }),
    answers: (v, f) =>
      expect(v).toEqual([
        { fingerprint: fingerprintOf(f.file), uid: expect.any(String), name: path.basename(f.file), state: 'queued' },
      ]),
    invalid: { fingerprints: ['not-hex'] },
    field: 'fingerprints.0',
  },
  totals: {
    valid: () => undefined,
    answers: (v) =>
      expect(v).toMatchObject({ total: 1, byState: { queued: 1, ready: 0 }, etaSeconds: expect.any(Number) }),
    invalid: { extra: true },
    field: 'input',
  },
  getSettings: {
    valid: () => undefined,
    answers: (v) =>
      expect(v).toMatchObject({
        webhookUrl: null,
        keepOriginal: true,
        webhookSecret: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    invalid: 'webhookUrl',
    field: 'input',
  },
  setSettings: {
    valid: () => ({
      webhookUrl: 'http://127.0.0.1:9/hooks',
      concurrency: { downloads: 8, downloadsPerHost: 2, transcodes: 1, deliveries: 3 },
    }),
    answers: async (v, f) => {
      expect(v).toMatchObject({ webhookUrl: 'http://127.0.0.1:9/hooks', concurrency: { downloads: 8 } });
      expect(await value(f, 'getSettings', undefined)).toEqual(v);
    },
    invalid: { concurrency: { downloads: 99, downloadsPerHost: 2, transcodes: 1, deliveries: 3 } },
    field: 'concurrency.downloads',
  },
  libraryStatus: {
    valid: () => undefined,
    answers: (v, f) =>
      expect(v).toEqual({ library: path.join(f.dataDir, 'library'), freeBytes: expect.any(Number), move: null }),
    invalid: { extra: true },
    field: 'input',
  },
  moveLibrary: {
    valid: (f) => ({ to: path.join(f.dataDir, 'moved-library') }),
    answers: async (v, f) => {
      expect(v).toMatchObject({ library: path.join(f.dataDir, 'moved-library'), move: null });
      expect(await value(f, 'getSettings', undefined)).toMatchObject({
        library: path.join(f.dataDir, 'moved-library'),
      });
    },
    invalid: { to: '' },
    field: 'to',
  },
  listTargets: {
    arrange: (f) =>
      value(f, 'saveTarget', {
        name: 'archive',
        provider: 'tus',
        mode: 'push',
        endpoint: 'https://tus.example.test/files/',
      }),
    valid: () => undefined,
    answers: (v) =>
      expect(v).toEqual([expect.objectContaining({ name: 'archive', provider: 'tus', hasCredential: false })]),
    invalid: [],
    field: 'input',
  },
  saveTarget: {
    valid: () => ({
      name: 'archive',
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.example.test/files/',
      credential: 'Bearer s3cret',
    }),
    answers: (v) => {
      expect(v).toEqual({
        id: expect.any(String),
        name: 'archive',
        provider: 'tus',
        mode: 'push',
        endpoint: 'https://tus.example.test/files/',
        account: null,
        library: null,
        index: null,
        send: 'mp4',
        readyWhen: 'complete',
        hasCredential: true,
      });
      expect(JSON.stringify(v)).not.toContain('s3cret');
    },
    invalid: { name: 'archive', provider: 'tus', mode: 'push', endpoint: 'ftp://tus.example.test/' },
    field: 'endpoint',
  },
  removeTarget: {
    valid: () => ({ id: 'no-such-target' }),
    answers: (v) => expect(v).toEqual({ removed: false }),
    invalid: { id: '' },
    field: 'id',
  },
  testTarget: {
    // A TUS server on a port nothing listens on: the test runs and says what it found.
    arrange: async (f) => {
      const input = { name: 'closed', provider: 'tus', mode: 'push', endpoint: 'http://127.0.0.1:9/files/' };
      const saved = (await value(f, 'saveTarget', input)) as { id: string };
      testedTargets.set(f, saved.id);
    },
    valid: (f) => ({ id: testedTargets.get(f) }),
    answers: (v) =>
      expect(v).toEqual({
        ok: false,
        message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:9\/files\//),
        fix: 'endpoint',
      }),
    invalid: { id: '' },
    field: 'id',
  },
  verifyWebhook: {
    valid: () => ({ signature: signed.signature, body: signed.body, secret: signed.secret }),
    answers: (v) => expect(v).toEqual({ valid: true, signedAt: new Date(signed.time * 1000).toISOString() }),
    invalid: { signature: 'time=1,sig1=00', body: '{}', toleranceSeconds: -1 },
    field: 'toleranceSeconds',
  },
  restartEngine: {
    valid: () => undefined,
    answers: (v) => expect(v).toEqual({ state: 'running', crashes: 0 }),
    invalid: { now: true },
    field: 'input',
  },
};

const signed = {
  secret: 'ab'.repeat(32),
  body: '{"uid":"x","status":{"state":"ready"}}',
  time: Math.floor(Date.now() / 1000),
  get signature() {
    return signWebhook(this.body, this.secret, this.time);
  },
};

/** A data directory with one queued link, a file for addFiles and a list of two links for importList. */
export async function openFixture(): Promise<Fixture> {
  const dataDir = tempDir();
  // No keychain in the test process: the file store keeps saveTarget's credential
  // (test/engine/delivery/keychain-credentials.test.ts covers the keychain).
  const engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
  const file = path.join(dataDir, 'clip.mp4');
  fs.writeFileSync(file, 'not really a video, but a file');
  const list = path.join(dataDir, 'links.txt');
  fs.writeFileSync(list, 'https://cdn.example.test/a.mp4\nhttps://cdn.example.test/b.mp4\n');
  const added = await engine.addLinks({ links: [{ url: 'https://cdn.example.test/seed.mp4' }] });
  return { engine, dataDir, uid: (added.queued[0] as Video).uid, file, list };
}
