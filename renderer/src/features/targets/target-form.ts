/**
 * The add-target form's decisions: what it sends, and where a refusal is shown. The engine's
 * INVALID_INPUT issues name their field; a provider Ferry does not speak yet (NOT_AVAILABLE) is
 * the provider field's; anything else is the form's own message.
 */
import type { DeliveryProvider, DeliveryTarget, DeliveryTargetInput } from '../../../../shared/delivery-targets';
import { FerryError } from '../../../../shared/ferry-error';

export interface TargetDraft {
  name: string;
  provider: DeliveryProvider;
  mode: DeliveryTarget['mode'];
  endpoint: string;
  credential: string;
}

export const emptyTargetDraft: TargetDraft = { name: '', provider: 'tus', mode: 'push', endpoint: '', credential: '' };

export type TargetField = keyof TargetDraft;

export interface TargetFailure {
  /** For the form as a whole, when no field is to blame. */
  message: string | null;
  fields: Partial<Record<TargetField, string>>;
}

/** The draft as the engine takes it: trimmed, with no credential rather than an empty one. */
export function targetInput(draft: TargetDraft): DeliveryTargetInput {
  const credential = draft.credential.trim();
  return {
    name: draft.name.trim(),
    provider: draft.provider,
    mode: draft.mode,
    endpoint: draft.endpoint.trim(),
    ...(credential ? { credential } : {}),
  };
}

/** What the form can say before asking the engine: a target needs a name to be chosen by. */
export function draftProblems(draft: TargetDraft): TargetFailure | null {
  return draft.name.trim() === '' ? { message: null, fields: { name: 'give the target a name' } } : null;
}

const fields: readonly string[] = ['name', 'provider', 'mode', 'endpoint', 'credential'] satisfies TargetField[];
const isField = (path: string): path is TargetField => fields.includes(path);

export function targetFailure(error: unknown): TargetFailure {
  if (error instanceof FerryError && error.code === 'INVALID_INPUT' && error.issues?.length) {
    const known = error.issues.filter((issue) => isField(issue.path));
    const others = error.issues.filter((issue) => !isField(issue.path));
    return {
      message: others.length ? others.map((issue) => `${issue.path}: ${issue.message}`).join('; ') : null,
      fields: Object.fromEntries(known.map((issue) => [issue.path, issue.message])),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FerryError && error.code === 'NOT_AVAILABLE')
    return { message: null, fields: { provider: message } };
  return { message, fields: {} };
}
