/**
 * The engine's door as the HTTP side uses it. What arrives over HTTP (the Cloudflare and Omega
 * APIs, the browser UI's socket) may reach public addresses only, unless the server was started
 * allowing private networks: every link command is marked `privateNetworks: false`, every target
 * saved `privateNetworks: false`, and every webhook URL set `webhookPrivateNetworks: false`,
 * whatever the client sent. The engine then refuses such addresses written in the URL up front,
 * and its guarded agents refuse them on every connection. The desktop app and the CLI keep
 * reaching a user's own NAS.
 */
import type { CommandName } from '../../shared/api';
import type { EngineLink } from '../engine/host/engine-link';
import type { ServerContext } from './server-context';

const linkCommands: readonly string[] = ['addLinks', 'importList'] satisfies CommandName[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The input with what it makes Ferry reach kept to public addresses; an input of the wrong shape is left for the schema to refuse. Pure. */
export function keepToPublicAddresses(name: string, input: unknown): unknown {
  if (!isRecord(input)) return input;
  if (name === 'saveTarget') return { ...input, privateNetworks: false };
  if (name === 'setSettings') return 'webhookUrl' in input ? { ...input, webhookPrivateNetworks: false } : input;
  if (!linkCommands.includes(name)) return input;
  const options = input.options ?? {};
  if (!isRecord(options)) return input;
  return { ...input, options: { ...options, privateNetworks: false } };
}

export function serverCall(engine: EngineLink, allowPrivateNetworks: boolean): ServerContext['call'] {
  return (name, input) => engine.call(name, allowPrivateNetworks ? input : keepToPublicAddresses(name, input));
}
