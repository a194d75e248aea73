/** Reading the services' JSON answers without trusting their shape, pure: one place for every adapter. */

/** An object's fields; anything else (null, a list, a string) reads as no fields. */
export const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A string with something in it, trimmed; anything else reads as null. */
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
