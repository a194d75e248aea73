/**
 * Credentials in a file only the owner can read (0600), in the data directory: the explicit
 * opt-in (FERRY_CREDENTIALS=file) for headless servers without a keychain. `ferry doctor` warns
 * while it is used, since anyone who can read the user's files can read the credentials.
 */
import fs from 'node:fs';
import { dataPaths } from '../data-paths';
import type { CredentialVault } from './credential-vault';

export class FileVault implements CredentialVault {
  readonly kind = 'file';
  readonly file: string;

  constructor(dataDir: string) {
    this.file = dataPaths(dataDir).credentials;
  }

  get(targetId: string): string | null {
    return this.read()[targetId] ?? null;
  }

  set(targetId: string, credential: string): void {
    this.write({ ...this.read(), [targetId]: credential });
  }

  delete(targetId: string): void {
    const all = this.read();
    if (!(targetId in all)) return;
    this.write(Object.fromEntries(Object.entries(all).filter(([id]) => id !== targetId)));
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** Through a 0600 temporary file and a rename: never readable by others, never half written. */
  private write(all: Record<string, string>): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(all), { mode: 0o600 });
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, this.file);
  }
}
