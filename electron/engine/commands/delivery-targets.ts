/**
 * listTargets, saveTarget, removeTarget, and the check that an ingest's `deliverTo` names
 * targets that exist. Only generic TUS targets can be saved for now: a provider whose own API
 * Ferry does not speak yet is refused with what to do instead, never stored to fail later.
 */
import type { IngestOptions } from '../../../shared/api';
import type { DeliveryProvider, DeliveryTarget, DeliveryTargetInput } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import { validateCommand } from '../../../shared/validate-command';
import { removeTargetAndCredential, saveTargetAndCredential } from '../delivery/target-credentials';
import type { EngineContext } from '../pipeline/engine-context';

const providerNames: Record<DeliveryProvider, string> = {
  cloudflare: 'Cloudflare Stream',
  gcore: 'Gcore',
  bunny: 'Bunny Stream',
  vimeo: 'Vimeo',
  twelvelabs: 'Twelve Labs',
  tus: 'a TUS server',
};

export function saveTarget(context: EngineContext, given: DeliveryTargetInput): DeliveryTarget {
  const valid = validateCommand('saveTarget', given);
  if (!valid.ok) throw new FerryError('INVALID_INPUT', valid.message, valid.issues);
  const input = valid.value;
  if (input.provider !== 'tus') {
    throw new FerryError(
      'NOT_AVAILABLE',
      `Delivery to ${providerNames[input.provider]} is not available in this version of Ferry; only generic TUS ` +
        'targets are (provider "tus"). If the service takes plain TUS uploads, add it as one: its TUS endpoint, ' +
        'and the Authorization header value as the credential.',
    );
  }
  if (input.mode !== 'tus') {
    const message =
      'A TUS target uploads the file (mode "tus"); handing a link to a provider to pull (mode "pull") needs ' +
      "that provider's own API, which this version of Ferry does not have.";
    throw new FerryError('INVALID_INPUT', message, [{ path: 'mode', message }]);
  }
  const name = input.name.trim();
  const holder = context.targets.idByName(name);
  if (holder !== undefined && holder !== input.id) {
    const message = `A delivery target named "${name}" already exists (id ${holder}). Choose another name, or save with its id to change it.`;
    throw new FerryError('INVALID_INPUT', message, [{ path: 'name', message }]);
  }
  if (input.id !== undefined && !context.targets.get(input.id)) {
    throw new FerryError('NOT_FOUND', `No delivery target with id ${input.id}. Leave the id out to add a new one.`);
  }
  // An empty credential removes the stored one; none given keeps it.
  const credential = input.credential === undefined ? undefined : input.credential.trim() || null;
  return saveTargetAndCredential(
    context.targets,
    context.credentials,
    { name, provider: input.provider, mode: input.mode, endpoint: input.endpoint },
    credential,
    input.id,
  );
}

export function removeTarget(context: EngineContext, id: string): { removed: boolean } {
  return { removed: removeTargetAndCredential(context.targets, context.credentials, id) };
}

/** Refuses an ingest whose `deliverTo` names a target that does not exist. */
export function checkDeliverTo(context: EngineContext, options: IngestOptions | undefined): void {
  for (const id of options?.deliverTo ?? []) {
    if (!context.targets.get(id)) {
      throw new FerryError(
        'INVALID_INPUT',
        `No delivery target with id "${id}". See the targets with ferry target list, or add one with ferry target add.`,
      );
    }
  }
}
