/**
 * `ferry target add|list|remove`: the delivery targets videos can be sent to (`--deliver`).
 * Only generic TUS servers for now. A credential is kept in the OS keychain for the uploads and
 * never printed.
 */
import { call, fieldsByPrefix, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { findTarget, formatTargetTable } from '../format-deliveries';

const targetFields = fieldsByPrefix({ name: 'the name', endpoint: '--tus', credential: '--credential' });

function credentialFrom(values: { credential?: string; 'credential-env'?: string }, env: NodeJS.ProcessEnv) {
  if (values.credential !== undefined && values['credential-env'] !== undefined) {
    throw new UsageError('Give --credential or --credential-env, not both.');
  }
  const name = values['credential-env'];
  if (name === undefined) return values.credential;
  const value = env[name];
  if (value === undefined) throw new UsageError(`--credential-env: the environment variable ${name} is not set.`);
  return value;
}

async function add(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { tus: { type: 'string' }, credential: { type: 'string' }, 'credential-env': { type: 'string' } },
    true,
  );
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError('Which name? ferry target add <name> --tus <endpoint>.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const endpoint = values.tus;
  if (!endpoint) throw new UsageError('--tus <endpoint> is needed: the URL uploads are created at.');
  const credential = credentialFrom(values, context.env);
  return withEngine(context, async (engine) => {
    const existing = findTarget(await call(engine, 'listTargets', undefined), name);
    const target = await call(
      engine,
      'saveTarget',
      {
        ...(existing ? { id: existing.id } : {}),
        name,
        provider: 'tus',
        mode: 'push',
        endpoint,
        ...(credential !== undefined ? { credential } : {}),
      },
      targetFields,
    );
    context.stdout(`${existing ? 'changed' : 'added'} target ${target.name} (${target.id})`);
    return exitCodes.ok;
  });
}

async function list(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  return withEngine(context, async (engine) => {
    const targets = await call(engine, 'listTargets', undefined);
    if (values.json) context.stdout(JSON.stringify(targets, null, 2));
    else if (targets.length === 0)
      context.stdout('No delivery targets yet. Add one with: ferry target add <name> --tus <endpoint>');
    else context.stdout(formatTargetTable(targets));
    return exitCodes.ok;
  });
}

async function remove(args: string[], context: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  const [idOrName, ...extra] = positionals;
  if (!idOrName) throw new UsageError('Which target? Give its id or name (see ferry target list).');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  return withEngine(context, async (engine) => {
    const target = findTarget(await call(engine, 'listTargets', undefined), idOrName);
    if (!target) {
      context.stderr(`ferry: no delivery target "${idOrName}" in ${context.dataDir}.`);
      return exitCodes.failure;
    }
    await call(engine, 'removeTarget', { id: target.id });
    context.stdout(`removed target ${target.name} (${target.id})`);
    return exitCodes.ok;
  });
}

export const targetCommand: CliCommand = {
  name: 'target',
  summary: 'Add, list or remove delivery targets (TUS servers)',
  usage: `ferry target add <name> --tus <endpoint> [--credential VALUE | --credential-env VAR]
       ferry target list [--json]
       ferry target remove <id or name>

  add      save a TUS server videos can be delivered to (ferry ingest … --deliver <name>); adding
           a name that exists changes that target (its credential is kept unless a new one is given)
    --tus URL              where uploads are created (the TUS creation endpoint)
    --credential VALUE     sent as the Authorization header, e.g. "Bearer <token>"; stored, never shown
    --credential-env VAR   the same, read from an environment variable (keeps it out of shell history)
  list     the targets: id, name, provider, whether a credential is stored, endpoint
  remove   forget a target; its deliveries keep their outcome, unfinished ones fail

  Only generic TUS servers can be targets in this version; each upload resumes from the server's
  offset after a pause, a crash or a kill.

  Credentials are kept in the OS keychain (service "Ferry"), where the app finds them too. On a
  server without one, set FERRY_CREDENTIALS=file to keep them in credentials.json (mode 0600) in
  the data directory instead; ferry doctor warns while it is used.`,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'add') return add(rest, context);
    if (sub === 'list') return list(rest, context);
    if (sub === 'remove') return remove(rest, context);
    throw new UsageError(
      sub ? `Unknown subcommand "${sub}". Use add, list or remove.` : 'Which one? add, list or remove.',
    );
  },
};
