/**
 * How targets read in the UI: services by the contract's names for them, modes and choices by
 * what they do. Pure, so the list, the dialog, the settings and the video page say the same.
 */
import {
  providerFacts,
  type DeliveryMode,
  type DeliveryProvider,
  type DeliveryReadyWhen,
  type DeliverySend,
  type DeliveryTarget,
  type TargetField,
  type TargetTest,
} from '../../../../shared/delivery-targets';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The service's name as a label: the contract says "a TUS server" in sentences, a list says "TUS server". */
export function serviceName(provider: DeliveryProvider): string {
  return capitalised(providerFacts[provider].label.replace(/^an? /, ''));
}

/** What the provider calls a field it needs ("Account ID"), or null when it does not need it. */
export function neededFieldLabel(provider: DeliveryProvider, field: TargetField): string | null {
  const name = providerFacts[provider].needs[field];
  return name ? capitalised(name) : null;
}

export const modeLabels: Record<DeliveryMode, string> = {
  push: 'Push',
  pull: 'Pull',
};

/** One line each: what the mode does, and when a pull becomes a push. */
export function modeHint(provider: DeliveryProvider, mode: DeliveryMode): string {
  if (mode === 'push') return 'Ferry uploads the file itself, resuming after any interruption.';
  const { pullTakesHeaders, pullHeaderNames } = providerFacts[provider];
  const headers = !pullTakesHeaders
    ? ' A link that needs request headers is pushed too.'
    : pullHeaderNames
      ? ` A link that needs request headers other than ${pullHeaderNames.join(', ')} is pushed too.`
      : '';
  return (
    'The service fetches the video’s link itself, saving your upload bandwidth. Used for a video that came from a ' +
    `link the service can reach; Ferry pushes the others.${headers}`
  );
}

export const sendLabels: Record<DeliverySend, string> = {
  mp4: 'MP4',
  original: 'Original file',
};

export const sendHints: Record<DeliverySend, string> = {
  mp4: 'the MP4 it made',
  original: 'the file as it came',
};

export const readyWhenLabels: Record<DeliveryReadyWhen, string> = {
  playable: 'As soon as it can be played',
  complete: 'When every rendition is done',
};

/** Whether "sends" means anything for the provider: one that only pulls is never sent a file. */
export const sendMatters = (provider: DeliveryProvider): boolean => providerFacts[provider].modes.includes('push');

/**
 * Whether "ready when" means anything for the provider: a TUS server has no renditions of its
 * own, so for it a delivery is ready when the upload ends.
 */
export const readyWhenMatters = (provider: DeliveryProvider): boolean => provider !== 'tus';

/** The ids a provider may need besides its endpoint, in the order the form and the list show them. */
export const neededFields = ['account', 'library', 'index'] as const satisfies readonly TargetField[];

/** The target's stored ids, as its service names them ("Account ID abc"), for the list. */
export function targetIds(target: DeliveryTarget): string[] {
  return neededFields.flatMap((field) => {
    const label = neededFieldLabel(target.provider, field);
    const value = target[field];
    return label && value ? [`${label} ${value}`] : [];
  });
}

/** What a failed test asks of the user, in the app's words (the engine's message fits every door). */
export function testAdvice(test: TargetTest): string {
  if (test.ok) return '';
  if (test.fix === 'credential') return ' Choose Edit and paste the right one.';
  if (test.fix === 'endpoint') return ' Choose Edit to correct it.';
  return '';
}
