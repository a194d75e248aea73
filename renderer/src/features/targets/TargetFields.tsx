/**
 * The target form's fields for the chosen service: only what that service has (its endpoint, the
 * ids it needs under its own names, its modes, "ready when" where it means something) and the
 * credential in its words. Each field carries the engine's message for it, if any.
 */
import { useId } from 'react';
import { deliveryProviders, providerFacts, type DeliveryProvider } from '../../../../shared/delivery-targets';
import { FieldError, TextField } from '../settings/form-fields';
import { withProvider, type TargetDraft, type TargetFailure } from './target-form';
import {
  modeHint,
  modeLabels,
  neededFieldLabel,
  neededFields,
  readyWhenLabels,
  readyWhenMatters,
  sendHints,
  sendLabels,
  sendMatters,
  serviceName,
} from './target-text';

interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * Radios in a fieldset: the legend names the group, each hint describes its own choice. Short
 * choices without hints of their own sit in a row, the group's hint under them.
 */
function Choices<T extends string>(props: {
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
  hint?: string;
  error: string | undefined;
}) {
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ');
  const inline = props.choices.every((choice) => !choice.hint);
  return (
    <fieldset className="field choices" aria-describedby={described || undefined}>
      <legend>{props.legend}</legend>
      <div className={inline ? 'choice-row' : 'choice-list'}>
        {props.choices.map((choice) => (
          <div key={choice.value} className="choice">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              name={id}
              checked={props.value === choice.value}
              onChange={() => props.onChange(choice.value)}
              aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
            />
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
            {choice.hint && (
              <p id={`${id}-${choice.value}-hint`} className="field-hint">
                {choice.hint}
              </p>
            )}
          </div>
        ))}
      </div>
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={props.error} />
    </fieldset>
  );
}

interface TargetFieldsProps {
  draft: TargetDraft;
  onChange(draft: TargetDraft): void;
  failure: TargetFailure;
  /** Editing a target that has a credential: a blank one keeps it. */
  keepsCredential: boolean;
}

export function TargetFields({ draft, onChange, failure, keepsCredential }: TargetFieldsProps) {
  const id = useId();
  const facts = providerFacts[draft.provider];
  const set = (change: Partial<TargetDraft>) => onChange({ ...draft, ...change });
  const errors = failure.fields;
  const credentialHint = [
    `The ${facts.credential}${draft.provider === 'tus' ? ', for example “Bearer” and a token' : ''}.`,
    'Stored in the OS keychain, never shown again.',
    keepsCredential ? 'Leave blank to keep the stored one.' : '',
  ].join(' ');

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-provider`}>Service</label>
        <select
          id={`${id}-provider`}
          value={draft.provider}
          // A saved target keeps its service: its stored ids and credential are that service's.
          disabled={draft.id !== undefined}
          aria-invalid={errors.provider ? true : undefined}
          aria-describedby={
            [draft.id !== undefined && `${id}-provider-hint`, errors.provider && `${id}-provider-error`]
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(event) => onChange(withProvider(draft, event.target.value as DeliveryProvider))}
        >
          {deliveryProviders.map((provider) => (
            <option key={provider} value={provider}>
              {serviceName(provider)}
            </option>
          ))}
        </select>
        {draft.id !== undefined && (
          <p id={`${id}-provider-hint`} className="field-hint">
            A saved target keeps its service; add another target for a different one.
          </p>
        )}
        <FieldError id={`${id}-provider-error`} error={errors.provider} />
      </div>
      <TextField
        label="Name"
        value={draft.name}
        onChange={(name) => set({ name })}
        placeholder={`My ${serviceName(draft.provider)}`}
        required
        error={errors.name}
      />
      <TextField
        label="Endpoint URL"
        type="url"
        value={draft.endpoint}
        onChange={(endpoint) => set({ endpoint })}
        placeholder={facts.defaultEndpoint ?? 'https://tus.example.com/files/'}
        required={facts.defaultEndpoint === null}
        hint={
          facts.defaultEndpoint
            ? `Leave empty for ${facts.label}’s own API.`
            : 'Where the TUS server creates uploads (its creation URL).'
        }
        error={errors.endpoint}
      />
      {neededFields.map((field) => {
        const label = neededFieldLabel(draft.provider, field);
        return (
          label && (
            <TextField
              key={field}
              label={label}
              value={draft[field]}
              onChange={(value) => set({ [field]: value })}
              required
              autoComplete="off"
              spellCheck={false}
              error={errors[field]}
            />
          )
        );
      })}
      <Choices
        legend="Mode"
        choices={facts.modes.map((mode) => ({
          value: mode,
          label: modeLabels[mode],
          hint: modeHint(draft.provider, mode),
        }))}
        value={draft.mode}
        onChange={(mode) => set({ mode })}
        error={errors.mode}
      />
      {sendMatters(draft.provider) && (
        <Choices
          legend="Sends"
          choices={(['mp4', 'original'] as const).map((send) => ({ value: send, label: sendLabels[send] }))}
          hint={`What Ferry uploads when it pushes: ${sendHints.mp4}, or ${sendHints.original}.`}
          value={draft.send}
          onChange={(send) => set({ send })}
          error={errors.send}
        />
      )}
      {readyWhenMatters(draft.provider) && (
        <Choices
          legend="Ready when"
          choices={(['playable', 'complete'] as const).map((readyWhen) => ({
            value: readyWhen,
            label: readyWhenLabels[readyWhen],
          }))}
          hint="When the video counts as delivered: once the service can play it, or once it has made every rendition."
          value={draft.readyWhen}
          onChange={(readyWhen) => set({ readyWhen })}
          error={errors.readyWhen}
        />
      )}
      <TextField
        label={draft.provider === 'tus' ? 'Credential (optional)' : 'Credential'}
        type="password"
        autoComplete="new-password"
        value={draft.credential}
        onChange={(credential) => set({ credential })}
        hint={credentialHint}
        error={errors.credential}
      />
    </>
  );
}
