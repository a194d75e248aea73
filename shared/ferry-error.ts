/**
 * The error every command can answer with. `code` is stable and machine-readable; `message`
 * says what happened and what to do, in one or two sentences a user can act on. Errors cross
 * process boundaries as envelopes, never as thrown objects: Electron's contextBridge and IPC
 * keep only an Error's message, so a thrown `code` would arrive as nothing.
 */

/** Every code a command can answer with, and what it means to the caller. */
export const ferryErrorMeanings = {
  INVALID_INPUT:
    "the input does not match the command's schema (`issues` names each field), or names something unusable",
  NOT_FOUND: 'no video, or no delivery target, with the uid or id given',
  NOT_AVAILABLE: 'the command is valid but this version of Ferry cannot do it (a provider it does not speak yet)',
  ILLEGAL_TRANSITION: 'the video is in a state it cannot leave that way (its state changed meanwhile)',
  FORBIDDEN:
    "the caller may not call commands (a frame or page that is not Ferry's window), or over ferry serve may not name a file of this machine (shared/host-local-fields.ts)",
  BUSY: "another process works this data directory's queue (`runnerPid` says which); wait for it or stop it",
  ENGINE_RESTARTING:
    "the engine's process stopped before answering and is being restarted; whether the command took effect is unknown: look, then try again",
  UNKNOWN_COMMAND: 'no command of that name in the contract (shared/api.ts `commandNames`)',
  INTERNAL: "anything else: a bug or a broken environment; the message is the original error's",
} as const;
export type FerryErrorCode = keyof typeof ferryErrorMeanings;
export const ferryErrorCodes = Object.keys(ferryErrorMeanings) as FerryErrorCode[];

/** One field of an input that is wrong: its path in the input (`options.thumbnailTimestampPct`) and why. */
export interface InputIssue {
  path: string;
  message: string;
}

/** What an envelope says instead of throwing. */
export interface FailureInfo {
  code: FerryErrorCode;
  message: string;
  /** INVALID_INPUT from the schema: each field that is wrong, so a form or a CLI can point at it. */
  issues?: InputIssue[];
  /** BUSY: the process that works the queue. */
  runnerPid?: number;
}

/** What crosses a process boundary in place of a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: FailureInfo };

export class FerryError extends Error {
  constructor(
    readonly code: FerryErrorCode,
    message: string,
    readonly issues?: readonly InputIssue[],
  ) {
    super(message);
    this.name = 'FerryError';
  }
}

const isFailureInfo = (error: unknown): error is FailureInfo =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as FailureInfo).message === 'string' &&
  ferryErrorCodes.includes((error as FailureInfo).code);

/**
 * An envelope's value, or its failure thrown as a FerryError with its code. Anything that is not
 * an envelope (a transport bug, a version mismatch) throws INTERNAL rather than passing through.
 */
export function unwrapEnvelope<T>(reply: unknown): T {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const envelope = reply as Envelope<T>;
    if (envelope.ok === true) return envelope.value;
    if (envelope.ok === false && isFailureInfo(envelope.error))
      throw new FerryError(envelope.error.code, envelope.error.message, envelope.error.issues);
  }
  throw new FerryError('INTERNAL', `Ferry answered with something that is not an envelope (${typeof reply}).`);
}
