/**
 * The one door: every command of the contract, with a valid and an invalid input, against a real
 * engine on a real SQLite file; every error type to its code; and every answer as it arrives
 * after Electron's IPC, which structured-clones what it carries.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandNames, type FerryCommands } from '../../../shared/api';
import { IllegalTransitionError } from '../../../shared/video-states';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { runEngine } from '../../../electron/engine/api/run-engine';
import { createEngine } from '../../../electron/engine/create-engine';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { until } from '../../helpers/wait-for';
import { cases, door, missingUid, openFixture, type Fixture } from './command-cases';

/** The pid in the data directory's runner lock, read as another process would. */
function runnerPid(dataDir: string): number | undefined {
  const db = new Database(path.join(dataDir, 'ferry.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'runner'").pluck().get() as string | undefined;
    return row ? (JSON.parse(row) as { pid: number } | null)?.pid : undefined;
  } finally {
    db.close();
  }
}

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.engine.close());

describe('the dispatcher', () => {
  it.each(commandNames)('"%s" answers a valid input with ok and the contract\'s value', async (name) => {
    const check = cases[name];
    await check.arrange?.(f);
    const input = check.valid(f);
    const reply = await dispatch(f.engine, name, input);
    // What the renderer gets after IPC is the same envelope.
    expect(structuredClone(reply)).toEqual(reply);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    if (reply.ok) await check.answers(structuredClone(reply.value), f);
  });

  it.each(commandNames)('"%s" refuses an invalid input with INVALID_INPUT, naming the field', async (name) => {
    const { invalid, field } = cases[name];
    const reply = await door(f.engine, name, invalid);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (reply.ok) return;
    expect(reply.error.issues?.map((issue) => issue.path)).toContain(field);
    expect(reply.error.message).toContain(`"${name}"`);
    expect(reply.error.message).toContain(field);
  });

  it('refuses a name that is not a command with UNKNOWN_COMMAND, listing the commands', async () => {
    for (const name of ['frobnicate', 42, undefined, 'toString', '__proto__']) {
      const reply = await door(f.engine, name, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      if (!reply.ok) expect(reply.error.message).toContain('addLinks, addFiles');
    }
  });

  it("answers NOT_FOUND for a uid with no video, and the engine's own INVALID_INPUT with its message", async () => {
    expect(await door(f.engine, 'get', { uid: missingUid })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `No video with uid ${missingUid} in ${f.dataDir}.` },
    });
    expect(await door(f.engine, 'history', { uid: missingUid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const unknownTarget = await door(f.engine, 'addFiles', { paths: [f.file], options: { deliverTo: ['nope'] } });
    expect(unknownTarget).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('"nope"') },
    });
  });

  it('answers INVALID_INPUT naming the field a service needs', async () => {
    const reply = await door(f.engine, 'saveTarget', { name: 'stream', provider: 'cloudflare', mode: 'push' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('account ID'), issues: [{ path: 'account' }] },
    });
  });

  it('answers ILLEGAL_TRANSITION when the engine refuses a change of state', async () => {
    const refusing: FerryCommands = {
      ...f.engine,
      pause: () => Promise.reject(new IllegalTransitionError(f.uid, 'ready', 'paused')),
    };
    expect(await door(refusing, 'pause', { uids: [f.uid] })).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: `Video ${f.uid} cannot go from "ready" to "paused".` },
    });
  });

  it("answers BUSY, with the runner's pid, when another process works the queue", async () => {
    await f.engine.pauseQueue(); // the other runner only holds the queue, it works nothing
    const other = spawnTs(path.join(repoRoot, 'bin/ferry.mjs'), ['run', '--watch', '--data-dir', f.dataDir]);
    const ended = finished(other, 60_000);
    try {
      // `ferry run --watch` works the queue through its engine, in a process of its own.
      await until(() => runnerPid(f.dataDir) !== undefined, 30_000);
      const runner = runnerPid(f.dataDir);
      const reply = structuredClone(await runEngine(f.engine, {}));
      expect(reply).toMatchObject({ ok: false, error: { code: 'BUSY', runnerPid: runner } });
      if (!reply.ok) expect(reply.error.message).toContain(`Another Ferry (process ${runner})`);
    } finally {
      other.kill('SIGTERM');
      await ended;
    }
  });

  it('answers INTERNAL with the original message for anything else, and never throws', async () => {
    const throwing: FerryCommands = { ...f.engine, totals: () => Promise.reject('disk on fire') };
    expect(await door(throwing, 'totals', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk on fire' },
    });
    const hostile = {
      get limit(): number {
        throw new Error('a getter that throws');
      },
    };
    expect(await door(f.engine, 'list', hostile)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'a getter that throws' },
    });
    f.engine.close();
    const closed = await door(f.engine, 'list', {});
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/database connection is not open/) },
    });
    f.engine = createEngine({ dataDir: f.dataDir }); // for afterEach
  });
});
