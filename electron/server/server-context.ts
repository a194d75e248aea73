/**
 * What every part of `ferry serve` shares: the engine behind the one door, the token, where the
 * data lives and how the server is reached. Route modules get this and nothing else.
 */
import type { FastifyInstance } from 'fastify';
import type { CommandName, CommandOutput } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import type { EngineLink } from '../engine/host/engine-link';
import type { DataPaths } from '../engine/data-paths';

export interface ServerContext {
  /** The engine (in its own process): for its events; every command goes through `call`. */
  engine: EngineLink;
  /**
   * The engine's one door (engine/api/dispatch.ts) for what callers send: validated input in, the
   * contract's envelope out; fields that name files of this machine refused (server-calls.ts).
   */
  call<K extends CommandName>(name: K, input: unknown): Promise<Envelope<CommandOutput<K>>>;
  /** The same door for what the server composes itself from files it owns (a finished upload); never a caller's input. */
  callOwn<K extends CommandName>(name: K, input: unknown): Promise<Envelope<CommandOutput<K>>>;
  /** Every API request must carry it as `Authorization: Bearer <token>`. */
  token: string;
  /** Signs playback tokens (signed URLs) and one-time upload URLs; kept in the data directory, never sent. */
  signingKey: Buffer;
  paths: DataPaths;
  /** Links that arrive over HTTP may reach loopback and private addresses only when this is set. */
  allowPrivateNetworks: boolean;
  /** Without allowPrivateNetworks: the addresses or CIDR ranges links may reach anyway (`--allow-address`). */
  allowAddresses?: readonly string[];
  /** Unfinished TUS uploads are removed this long after their creation; default 24 h (tests shorten it). */
  uploadExpiryMs?: number;
  /** Host names requests may be addressed to (`Host`, and a socket's `Origin`): loopback, `--host`, `--allow-host`. */
  allowedHosts: readonly string[];
  /** How clients reach this server (`http://127.0.0.1:8787`), for the URLs in Video objects. */
  baseUrl(): string;
}

/** A route module: registers its routes on the server. */
export type RegisterRoutes = (app: FastifyInstance, context: ServerContext) => void | Promise<void>;
