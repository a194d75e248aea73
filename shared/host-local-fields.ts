/**
 * Which fields of each command's input name files on the machine Ferry runs on. The app and the
 * CLI are that machine's own user and may name any file; a caller over `ferry serve` (HTTP or
 * its WebSocket) may not, since a path would let it read or serve any file of the host. The
 * server's doors refuse an input that carries one of these fields (FORBIDDEN, with the fix);
 * a browser uploads files by TUS and sends a list's content instead. A Record over every
 * command, so a new command must say whether it names host files. Pure.
 */
import type { CommandName } from './api';

/** A field's path in the input, dotted (`options.watermark.image`), and what to do instead. */
type HostLocalFields = Readonly<Record<string, string>>;

const watermarkImage: HostLocalFields = {
  'options.watermark.image':
    'the watermark image is a file on the machine Ferry runs on: add the watermark in the desktop app or with ferry ingest --watermark there',
};

const none: HostLocalFields = {};

export const hostLocalFields: Record<CommandName, HostLocalFields> = {
  addLinks: watermarkImage,
  addFiles: {
    paths: 'upload the files instead: drop them on the page, or send them by TUS (POST …/stream with Tus-Resumable)',
    ...watermarkImage,
  },
  importList: {
    path: 'send the list\'s text as "content" instead (in a browser, drop the list file on the page)',
    ...watermarkImage,
  },
  checkLinks: none,
  pause: none,
  resume: none,
  cancel: none,
  retry: none,
  remove: none,
  moveToTop: none,
  move: none,
  deliver: none,
  // Answers paths, never takes one: the server's door answers it without them.
  shareLinks: none,
  pauseQueue: none,
  resumeQueue: none,
  stopAfterCurrent: none,
  list: none,
  get: none,
  edit: none,
  // The clip is cut from the parent's own files, never from a path the caller names.
  clip: watermarkImage,
  getMany: none,
  history: none,
  findByFingerprint: none,
  totals: none,
  getSettings: none,
  // The library's place is not settable; the rest are numbers, URLs and words.
  setSettings: none,
  libraryStatus: none,
  // Checking a folder answers whether it exists, is empty or writable: the host's layout.
  moveLibrary: {
    to: 'move the library on the machine Ferry runs on: in the desktop app, or with ferry settings library <path>',
  },
  listTargets: none,
  // An endpoint is a URL, never a file.
  saveTarget: none,
  removeTarget: none,
  testTarget: none,
  verifyWebhook: none,
  restartEngine: none,
};

export interface HostLocalField {
  /** `addFiles.paths`, as the refusal names it. */
  field: string;
  fix: string;
}

function valueAt(input: unknown, path: string): unknown {
  let value = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The host-local fields `input` carries for command `name` (none for a name that is not a command). */
export function hostLocalFieldsIn(name: string, input: unknown): HostLocalField[] {
  if (!Object.hasOwn(hostLocalFields, name)) return [];
  const fields = hostLocalFields[name as CommandName];
  return Object.entries(fields).flatMap(([path, fix]) =>
    valueAt(input, path) === undefined ? [] : [{ field: `${name}.${path}`, fix }],
  );
}

/** The refusal's sentence: which fields, and what to do instead. */
export function hostLocalRefusal(found: readonly HostLocalField[]): string {
  const fields = found.map((one) => one.field).join(', ');
  const fixes = [...new Set(found.map((one) => one.fix))].join('; ');
  const names = found.length > 1 ? 'name files' : 'names a file';
  return `${fields} ${names} on the machine Ferry runs on, which callers over ferry serve may not do: ${fixes}.`;
}
