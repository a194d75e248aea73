/**
 * A refused save as the form shows it: the engine's INVALID_INPUT issues by field path, each
 * beside its field, and one sentence for the section. Anything else is the engine's message.
 */
import { FerryError } from '../../../../shared/ferry-error';
import type { FieldIssues } from './settings-form';

export interface SaveFailure {
  message: string;
  fields: FieldIssues;
}

export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof FerryError && error.code === 'INVALID_INPUT' && error.issues?.length) {
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
    return { message: 'Not saved: correct the fields marked below and save again.', fields };
  }
  return { message: `Not saved: ${error instanceof Error ? error.message : String(error)}`, fields: {} };
}

/** An issue as a sentence under its field's label: "must be …" → "Must be …." */
export function issueSentence(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
