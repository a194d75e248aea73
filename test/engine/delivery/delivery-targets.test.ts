/** Delivery targets through the engine's commands: saved, listed, changed, removed; the credential never comes back. */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import type { DeliveryTargetInput } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import { tempDir } from '../../helpers/temp-dir';

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

  it('refuses what cannot work, saying what to do', async () => {
    const dataDir = tempDir();
    engine = createEngine({ dataDir, credentials: new FileVault(dataDir) });
    const cloudflare = await refusal(engine.saveTarget({ ...tus, provider: 'cloudflare' }));
    expect(cloudflare.code).toBe('NOT_AVAILABLE');
    expect(cloudflare.message).toMatch(/Cloudflare Stream is not available.*provider "tus"/);
    const pull = await refusal(engine.saveTarget({ ...tus, mode: 'pull' }));
    expect(pull).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('mode "pull"') });
    // Named by field, so a form can show the reason beside it.
    expect(pull.issues?.map((issue) => issue.path)).toEqual(['mode']);
    const badUrl = await refusal(engine.saveTarget({ ...tus, endpoint: 'ftp://tus.example.test/' }));
    expect(badUrl).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('endpoint') });
    const missing = await refusal(engine.saveTarget({ ...tus, id: 'nope' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await engine.listTargets()).toEqual([]);

    const saved = await engine.saveTarget(tus);
    const twin = await refusal(engine.saveTarget({ ...tus, endpoint: 'https://other.example.test/' }));
    expect(twin.message).toContain(`already exists (id ${saved.id})`);
    expect(twin.issues?.map((issue) => issue.path)).toEqual(['name']);
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
