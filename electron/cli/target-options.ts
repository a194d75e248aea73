/**
 * `ferry target add`'s flags as a saveTarget input: the provider's facts (shared/delivery-targets.ts)
 * decide the default mode and which of account, library and index are needed, so that a mistake
 * is named before anything is saved. The credential is read elsewhere (target-credential.ts). Pure.
 */
import { apiOrigin } from '../../shared/target-endpoint';
import {
  deliveryModes,
  deliveryProviders,
  deliveryReadyWhens,
  deliverySends,
  providerFacts,
  type DeliveryMode,
  type DeliveryProvider,
  type DeliveryTarget,
  type DeliveryTargetInput,
  type TargetField,
} from '../../shared/delivery-targets';
import { UsageError } from './cli-context';

/** The flags of `ferry target add` as parseArgs gives them. */
export interface TargetFlags {
  provider?: string;
  mode?: string;
  endpoint?: string;
  account?: string;
  library?: string;
  index?: string;
  send?: string;
  'ready-when'?: string;
}

const fields: readonly TargetField[] = ['account', 'library', 'index'];

function oneOf<T extends string>(flag: string, given: string | undefined, words: readonly T[]): T | undefined {
  if (given === undefined) return undefined;
  const word = words.find((w) => w === given.trim().toLowerCase());
  if (word === undefined) throw new UsageError(`${flag} takes ${words.join(' or ')}, not "${given}".`);
  return word;
}

const knownProviders = () => deliveryProviders.map((p) => `${p} (${providerFacts[p].label})`).join(', ');

function providerOf(given: string | undefined, existing: DeliveryTarget | undefined): DeliveryProvider {
  if (given === undefined) {
    if (existing) return existing.provider;
    throw new UsageError(`Which service? Give --provider: ${knownProviders()}.`);
  }
  const provider = given.trim().toLowerCase();
  if (!(deliveryProviders as readonly string[]).includes(provider))
    throw new UsageError(`Unknown provider "${given}". Providers: ${knownProviders()}.`);
  return provider as DeliveryProvider;
}

function modeOf(given: string | undefined, provider: DeliveryProvider, kept: DeliveryMode | undefined): DeliveryMode {
  const { label, modes } = providerFacts[provider];
  const mode = oneOf('--mode', given, deliveryModes);
  if (mode === undefined) return kept ?? (modes.includes('push') ? 'push' : 'pull');
  if (!modes.includes(mode)) {
    const how = modes.map((m) => (m === 'push' ? 'push (Ferry sends the file)' : 'pull (it fetches the link)'));
    throw new UsageError(`${label} cannot ${mode}; it takes only ${how.join(' or ')}: --mode ${modes.join('|')}.`);
  }
  return mode;
}

/**
 * The saveTarget input for `ferry target add`, without the credential. Changing a target that
 * exists keeps what is not given again, as long as it stays with the same provider.
 */
export function targetInput(name: string, flags: TargetFlags, existing?: DeliveryTarget): DeliveryTargetInput {
  const provider = providerOf(flags.provider, existing);
  const facts = providerFacts[provider];
  const kept = existing?.provider === provider ? existing : undefined;
  const input: DeliveryTargetInput = {
    ...(existing ? { id: existing.id } : {}),
    name,
    provider,
    mode: modeOf(flags.mode, provider, kept?.mode),
  };

  const endpoint = flags.endpoint ?? kept?.endpoint;
  if (endpoint !== undefined) input.endpoint = endpoint;
  else if (facts.defaultEndpoint === null)
    throw new UsageError(`--endpoint URL is needed for ${facts.label}: the URL uploads are created at.`);

  // The API base `ferry serve` prints names the account: it counts as given.
  const form = endpoint === undefined ? undefined : apiOrigin(provider, endpoint, flags.account);
  const named = form?.ok ? form.account : undefined;
  for (const field of fields) {
    const given = field === 'account' ? (flags.account ?? named) : flags[field];
    const needed = facts.needs[field];
    if (given !== undefined && needed === undefined) {
      const needs = fields.filter((f) => facts.needs[f] !== undefined).map((f) => `--${f}`);
      throw new UsageError(
        `--${field} is not used by ${facts.label}${needs.length ? `; it needs ${needs.join(', ')}` : ''}.`,
      );
    }
    const value = given ?? kept?.[field] ?? undefined;
    if (value !== undefined && value !== null) input[field] = value;
    else if (needed !== undefined) {
      const where = facts.whereToFind[field];
      throw new UsageError(`${facts.label} needs --${field} <${needed}>${where ? `: find it ${where}` : ''}.`);
    }
  }

  if (flags.send !== undefined && !facts.modes.includes('push'))
    throw new UsageError(
      `${facts.label} only pulls: Ferry sends it no file, so there is nothing for --send to choose.`,
    );
  const send = oneOf('--send', flags.send, deliverySends) ?? kept?.send;
  if (send !== undefined) input.send = send;
  const readyWhen = oneOf('--ready-when', flags['ready-when'], deliveryReadyWhens) ?? kept?.readyWhen;
  if (readyWhen !== undefined) input.readyWhen = readyWhen;
  return input;
}

/** What the error for a missing credential says the provider wants. */
export const credentialWords = (provider: DeliveryProvider) =>
  `${providerFacts[provider].label} needs its ${providerFacts[provider].credential}`;
