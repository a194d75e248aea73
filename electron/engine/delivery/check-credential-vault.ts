/** `ferry doctor`'s look at where delivery targets' credentials are kept. */
import { FileVault } from './file-vault';
import { openCredentialVault } from './open-credential-vault';

/** Warnings, each saying what to do; none when the OS keychain answers. */
export function credentialVaultWarnings(dataDir: string, env: NodeJS.ProcessEnv): string[] {
  const vault = openCredentialVault(dataDir, env);
  if (vault instanceof FileVault) {
    return [
      `Delivery target credentials and links' credential headers are kept in ${vault.file} (FERRY_CREDENTIALS=file), a file only your user can ` +
        'read but in clear: anyone with access to your files or backups can read them. Use the OS keychain where ' +
        'there is one (leave FERRY_CREDENTIALS unset).',
    ];
  }
  try {
    vault.check();
    return [];
  } catch (error) {
    return [
      `${(error as Error).message} Until then, targets cannot be saved with a credential nor links added with ` +
        'credential headers, and credentials an older Ferry kept in ferry.db stay there.',
    ];
  }
}
