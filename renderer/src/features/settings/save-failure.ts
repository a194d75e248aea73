/**
 * A refused save as a field shows it: the engine's INVALID_INPUT issue for that field (or the
 * patch's first, when it names another path of the same patch), or the engine's message.
 */
import { FerryError } from '../../../../shared/ferry-error';

export function fieldRefusal(error: unknown, path: string): string {
  if (error instanceof FerryError && error.code === 'INVALID_INPUT' && error.issues?.length) {
    const issue = error.issues.find((i) => i.path === path) ?? error.issues[0];
    if (issue) return issue.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An issue as a sentence under its field's label: "must be …" → "Must be …." */
export function issueSentence(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The refusal beside its field, and what is still saved, since the field keeps showing what was refused. */
export function refusalText(issue: string, savedText: string): string {
  return `${issueSentence(issue)} Not saved: ${savedText} stays.`;
}
