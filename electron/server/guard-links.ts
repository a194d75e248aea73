/**
 * The engine's door as the HTTP side uses it. Links that arrive over HTTP (the Cloudflare and
 * Omega APIs, the browser UI's socket) may reach public addresses only, unless the server was
 * started allowing private networks: every link command is marked `privateNetworks: false`
 * whatever the client sent, and the fetcher then refuses loopback, private and link-local
 * addresses on every hop. The desktop app and the CLI keep reaching a user's own NAS.
 */
import type { CommandName } from '../../shared/api';
import { dispatch } from '../engine/api/dispatch';
import type { Engine } from '../engine/create-engine';
import type { ServerContext } from './server-context';

const linkCommands: readonly string[] = ['addLinks', 'importList'] satisfies CommandName[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The input with its links kept to public addresses; an input of the wrong shape is left for the schema to refuse. Pure. */
export function keepToPublicAddresses(name: string, input: unknown): unknown {
  if (!linkCommands.includes(name) || !isRecord(input)) return input;
  const options = input.options ?? {};
  if (!isRecord(options)) return input;
  return { ...input, options: { ...options, privateNetworks: false } };
}

export function serverCall(engine: Engine, allowPrivateNetworks: boolean): ServerContext['call'] {
  return (name, input) => dispatch(engine, name, allowPrivateNetworks ? input : keepToPublicAddresses(name, input));
}
