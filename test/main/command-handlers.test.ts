import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandNames, type AddResult, type CommandName } from '../../shared/api';
import { commandSchemas } from '../../shared/validate-command';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { createCommandHandlers } from '../../electron/main/command-handlers';
import type { SenderInfo } from '../../electron/main/trusted-sender';
import { tempDir } from '../helpers/temp-dir';

const appFrame: SenderInfo = { url: 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html', isMainFrame: true };
const trusted = (sender: SenderInfo) => sender === appFrame;

/** A valid input for each command, so the test reaches the engine behind every handler. */
const validInputs: Record<CommandName, unknown> = {
  addLinks: { links: [{ url: 'https://example.test/a.mp4' }] },
  addFiles: { paths: ['/tmp/a.mp4'] },
  importList: { path: '' }, // set to a real list file in beforeEach
  checkLinks: { content: 'https://example.test/a.mp4' },
  pause: { all: true },
  resume: { all: true },
  cancel: { all: true },
  retry: { all: true },
  remove: { all: true },
  moveToTop: { uid: 'f'.repeat(32) },
  pauseQueue: undefined,
  resumeQueue: undefined,
  stopAfterCurrent: undefined,
  list: {},
  get: { uid: '0123456789abcdef0123456789abcdef' },
  edit: { uid: '0123456789abcdef0123456789abcdef', changes: { creator: 'c' } },
  getMany: { uids: ['0123456789abcdef0123456789abcdef'] },
  history: { uid: '0123456789abcdef0123456789abcdef' },
  totals: undefined,
  getSettings: undefined,
  setSettings: { keepOriginal: false },
  listTargets: undefined,
  saveTarget: { name: 'CF', provider: 'cloudflare', mode: 'push', endpoint: 'https://api.example.test', account: 'a1' },
  removeTarget: { id: 'x' },
  testTarget: { id: 'x' },
  verifyWebhook: { signature: 'time=1,sig1=00', body: '{}' },
  restartEngine: undefined,
};

describe('the IPC contract', () => {
  let engine: Engine;
  beforeEach(() => {
    const dir = tempDir();
    engine = createEngine({ dataDir: dir });
    const list = path.join(dir, 'links.txt');
    fs.writeFileSync(list, 'https://example.test/b.mp4\n');
    validInputs.importList = { path: list };
  });
  afterEach(() => engine.close());

  it('has a schema and a handler for every command, and nothing else', () => {
    const handlers = createCommandHandlers(engine, trusted);
    expect(Object.keys(handlers).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(commandSchemas).sort()).toEqual([...commandNames].sort());
  });

  it.each(commandNames)('"%s" refuses invalid input before it reaches the engine', async (name) => {
    const handlers = createCommandHandlers(engine, trusted);
    const reply = await handlers[name](appFrame, 42);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(`"${name}"`) },
    });
  });

  it.each(commandNames)('"%s" refuses a sender that is not the app frame', async (name) => {
    const handlers = createCommandHandlers(engine, trusted);
    const reply = await handlers[name]({ url: 'https://evil.example/', isMainFrame: true }, validInputs[name]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each(commandNames)('"%s" answers valid input from the engine, or says it is not available yet', async (name) => {
    const handlers = createCommandHandlers(engine, trusted);
    const reply = await handlers[name](appFrame, validInputs[name]);
    if (!reply.ok) expect(['NOT_AVAILABLE', 'NOT_FOUND']).toContain(reply.error.code);
    if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(20);
  });

  it('returns real data from the engine', async () => {
    const handlers = createCommandHandlers(engine, trusted);
    const added = await handlers.addLinks(appFrame, { links: [{ url: 'https://example.test/a.mov', name: 'A' }] });
    const uid = added.ok ? (added.value as AddResult).queued[0]?.uid : undefined;
    expect(await handlers.get(appFrame, { uid })).toMatchObject({ ok: true, value: { uid, meta: { name: 'A' } } });
    expect(await handlers.list(appFrame, {})).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await handlers.totals(appFrame, undefined)).toMatchObject({
      ok: true,
      value: { total: 1, byState: { queued: 1 } },
    });
    expect(await handlers.setSettings(appFrame, { keepOriginal: false })).toMatchObject({
      ok: true,
      value: { keepOriginal: false },
    });
    expect(await handlers.getSettings(appFrame, undefined)).toMatchObject({ ok: true, value: { keepOriginal: false } });
  });
});
