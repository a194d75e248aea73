/**
 * The secrets `ferry serve` keeps in the data directory, readable by its owner only (0600): the
 * API token (`serve-token`, generated on first run unless one is given) and the key that signs
 * playback tokens and one-time upload URLs (`serve-signing.key`, never printed).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { dataPaths } from '../engine/data-paths';

/** The secret in `file`, or `make()`'s, written there first with mode 0600 (a looser file is tightened). */
export function readOrCreateSecret(file: string, make: () => string): string {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = fs.readFileSync(file, 'utf8').trim();
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      if (text !== '') return text;
      fs.unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const value = make();
    try {
      // `wx`: two servers starting at once cannot overwrite each other's secret; the second reads the first's.
      fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
      return value;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Could not read or create ${file}.`);
}

/** 32 random bytes, base64url: safe in a URL fragment and a header. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export function serveSecrets(dataDir: string, givenToken?: string): { token: string; signingKey: Buffer } {
  const paths = dataPaths(dataDir);
  const token = givenToken ?? readOrCreateSecret(paths.serveToken, newToken);
  const key = readOrCreateSecret(paths.serveSigningKey, () => randomBytes(32).toString('hex'));
  return { token, signingKey: Buffer.from(key, 'hex') };
}
