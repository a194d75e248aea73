/**
 * The error every command can answer with. `code` is stable and machine-readable; `message`
 * says what happened and what to do, in one or two sentences a user can act on.
 */
export const ferryErrorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NOT_AVAILABLE',
  'ILLEGAL_TRANSITION',
  'FORBIDDEN',
  'BUSY',
  'INTERNAL',
] as const;
export type FerryErrorCode = (typeof ferryErrorCodes)[number];

export class FerryError extends Error {
  constructor(
    readonly code: FerryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FerryError';
  }
}

/** What crosses a process boundary in place of a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: FerryErrorCode; message: string } };
