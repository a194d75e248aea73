/**
 * A target's row (store/target-store) and its credential (the vault), kept together: saved in one
 * step, removed in one step, and the credentials an older Ferry stored in clear moved out.
 */
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import type { TargetFields, TargetStore } from '../store/target-store';
import type { CredentialVault } from './credential-vault';
import type { ProviderCall } from './providers/provider';
import type { PublicOnlyNetwork } from './providers/public-only-fetch';

/** `credential`: a string saves it, null removes it, undefined keeps the stored one. */
export function saveTargetAndCredential(
  targets: TargetStore,
  vault: CredentialVault,
  fields: Omit<TargetFields, 'hasCredential'>,
  credential: string | null | undefined,
  id?: string,
): DeliveryTarget {
  const hasCredential = credential === undefined ? undefined : credential !== null;
  return targets.save({ ...fields, hasCredential }, id, (savedId) => {
    if (typeof credential === 'string') vault.set(savedId, credential);
    else if (credential === null) vault.delete(savedId);
  });
}

export function removeTargetAndCredential(targets: TargetStore, vault: CredentialVault, id: string): boolean {
  const target = targets.get(id);
  if (!target) return false;
  if (target.hasCredential) vault.delete(id);
  return targets.remove(id);
}

/** The credential to send to the target, or null when it has none. */
export function targetCredential(vault: CredentialVault, target: DeliveryTarget): string | null {
  if (!target.hasCredential) return null;
  const credential = vault.get(target.id);
  // Sent without it, the request would only be refused, with a reason that hides this one.
  if (credential === null) {
    throw new FerryError(
      'NOT_AVAILABLE',
      `its credential is not in the ${vault.kind === 'file' ? 'credentials file' : 'OS keychain'}. ` +
        // Words for every door: the app edits the target, the CLI runs ferry target add.
        (vault.kind === 'file'
          ? 'Give the target its credential again.'
          : 'Unlock the keychain (on Linux, start a Secret Service such as gnome-keyring), or give the target its credential again.'),
    );
  }
  return credential;
}

/** A call to the target's service; a target saved over ferry serve makes its requests through the guarded network. */
export function providerCall(
  targets: TargetStore,
  network: PublicOnlyNetwork,
  target: DeliveryTarget,
  credential: string | null,
  signal: AbortSignal,
): ProviderCall {
  return { target, credential, signal, ...(targets.publicOnly(target.id) ? { publicOnly: network } : {}) };
}

/**
 * Moves credentials stored in clear in ferry.db (by Ferry before schema version 6) into the
 * vault, and empties them from the database once the vault has them. When the vault cannot be
 * reached, the rest stay until a start that can (ferry doctor says why), rather than keeping
 * Ferry from starting.
 */
export function moveClearCredentials(targets: TargetStore, vault: CredentialVault): void {
  const waiting = targets.clearCredentials();
  const moved: string[] = [];
  for (const { id, credential } of waiting) {
    try {
      vault.set(id, credential);
    } catch {
      break;
    }
    moved.push(id);
  }
  targets.forgetClearCredentials(moved);
}
