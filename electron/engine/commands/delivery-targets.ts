/**
 * listTargets, saveTarget, removeTarget, testTarget, and the check that an ingest's `deliverTo`
 * names targets that exist. A target is checked against what its service needs before it is
 * stored (delivery/check-target), never stored to fail later.
 */
import type { IngestOptions } from '../../../shared/api';
import {
  providerFacts,
  type DeliveryTarget,
  type DeliveryTargetInput,
  type TargetTest,
} from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import { validateCommand } from '../../../shared/validate-command';
import { checkTarget } from '../delivery/check-target';
import { providerAdapters } from '../delivery/providers/provider-adapters';
import { ServiceError } from '../delivery/providers/service-request';
import { PrivateAddressError } from '../delivery/providers/public-only-fetch';
import { resaveTarget } from '../delivery/resave-target';
import {
  providerCall,
  removeTargetAndCredential,
  saveTargetAndCredential,
  targetCredential,
} from '../delivery/target-credentials';
import type { EngineContext } from '../context/engine-context';
import { refusePrivateAddress } from './refuse-private-address';

/** A test that hangs says so rather than keeping the form waiting. */
const testTimeoutMs = 20_000;

export function saveTarget(context: EngineContext, given: DeliveryTargetInput): DeliveryTarget {
  const valid = validateCommand('saveTarget', given);
  if (!valid.ok) throw new FerryError('INVALID_INPUT', valid.message, valid.issues);
  const input = valid.value;
  const checked = checkTarget(input);
  if (!checked.ok) {
    const message = checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join(' ');
    throw new FerryError('INVALID_INPUT', message, checked.issues);
  }
  const { name } = checked.fields;
  const holder = context.targets.idByName(name);
  if (holder !== undefined && holder !== input.id) {
    const message = `A delivery target named "${name}" already exists (id ${holder}). Choose another name, or save with its id to change it.`;
    throw new FerryError('INVALID_INPUT', message, [{ path: 'name', message }]);
  }
  const existing = input.id === undefined ? undefined : context.targets.get(input.id);
  if (input.id !== undefined && !existing) {
    throw new FerryError('NOT_FOUND', `No delivery target with id ${input.id}. Leave the id out to add a new one.`);
  }
  if (input.privateNetworks === false)
    refusePrivateAddress('endpoint', checked.fields.endpoint, context.publicOnly.allowAddresses, 'a delivery target');
  const { credential, privateNetworks } = resaveTarget(existing, checked.fields.endpoint, input);
  return saveTargetAndCredential(
    context.targets,
    context.credentials,
    { ...checked.fields, ...(privateNetworks === undefined ? {} : { privateNetworks }) },
    credential,
    input.id,
  );
}

export function removeTarget(context: EngineContext, id: string): { removed: boolean } {
  const removed = removeTargetAndCredential(context.targets, context.credentials, id);
  const { deliverTo, maxUploadBytesPerSecond } = context.settings.get().delivery;
  // A removed target stops being a default for new videos too.
  if (deliverTo.includes(id)) {
    context.settings.update({ delivery: { deliverTo: deliverTo.filter((t) => t !== id), maxUploadBytesPerSecond } });
  }
  return { removed };
}

/**
 * Why a test failed, in words that fit every door, and what of the target to change: each door
 * says how in its own words (the app: edit the target; the CLI: ferry target add).
 */
function testFailure(target: DeliveryTarget, error: unknown): TargetTest {
  const facts = providerFacts[target.provider];
  if (error instanceof PrivateAddressError) return { ok: false, message: `${error.message}.`, fix: 'endpoint' };
  if (!(error instanceof ServiceError))
    return { ok: false, message: `${facts.label} at ${target.endpoint} did not answer: ${(error as Error).message}.` };
  const { status, serviceText, message } = error.failure;
  const said = serviceText ? ` ("${serviceText}")` : '';
  if (status === undefined)
    return {
      ok: false,
      message: `Could not reach ${target.endpoint}: ${message}. Check the endpoint and the network.`,
      fix: 'endpoint',
    };
  if (status === 401 || status === 403)
    return {
      ok: false,
      message: `${facts.label} refused the credential (${status})${said}: the ${facts.credential} is wrong or no longer valid.`,
      fix: 'credential',
    };
  if (status === 404)
    return {
      ok: false,
      message: `${facts.label} answered 404 at ${target.endpoint}${said}: check the endpoint${Object.keys(facts.needs).length > 0 ? ' and the ids' : ''}.`,
      fix: 'endpoint',
    };
  return { ok: false, message: `${facts.label} answered ${status}${said}: ${message}.` };
}

export async function testTarget(context: EngineContext, id: string): Promise<TargetTest> {
  const target = context.targets.get(id);
  if (!target) throw new FerryError('NOT_FOUND', `No delivery target with id ${id}: it may have been removed.`);
  let credential: string | null;
  try {
    credential = targetCredential(context.credentials, target);
  } catch (error) {
    return { ok: false, message: `${target.name}: ${(error as Error).message}`, fix: 'credential' };
  }
  try {
    const call = providerCall(
      context.targets,
      context.publicOnly,
      target,
      credential,
      AbortSignal.timeout(testTimeoutMs),
    );
    const message = await providerAdapters[target.provider].test(call);
    return { ok: true, message };
  } catch (error) {
    return testFailure(target, error);
  }
}

/** Refuses an ingest (or a default list) whose `deliverTo` names a target that does not exist. */
export function checkDeliverTo(context: EngineContext, options: Pick<IngestOptions, 'deliverTo'> | undefined): void {
  for (const id of options?.deliverTo ?? []) {
    if (!context.targets.get(id)) {
      throw new FerryError(
        'INVALID_INPUT',
        `No delivery target with id "${id}". See the targets with ferry target list, or add one with ferry target add.`,
      );
    }
  }
}
