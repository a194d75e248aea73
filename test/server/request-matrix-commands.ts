/**
 * The request matrix's expectations for the socket: for each command of the contract, an input
 * the command takes and what it answers with the right token over the socket: `ok`, or the
 * envelope's code (a command that names host files is FORBIDDEN there). A Record over every
 * command: a new one without an entry does not compile, and the matrix checks the keys too.
 */
import type { CommandName } from '../../shared/api';
import type { FerryErrorCode } from '../../shared/ferry-error';

export interface CommandSeed {
  /** A queued video. */
  uid: string;
  /** A file of the host. */
  file: string;
}

export interface CommandCase {
  input: (seed: CommandSeed) => unknown;
  answers: 'ok' | FerryErrorCode;
}

const absent = 'f'.repeat(32);
const link = (name: string) => `https://cdn.example.test/${name}.mp4`;

export const commandCases: Record<CommandName, CommandCase> = {
  addLinks: { input: () => ({ links: [{ url: link('matrix') }] }), answers: 'ok' },
  addFiles: { input: (seed) => ({ paths: [seed.file] }), answers: 'FORBIDDEN' },
  importList: { input: () => ({ content: `${link('listed')}\n` }), answers: 'ok' },
  checkLinks: { input: () => ({ content: link('checked') }), answers: 'ok' },
  pause: { input: () => ({ uids: [absent] }), answers: 'ok' },
  resume: { input: () => ({ uids: [absent] }), answers: 'ok' },
  cancel: { input: () => ({ uids: [absent] }), answers: 'ok' },
  retry: { input: () => ({ uids: [absent] }), answers: 'ok' },
  remove: { input: () => ({ uids: [absent] }), answers: 'ok' },
  moveToTop: { input: (seed) => ({ uid: seed.uid }), answers: 'ok' },
  move: { input: (seed) => ({ uid: seed.uid, to: 'bottom' }), answers: 'ok' },
  // No such target: refused before any video is looked at.
  deliver: { input: (seed) => ({ uids: [seed.uid], targets: ['no-such-target'] }), answers: 'NOT_FOUND' },
  shareLinks: { input: (seed) => ({ uid: seed.uid }), answers: 'ok' },
  pauseQueue: { input: () => undefined, answers: 'ok' },
  resumeQueue: { input: () => undefined, answers: 'ok' },
  stopAfterCurrent: { input: () => undefined, answers: 'ok' },
  list: { input: () => ({}), answers: 'ok' },
  get: { input: (seed) => ({ uid: seed.uid }), answers: 'ok' },
  edit: { input: (seed) => ({ uid: seed.uid, changes: { meta: { matrix: 'yes' } } }), answers: 'ok' },
  // The seed is queued, not ready: nothing to cut from yet.
  clip: { input: (seed) => ({ uid: seed.uid, start: 0, end: 1 }), answers: 'ILLEGAL_TRANSITION' },
  getMany: { input: (seed) => ({ uids: [seed.uid] }), answers: 'ok' },
  history: { input: (seed) => ({ uid: seed.uid }), answers: 'ok' },
  findByFingerprint: { input: () => ({ fingerprints: ['0'.repeat(64)] }), answers: 'ok' },
  totals: { input: () => undefined, answers: 'ok' },
  getSettings: { input: () => undefined, answers: 'ok' },
  setSettings: { input: () => ({ keepOriginal: true }), answers: 'ok' },
  libraryStatus: { input: () => undefined, answers: 'ok' },
  // A folder of the host: the desktop app or the CLI moves the library, never a caller over HTTP.
  moveLibrary: { input: () => ({ to: '/elsewhere/library' }), answers: 'FORBIDDEN' },
  listTargets: { input: () => undefined, answers: 'ok' },
  saveTarget: {
    input: () => ({ name: 'matrix', provider: 'tus', mode: 'push', endpoint: 'https://tus.example.test/files/' }),
    answers: 'ok',
  },
  removeTarget: { input: () => ({ id: 'no-such-target' }), answers: 'ok' },
  testTarget: { input: () => ({ id: 'no-such-target' }), answers: 'NOT_FOUND' },
  verifyWebhook: { input: () => ({ signature: 'time=1,sig1=00', body: '{}', secret: 'ab' }), answers: 'ok' },
  restartEngine: { input: () => undefined, answers: 'ok' },
};

/** An input no command takes: an unknown field (or any field, for the commands that take none). */
export const malformedInput = { unexpected: [1, 2, 3] };
