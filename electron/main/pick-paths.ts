/**
 * pickPaths: what the window may ask the native open dialog for, checked, and the dialog's
 * options made from it. Several files (filtered by extension, with "All files" still offered)
 * or several folders; a folder picker takes no filter. Pure.
 */
import type { OpenDialogOptions } from 'electron';
import type { Envelope } from '../../shared/ferry-error';

export interface PickRequest {
  folders: boolean;
  /** Without a dot, as Electron's filters want them ("mp4", never ".mp4" or "*.mp4"). */
  extensions: string[];
}

const extensionPattern = /^[a-z0-9]{1,16}$/i;
const maxExtensions = 200;

const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** `{ folders?: boolean, extensions?: string[] }`, an extension with or without its leading dot. */
export function pickRequest(input: unknown): Envelope<PickRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return invalid('pickPaths takes { folders?, extensions? }.');
  }
  const { folders, extensions, ...rest } = input as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return invalid(`pickPaths does not take ${unknown.join(', ')}.`);
  if (folders !== undefined && typeof folders !== 'boolean') return invalid('folders is true or false.');
  if (extensions === undefined) return { ok: true, value: { folders: folders === true, extensions: [] } };
  if (!Array.isArray(extensions) || extensions.length > maxExtensions) {
    return invalid(`extensions is a list of at most ${maxExtensions} file extensions.`);
  }
  const bare = extensions.map((extension) => (typeof extension === 'string' ? extension.replace(/^\./, '') : ''));
  const wrong = bare.findIndex((extension) => !extensionPattern.test(extension));
  if (wrong >= 0) return invalid(`${String(extensions[wrong])} is not a file extension (like "mp4" or ".mp4").`);
  return { ok: true, value: { folders: folders === true, extensions: [...new Set(bare)] } };
}

export function openDialogOptions(request: PickRequest): OpenDialogOptions {
  if (request.folders) return { properties: ['openDirectory', 'multiSelections'] };
  if (request.extensions.length === 0) return { properties: ['openFile', 'multiSelections'] };
  return {
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Supported files', extensions: request.extensions },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}
