/**
 * The target form's decisions: what a draft holds for each provider, what it sends, and where a
 * refusal is shown. The engine's INVALID_INPUT issues name their field; a provider Ferry does not
 * speak yet (NOT_AVAILABLE) is the provider field's; anything else is the form's own message.
 */
import {
  providerFacts,
  type DeliveryMode,
  type DeliveryProvider,
  type DeliveryReadyWhen,
  type DeliverySend,
  type DeliveryTarget,
  type DeliveryTargetInput,
} from '../../../../shared/delivery-targets';
import { FerryError } from '../../../../shared/ferry-error';
import { neededFields, readyWhenMatters, sendMatters } from './target-text';

export interface TargetDraft {
  /** Set when editing a saved target. */
  id?: string;
  name: string;
  provider: DeliveryProvider;
  mode: DeliveryMode;
  endpoint: string;
  account: string;
  library: string;
  index: string;
  send: DeliverySend;
  readyWhen: DeliveryReadyWhen;
  credential: string;
}

export const emptyTargetDraft: TargetDraft = {
  name: '',
  provider: 'tus',
  mode: 'push',
  endpoint: '',
  account: '',
  library: '',
  index: '',
  send: 'mp4',
  readyWhen: 'complete',
  credential: '',
};

/** A saved target as a draft to edit: its credential is never read back, so it starts blank (blank keeps it). */
export function draftOf(target: DeliveryTarget): TargetDraft {
  return {
    id: target.id,
    name: target.name,
    provider: target.provider,
    mode: target.mode,
    // The provider's own API base is shown as the placeholder, not as a value the user has to clear.
    endpoint: target.endpoint === providerFacts[target.provider].defaultEndpoint ? '' : target.endpoint,
    account: target.account ?? '',
    library: target.library ?? '',
    index: target.index ?? '',
    send: target.send,
    readyWhen: target.readyWhen,
    credential: '',
  };
}

/** Another provider chosen: a mode it does not have gives way to its first. */
export function withProvider(draft: TargetDraft, provider: DeliveryProvider): TargetDraft {
  const { modes } = providerFacts[provider];
  return { ...draft, provider, mode: modes.includes(draft.mode) ? draft.mode : (modes[0] ?? 'push') };
}

/** The draft as the engine takes it: trimmed, only the fields its provider has, no credential rather than an empty one. */
export function targetInput(draft: TargetDraft): DeliveryTargetInput {
  const facts = providerFacts[draft.provider];
  const endpoint = draft.endpoint.trim();
  const credential = draft.credential.trim();
  const input: DeliveryTargetInput = {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim(),
    provider: draft.provider,
    mode: draft.mode,
    ...(endpoint ? { endpoint } : {}),
    ...(sendMatters(draft.provider) ? { send: draft.send } : {}),
    ...(readyWhenMatters(draft.provider) ? { readyWhen: draft.readyWhen } : {}),
    ...(credential ? { credential } : {}),
  };
  for (const field of neededFields) if (facts.needs[field]) input[field] = draft[field].trim();
  return input;
}

/** What the form can say before asking the engine: a name, a TUS server's address, the ids the service needs. */
export function draftProblems(draft: TargetDraft): TargetFailure | null {
  const fields: TargetFailure['fields'] = {};
  if (draft.name.trim() === '') fields.name = 'give the target a name';
  if (providerFacts[draft.provider].defaultEndpoint === null && draft.endpoint.trim() === '')
    fields.endpoint = 'give the TUS server’s upload URL';
  for (const field of neededFields) {
    const name = providerFacts[draft.provider].needs[field];
    if (name && draft[field].trim() === '') fields[field] = `give the ${name}`;
  }
  return Object.keys(fields).length > 0 ? { message: null, fields } : null;
}

export type TargetFormField = Exclude<keyof TargetDraft, 'id'>;

export interface TargetFailure {
  /** For the form as a whole, when no field is to blame. */
  message: string | null;
  fields: Partial<Record<TargetFormField, string>>;
}

const formFields: readonly string[] = [
  'name',
  'provider',
  'mode',
  'endpoint',
  'account',
  'library',
  'index',
  'send',
  'readyWhen',
  'credential',
] satisfies TargetFormField[];
const isField = (path: string): path is TargetFormField => formFields.includes(path);

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
