/**
 * Credentials in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux) through @napi-rs/keyring, which the app and the `ferry` CLI both load: one store for
 * both, whichever process saved the target.
 */
import path from 'node:path';
import { Entry, findCredentials } from '@napi-rs/keyring';
import { FerryError } from '../../../shared/ferry-error';
import type { CredentialVault } from './credential-vault';

const service = 'Ferry';

export class KeychainVault implements CredentialVault {
  readonly kind = 'keychain';
  private readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = path.resolve(dataDir);
  }

  /**
   * Null when there is no entry, but also when the keychain cannot be reached: the binding does
   * not tell the two apart on a read, so a caller that expects a credential says so itself.
   */
  get(targetId: string): string | null {
    return this.call('read', (entry) => entry.getPassword() ?? null, targetId);
  }

  set(targetId: string, credential: string): void {
    this.call('save', (entry) => entry.setPassword(credential), targetId);
  }

  /** An unreachable keychain is not reported here either (see get): its entry is left behind. */
  delete(targetId: string): void {
    this.call('remove', (entry) => entry.deleteCredential(), targetId);
  }

  /**
   * Throws when the keychain cannot be reached, for `ferry doctor`. A search of a service that
   * has no entries: unlike a read, it fails when there is no keychain, and it reads no secret.
   */
  check(): void {
    try {
      findCredentials(`${service} keychain check`);
    } catch (error) {
      throw unreachable('be reached', error);
    }
  }

  /**
   * The account names the data directory as well as the target: each data directory (the
   * app's, a `--data-dir` of the CLI, a server's) has its own ferry.db and its own targets, and
   * a user looking at the keychain sees which Ferry an entry belongs to.
   */
  private entry(targetId: string): Entry {
    // `headers:<ref>` is a link's request headers (link-header-secrets), anything else a target.
    const [kind, id] = targetId.startsWith('headers:') ? ['headers', targetId.slice(8)] : ['target', targetId];
    return new Entry(service, `${kind}:${this.dataDir}:${id}`);
  }

  private call<T>(action: string, work: (entry: Entry) => T, targetId: string): T {
    try {
      return work(this.entry(targetId));
    } catch (error) {
      const whose = targetId.startsWith('headers:') ? "a link's request headers" : `delivery target ${targetId}`;
      throw unreachable(`${action} the credential of ${whose}`, error);
    }
  }
}

/** The binding's message names the platform's failure, never the credential. */
function unreachable(what: string, error: unknown): FerryError {
  return new FerryError(
    'NOT_AVAILABLE',
    `The OS keychain cannot ${what}: ${(error as Error).message}. Unlock the keychain (on Linux, start a ` +
      'Secret Service such as gnome-keyring), or, on a server without one, set FERRY_CREDENTIALS=file to keep ' +
      'credentials in a file only you can read in the data directory.',
  );
}
