/**
 * A link's request headers that carry credentials (Authorization, Cookie, X-Api-Key, *-Token…)
 * live in the credential vault, as target credentials do, and ferry.db keeps only a reference
 * (store/stored-headers): a copied or backed-up database gives no origin's token away. Kept at
 * ingest, read back for each request, removed with the last video that needs them, and moved out
 * of rows an older Ferry wrote in clear at the first start.
 */
import { randomBytes } from 'node:crypto';
import { FerryError } from '../../../shared/ferry-error';
import { isSecretHeader } from '../../../shared/http-header-name';
import type { HeaderSecretRows } from '../store/header-secret-rows';
import { encodeStoredHeaders, type StoredHeaders } from '../store/stored-headers';
import type { CredentialVault } from './credential-vault';

const vaultId = (ref: string) => `headers:${ref}`;

/** The headers in two parts: credentials (by their names, or named so by the user), and the rest. Pure. */
export function splitHeaders(
  headers: Record<string, string>,
  namedSecret: readonly string[] = [],
): { clear: Record<string, string>; secret: Record<string, string> } {
  const named = new Set(namedSecret.map((name) => name.toLowerCase()));
  const clear: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    (isSecretHeader(name) || named.has(name.toLowerCase()) ? secret : clear)[name] = value;
  }
  return { clear, secret };
}

/**
 * What the database keeps for each set of headers, their credentials written to the vault first:
 * one entry per distinct set in this call, so an import of thousands of links that share one
 * token writes the vault once. When the vault refuses, the entries this call wrote are removed and
 * its error (which says what to do) is thrown, so no video is queued with credentials nowhere.
 */
export function keepHeaderSecrets(
  vault: CredentialVault,
  sets: readonly (Record<string, string> | undefined)[],
  namedSecret: readonly string[] = [],
): (StoredHeaders | undefined)[] {
  const refs = new Map<string, string>();
  try {
    return sets.map((headers) => {
      if (!headers || Object.keys(headers).length === 0) return undefined;
      const { clear, secret } = splitHeaders(headers, namedSecret);
      const names = Object.keys(secret);
      if (names.length === 0) return { clear };
      const values = JSON.stringify(secret);
      let ref = refs.get(values);
      if (ref === undefined) {
        ref = randomBytes(16).toString('hex');
        vault.set(vaultId(ref), values);
        refs.set(values, ref);
      }
      return { clear, secret: { ref, names } };
    });
  } catch (error) {
    forgetRefs(vault, [...refs.values()]);
    throw error;
  }
}

/** Removes vault entries, e.g. those of a batch that could not be queued. */
export function forgetRefs(vault: CredentialVault, refs: readonly string[]): void {
  for (const ref of refs) vault.delete(vaultId(ref));
}

/** The headers to send: the clear ones and the credentials read back from the vault. */
export function headersForRequest(vault: CredentialVault, stored: StoredHeaders): Record<string, string> {
  if (!stored.secret) return stored.clear;
  const values = vault.get(vaultId(stored.secret.ref));
  if (values === null) {
    const where = vault.kind === 'file' ? 'the credentials file' : 'the OS keychain';
    const fix =
      vault.kind === 'file'
        ? 'Add the link again with its headers.'
        : 'Unlock the keychain (on Linux, start a Secret Service such as gnome-keyring) and retry, or add the ' +
          'link again with its headers.';
    throw new FerryError(
      'NOT_AVAILABLE',
      `The link's request headers ${stored.secret.names.join(', ')} are not in ${where}. ${fix}`,
    );
  }
  return { ...stored.clear, ...(JSON.parse(values) as Record<string, string>) };
}

/** Removes the vault entries of `refs` that no video refers to any more (call after removing videos). */
export function forgetUnusedSecrets(rows: HeaderSecretRows, vault: CredentialVault, refs: readonly string[]): void {
  forgetRefs(vault, rows.unused(refs));
}

/**
 * Moves the credentials of headers stored in clear (by Ferry before they went to the vault) into
 * the vault, and rewrites those rows to keep only a reference. When the vault cannot be reached,
 * the rest stay until a start that can, rather than keeping Ferry from starting (as
 * target-credentials' moveClearCredentials does).
 */
export function moveClearRequestHeaders(rows: HeaderSecretRows, vault: CredentialVault): void {
  let moved = 0;
  for (const row of rows.olderRows()) {
    const { clear, secret } = splitHeaders(JSON.parse(row.headers) as Record<string, string>);
    const names = Object.keys(secret);
    if (names.length === 0) {
      rows.rewrite(row.uid, encodeStoredHeaders({ clear }));
      continue;
    }
    const ref = randomBytes(16).toString('hex');
    try {
      vault.set(vaultId(ref), JSON.stringify(secret));
    } catch {
      // The keychain cannot be reached: ferry doctor says so, and a start that reaches it moves the rest.
      break;
    }
    // Another process opening the same data directory may have moved this row meanwhile.
    if (rows.rewrite(row.uid, encodeStoredHeaders({ clear, secret: { ref, names } }))) moved++;
    else forgetRefs(vault, [ref]);
  }
  if (moved > 0) rows.scrub();
}
