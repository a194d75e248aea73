/**
 * Links that arrive from other machines (`ferry serve`) may not reach this machine's loopback,
 * its private networks or link-local addresses (the cloud metadata service among them) unless
 * the user allowed it. request-filtering-agent checks every address a name resolves to, at
 * connect time, so each redirect hop and a DNS answer that changes between lookups are covered.
 */
import type http from 'node:http';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** A fetch that may reach public addresses only, and these (request-filtering-agent's allow list). */
export interface PublicOnly {
  allowAddresses: readonly string[];
}

interface GuardedAgents {
  'http:': RequestFilteringHttpAgent;
  'https:': RequestFilteringHttpsAgent;
}

// Keep-alive pools of their own (one per allow list): a connection opened for a trusted caller is
// never lent to a guarded one.
const pools = new Map<string, GuardedAgents>();

/** The guarded agent for a protocol; `allowAddresses` may be reached anyway (request-filtering-agent's allow list). */
export function guardedAgent(protocol: 'http:' | 'https:', allowAddresses: readonly string[] = []): http.Agent {
  const key = allowAddresses.join(',');
  let agents = pools.get(key);
  if (!agents) {
    const options = {
      keepAlive: true,
      maxSockets: 32,
      allowPrivateIPAddress: false,
      allowIPAddressList: [...allowAddresses],
    };
    agents = { 'http:': new RequestFilteringHttpAgent(options), 'https:': new RequestFilteringHttpsAgent(options) };
    pools.set(key, agents);
  }
  return agents[protocol];
}

export function closeIdleGuardedConnections(): void {
  for (const agents of pools.values()) {
    for (const agent of [agents['http:'], agents['https:']] as http.Agent[]) {
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    }
  }
}

/** The agent's refusal reads "DNS lookup 127.0.0.1(family:4, host:localhost) is not allowed. Because, It is private IP address." */
const refusal =
  /^DNS lookup (\S+?)\(family:[^,]*, host:([^)]*)\) is not allowed\. Because,? It is (private|meta) IP address/;

/** The agent's refusal as a sentence that says what happened and how to allow it; anything else: undefined. Pure. */
export function privateAddressRefusal(error: unknown): string | undefined {
  const match = error instanceof Error ? refusal.exec(error.message) : null;
  if (!match) return undefined;
  const [, address, host] = match;
  const named = host !== undefined && host !== '' && host !== 'undefined' && host !== address;
  const where = named ? `${host} (${address})` : address;
  return (
    `The link leads to ${where}, a loopback, private or link-local address, which links sent to ferry serve ` +
    'may not reach; start ferry serve with --allow-private-networks to allow it.'
  );
}
