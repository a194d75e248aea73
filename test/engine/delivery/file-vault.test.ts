/** The opt-in file store for headless servers (FERRY_CREDENTIALS=file): 0600, and ferry doctor warns. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { credentialVaultWarnings } from '../../../electron/engine/delivery/check-credential-vault';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe('the credentials file', () => {
  it('keeps, answers and forgets credentials in a file only its owner can read', () => {
    const dataDir = tempDir();
    const vault = new FileVault(dataDir);
    expect(vault.get('a')).toBeNull();
    vault.set('a', 'Bearer one');
    vault.set('b', 'Bearer two');
    expect(fs.statSync(vault.file).mode & 0o777).toBe(0o600);
    expect([vault.get('a'), vault.get('b')]).toEqual(['Bearer one', 'Bearer two']);
    vault.delete('a');
    vault.delete('a');
    expect([vault.get('a'), vault.get('b')]).toEqual([null, 'Bearer two']);
    expect(fs.statSync(vault.file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['credentials.json']);
  });

  it('is what the engine uses with FERRY_CREDENTIALS=file, and ferry.db never holds the credential', async () => {
    const dataDir = tempDir();
    const env = { ...process.env, FERRY_CREDENTIALS: 'file' };
    engine = createEngine({ dataDir, env });
    const saved = await engine.saveTarget({
      name: 'archive',
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.test/files/',
      credential: 'Bearer file-s3cret',
    });
    expect(new FileVault(dataDir).get(saved.id)).toBe('Bearer file-s3cret');
    for (const name of fs.readdirSync(dataDir).filter((n) => n.startsWith('ferry.db'))) {
      expect(fs.readFileSync(path.join(dataDir, name)).toString('latin1')).not.toContain('file-s3cret');
    }
    await engine.removeTarget({ id: saved.id });
    expect(new FileVault(dataDir).get(saved.id)).toBeNull();
  });

  it('makes ferry doctor warn while it is used', () => {
    const dataDir = tempDir();
    const [warning] = credentialVaultWarnings(dataDir, { FERRY_CREDENTIALS: 'file' });
    expect(warning).toContain(path.join(dataDir, 'credentials.json'));
    expect(warning).toContain('FERRY_CREDENTIALS');
  });
});
