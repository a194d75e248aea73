/** Delivery targets through the engine's commands: saved, listed, changed, removed; the credential never comes back. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { openDatabase } from '../../../electron/engine/store/open-database';
import { TargetStore } from '../../../electron/engine/store/target-store';
import type { IngestOptions } from '../../../shared/api';
import type { DeliveryTargetInput } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';
import { startTusServer } from '../../helpers/tus-server';

const tus: DeliveryTargetInput = {
  name: 'archive',
  provider: 'tus',
  mode: 'push',
  endpoint: 'https://tus.example.test/files/',
  credential: 'Bearer s3cret',
};

// No keychain in this process: the file store stands in (keychain-credentials.test.ts covers the keychain).
let engine: Engine;
afterEach(() => engine?.close());

async function refusal(work: Promise<unknown>): Promise<FerryError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FerryError);
  return error as FerryError;
}

describe('delivery targets', () => {
  it('are saved, listed, changed and removed, with hasCredential in place of the credential', async () => {
    const dataDir = tempDir();
    engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    expect(await engine.listTargets()).toEqual([]);
    const saved = await engine.saveTarget(tus);
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
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
    expect(await engine.listTargets()).toEqual([saved]);
    expect(JSON.stringify(await engine.listTargets())).not.toContain('s3cret');

    // Changed without a credential: the stored one stays; an empty one removes it.
    const renamed = await engine.saveTarget({ ...tus, credential: undefined, id: saved.id, name: 'vault' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'vault', hasCredential: true });
    expect(await engine.saveTarget({ ...tus, id: saved.id, name: 'vault', credential: '' })).toMatchObject({
      hasCredential: false,
    });

    // Kept across a restart.
    engine.close();
    engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    expect(await engine.listTargets()).toEqual([{ ...saved, name: 'vault', hasCredential: false }]);
    expect(await engine.removeTarget({ id: saved.id })).toEqual({ removed: true });
    expect(await engine.removeTarget({ id: saved.id })).toEqual({ removed: false });
    expect(await engine.listTargets()).toEqual([]);
  });

  it("takes each service's own fields and defaults its API base", async () => {
    const dataDir = tempDir();
    engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    const cloudflare = await engine.saveTarget({ name: 'cf', provider: 'cloudflare', mode: 'pull', account: 'acc1' });
    expect(cloudflare).toMatchObject({ endpoint: 'https://api.cloudflare.com', account: 'acc1', mode: 'pull' });
    const bunny = await engine.saveTarget({
      name: 'bunny',
      provider: 'bunny',
      mode: 'push',
      library: '42',
      send: 'original',
      readyWhen: 'playable',
      endpoint: 'http://127.0.0.1:9/',
    });
    // Another host (a proxy, a double) replaces the API base; its trailing slash goes, paths are appended.
    expect(bunny).toMatchObject({
      endpoint: 'http://127.0.0.1:9',
      library: '42',
      send: 'original',
      readyWhen: 'playable',
    });
    // A field the service does not use is not kept.
    expect(await engine.saveTarget({ name: 'g', provider: 'gcore', mode: 'pull', account: 'ignored' })).toMatchObject({
      account: null,
    });
  });

  it('refuses what cannot work, naming the field and what to do', async () => {
    const dataDir = tempDir();
    engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    const noAccount = await refusal(engine.saveTarget({ name: 'cf', provider: 'cloudflare', mode: 'push' }));
    expect(noAccount).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('account ID') });
    expect(noAccount.issues?.map((issue) => issue.path)).toEqual(['account']);
    const omegaPush = await refusal(engine.saveTarget({ name: 'o', provider: 'omega', mode: 'push' }));
    expect(omegaPush.issues).toEqual([
      { path: 'mode', message: expect.stringMatching(/Omega Stream takes no uploads.*pull/) },
    ]);
    const tusPull = await refusal(engine.saveTarget({ ...tus, mode: 'pull' }));
    expect(tusPull.issues).toEqual([
      { path: 'mode', message: expect.stringMatching(/cannot fetch links itself; choose mode push/) },
    ]);
    const noEndpoint = await refusal(engine.saveTarget({ name: 't', provider: 'tus', mode: 'push' }));
    expect(noEndpoint.issues?.map((issue) => issue.path)).toEqual(['endpoint']);
    const badUrl = await refusal(engine.saveTarget({ ...tus, endpoint: 'ftp://tus.example.test/' }));
    expect(badUrl).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('endpoint') });
    const badId = await refusal(
      engine.saveTarget({ name: 'cf', provider: 'cloudflare', mode: 'push', account: '../x' }),
    );
    expect(badId.issues?.map((issue) => issue.path)).toEqual(['account']);
    const missing = await refusal(engine.saveTarget({ ...tus, id: 'nope' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await engine.listTargets()).toEqual([]);

    const saved = await engine.saveTarget(tus);
    const twin = await refusal(engine.saveTarget({ ...tus, endpoint: 'https://other.example.test/' }));
    expect(twin.message).toContain(`already exists (id ${saved.id})`);
    expect(twin.issues?.map((issue) => issue.path)).toEqual(['name']);
  });

  it('are tested against the service: a TUS server answers, a closed port and a refused credential say what to do', async () => {
    const server = await startTusServer({ requireAuthorization: 'Bearer s3cret' });
    try {
      const dataDir = tempDir();
      engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
      const good = await engine.saveTarget({ ...tus, endpoint: server.endpoint });
      expect(await engine.testTarget({ id: good.id })).toEqual({
        ok: true,
        message: expect.stringMatching(/is a TUS server \(versions 1\.0\.0\)/),
      });
      const wrong = await engine.saveTarget({
        ...tus,
        name: 'wrong',
        endpoint: server.endpoint,
        credential: 'Bearer no',
      });
      expect(await engine.testTarget({ id: wrong.id })).toMatchObject({
        ok: false,
        message: expect.stringContaining('401'),
        fix: 'credential',
      });
      const closed = await engine.saveTarget({
        name: 'cf',
        provider: 'cloudflare',
        mode: 'push',
        account: 'a',
        endpoint: 'http://127.0.0.1:9',
      });
      expect(await engine.testTarget({ id: closed.id })).toEqual({
        ok: false,
        message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:9: .*Check the endpoint/),
        fix: 'endpoint',
      });
      expect(await refusal(engine.testTarget({ id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await server.close();
    }
  });

  it('every finished video goes to the default targets, unless added with its own; a removed target stops being one', async () => {
    const server = await startTusServer();
    const mediaDir = tempDir();
    try {
      // One file each: the same file twice would be a duplicate.
      const files = await Promise.all(
        ['a', 'b', 'c'].map((n) => {
          fs.mkdirSync(path.join(mediaDir, n));
          return make.noisyMp4(path.join(mediaDir, n), 1);
        }),
      );
      const dataDir = tempDir();
      engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
      const archive = await engine.saveTarget({ ...tus, endpoint: server.endpoint, credential: undefined });
      const refused = await refusal(
        engine.setSettings({ delivery: { deliverTo: ['nope'], maxUploadBytesPerSecond: null } }),
      );
      expect(refused.code).toBe('INVALID_INPUT');
      await engine.setSettings({ delivery: { deliverTo: [archive.id], maxUploadBytesPerSecond: null } });
      const add = async (file: string, options: IngestOptions = {}) =>
        (await engine.addFiles({ paths: [file], options: { transcode: false, ...options } })).queued[0]!.uid;
      const byDefault = await add(files[0]!);
      const ownList = await add(files[1]!, { deliverTo: [] });
      await engine.run();
      expect((await engine.get({ uid: byDefault })).deliveries).toEqual([
        expect.objectContaining({ target: archive.id, state: 'ready' }),
      ]);
      expect((await engine.get({ uid: ownList })).deliveries).toEqual([]);

      await engine.removeTarget({ id: archive.id });
      expect((await engine.getSettings()).delivery.deliverTo).toEqual([]);
      // Adding still works, without the removed target.
      expect(await add(files[2]!)).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await server.close();
    }
  });

  it('must exist to be delivered to', async () => {
    engine = createEngine({ dataDir: tempDir() });
    const unknown = await refusal(engine.addFiles({ paths: ['/tmp/a.mp4'], options: { deliverTo: ['nope'] } }));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"nope"') });
    expect((await engine.list({})).total).toBe(0);
    const links = await refusal(
      engine.addLinks({ links: [{ url: 'https://a.test/v.mp4' }], options: { deliverTo: ['x'] } }),
    );
    expect(links.code).toBe('INVALID_INPUT');
  });
});

/**
 * What a re-save keeps, through the engine's door (the app's and the CLI's): the credential goes
 * only where it was sent, and a target marked public-only by a save over ferry serve keeps the
 * mark until the local user writes a new endpoint.
 */
function open(): { engine: Engine; vault: FileVault; publicOnly(id: string): boolean } {
  const dataDir = tempDir();
  const vault = new FileVault(dataDir);
  engine = createEngine({ dataDir, credentials: vault });
  const publicOnly = (id: string) => {
    const { db } = openDatabase(path.join(dataDir, 'ferry.db'));
    try {
      return new TargetStore(db).publicOnly(id);
    } finally {
      db.close();
    }
  };
  return { engine, vault, publicOnly };
}

describe('re-saving a delivery target', () => {
  it('drops the stored credential when the endpoint moves to another scheme, host or port, unless one comes with it', async () => {
    const { engine, vault } = open();
    const { id } = await engine.saveTarget(tus);
    const fields: DeliveryTargetInput = { ...tus };
    delete fields.credential;
    const resave = (endpoint: string, credential?: string) =>
      engine.saveTarget({ ...fields, id, endpoint, ...(credential === undefined ? {} : { credential }) });

    // Same origin, another path: still the user's server, the credential stays.
    expect(await resave('https://tus.example.test/uploads/', undefined)).toMatchObject({ hasCredential: true });
    expect(vault.get(id)).toBe('Bearer s3cret');
    for (const elsewhere of [
      'http://tus.example.test/uploads/',
      'https://other.example.test/uploads/',
      'https://tus.example.test:8443/uploads/',
    ]) {
      await resave('https://tus.example.test/uploads/', 'Bearer s3cret');
      expect(await resave(elsewhere), elsewhere).toMatchObject({ hasCredential: false });
      expect(vault.get(id)).toBeNull();
    }
    // A credential given with the move is the one kept.
    expect(await resave('https://third.example.test/', 'Bearer new')).toMatchObject({ hasCredential: true });
    expect(vault.get(id)).toBe('Bearer new');
  });

  it('keeps the public-only mark of a save over ferry serve until the local user writes a new endpoint', async () => {
    const { engine, publicOnly } = open();
    const { id } = await engine.saveTarget(tus);
    expect(publicOnly(id)).toBe(false);
    // Saved over ferry serve (its doors add privateNetworks: false).
    await engine.saveTarget({ ...tus, id, privateNetworks: false });
    expect(publicOnly(id)).toBe(true);
    // Renamed by the local user: the endpoint is still the one a caller chose.
    await engine.saveTarget({ ...tus, id, name: 'renamed' });
    expect(publicOnly(id)).toBe(true);
    // The local user typed a new endpoint: theirs now, it may reach their network.
    await engine.saveTarget({ ...tus, id, name: 'renamed', endpoint: 'https://nas.example.test/files/' });
    expect(publicOnly(id)).toBe(false);
    // Saved over ferry serve again, the same endpoint: marked again.
    await engine.saveTarget({
      ...tus,
      id,
      name: 'renamed',
      endpoint: 'https://nas.example.test/files/',
      privateNetworks: false,
    });
    expect(publicOnly(id)).toBe(true);
  });
});
