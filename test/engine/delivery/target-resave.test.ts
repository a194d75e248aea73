/**
 * What a save keeps of a target, through the engine's door (the app's and the CLI's): its
 * credential goes only where it was sent (a new origin drops it unless one comes with the save),
 * and a target marked public-only by a save over ferry serve keeps the mark until the local user
 * writes a new endpoint.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { openDatabase } from '../../../electron/engine/queue/open-database';
import { TargetStore } from '../../../electron/engine/queue/target-store';
import type { DeliveryTargetInput } from '../../../shared/delivery-targets';
import { tempDir } from '../../helpers/temp-dir';

const tus: DeliveryTargetInput = {
  name: 'archive',
  provider: 'tus',
  mode: 'push',
  endpoint: 'https://tus.example.test/files/',
  credential: 'Bearer s3cret',
};

let engine: Engine;
afterEach(() => engine?.close());

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
