import { describeEngineStatus } from '../../../shared/engine-status';
import { isHostName } from '../../server/allowed-hosts';
import { isAddressOrRange, isLoopbackHost } from '../../server/private-link-rule';
import { defaultPort, startServer } from '../../server/start-server';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { parseNumber } from '../parse-values';
import { interruptOnSignals } from '../work-queue';

/** A port from the command line: a whole number from 0 (any free port) to 65535. */
export function parsePort(text: string): number {
  const port = parseNumber('--port', text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a whole number from 0 to 65535, not "${text}".`);
  return port;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: "Work the queue and serve Cloudflare Stream's and Omega Stream's upload-via-link APIs and the UI over HTTP",
  usage: `ferry serve [--port N] [--host H] [--token T] [--allow-private-networks] [--allow-address A]...
            [--allow-host NAME]...

  Works the queue (as ferry run --watch) and serves, on http://127.0.0.1:${defaultPort}:
    the app's UI at /  (open the printed link: it signs the browser in)
    Cloudflare Stream's API at /client/v4/accounts/<any id>/stream (copy, list, get, edit, delete,
    TUS uploads, webhook, playback tokens) and Omega Stream's POST /client/video/stream/copy
    the videos' media at /media/<uid>/…
  Every API request needs Authorization: Bearer <token>.
  --port N                  the port (default ${defaultPort}; 0: any free port)
  --host H                  the address to listen on (default 127.0.0.1); any other makes the API
                            reachable from the network, protected only by the token
  --token T                 the token to require (default: generated on first run and kept in the
                            data directory's serve-token, readable by you only)
  --allow-private-networks  let links sent over HTTP reach this machine, its private networks and
                            link-local addresses (refused by default; the app and the CLI always can)
  --allow-address A         let them reach this address or CIDR range only (your NAS: 192.168.1.20)
  --allow-host NAME         answer requests addressed to NAME too (a name of this machine on your
                            network, a proxy's); by default only 127.0.0.1, localhost, [::1] and
                            --host are, so a web page cannot reach the server by a name of its own
  Ctrl-C or SIGTERM stops: the server closes and work in flight goes back to the queue (exit 130).`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'allow-private-networks': { type: 'boolean' },
        'allow-address': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
      },
      true,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const port = values.port === undefined ? defaultPort : parsePort(values.port);
    if (values.token !== undefined && values.token.trim().length < 16)
      throw new UsageError('--token needs at least 16 characters; leave it out to use a generated one.');
    const allowAddresses = values['allow-address'] ?? [];
    const notAddress = allowAddresses.find((entry) => !isAddressOrRange(entry));
    if (notAddress !== undefined)
      throw new UsageError(
        `--allow-address takes an IP address or a CIDR range such as 192.168.1.20 or 10.0.0.0/8, not "${notAddress}".`,
      );
    const allowHosts = values['allow-host'] ?? [];
    const notHost = allowHosts.find((entry) => !isHostName(entry));
    if (notHost !== undefined)
      throw new UsageError(
        `--allow-host takes a host name or an address without a port, such as ferry.local or 192.168.1.20, not "${notHost}".`,
      );
    const host = values.host ?? '127.0.0.1';
    if (!isLoopbackHost(host))
      context.stderr(
        `ferry: warning: listening on ${host}: the API is reachable from the network, protected only by the token. ` +
          'Links sent to it still cannot reach private networks unless --allow-private-networks is given.',
      );
    const interrupt = interruptOnSignals();
    try {
      const server = await startServer({
        dataDir: context.dataDir,
        port,
        host,
        env: context.env,
        allowPrivateNetworks: values['allow-private-networks'] ?? false,
        allowAddresses,
        allowHosts,
        ...(values.token !== undefined ? { token: values.token.trim() } : {}),
        onNotice: (text) => context.stderr(`ferry: ${text}`),
      });
      server.engine.on('engine', (status) => context.stderr(`ferry: ${describeEngineStatus(status)}`));
      context.stdout(
        [
          `Ferry is serving ${context.dataDir}`,
          `  Open the app, signed in:  ${server.signInUrl}`,
          `  API base:                 ${server.apiBase}  (Authorization: Bearer <the token in that link>)`,
          '  Ctrl-C stops.',
        ].join('\n'),
      );
      const aborted = new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve()));
      await aborted;
      await server.stop();
      context.stderr('ferry: stopped; work in flight went back to the queue.');
      return exitCodes.interrupted;
    } finally {
      interrupt.dispose();
    }
  },
};
