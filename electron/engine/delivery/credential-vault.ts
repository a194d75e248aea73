/**
 * Where delivery targets' credentials, and links' request headers that are credentials (under
 * `headers:<ref>`, link-header-secrets.ts), live: never in ferry.db, so that a copied or backed-up
 * database gives nothing away. See open-credential-vault for which one is used.
 */
export interface CredentialVault {
  /** 'keychain' or 'file', for messages that say where to look. */
  readonly kind: 'keychain' | 'file';
  get(targetId: string): string | null;
  set(targetId: string, credential: string): void;
  /** Forgets the target's credential; nothing happens when there is none. */
  delete(targetId: string): void;
}
