/**
 * The OS keychain by default; a 0600 file only when asked for (FERRY_CREDENTIALS=file), for
 * headless servers that have no Secret Service. Never a silent fallback to the file: a user who
 * expects the keychain must not find credentials on disk.
 */
import { FileVault } from './file-vault';
import { KeychainVault } from './keychain-vault';

export function openCredentialVault(dataDir: string, env: NodeJS.ProcessEnv): FileVault | KeychainVault {
  return env.FERRY_CREDENTIALS === 'file' ? new FileVault(dataDir) : new KeychainVault(dataDir);
}
