/**
 * `ferry target add|list|test|remove`: the streaming services and TUS servers videos can be
 * delivered to (`--deliver`, or every video with the delivery.deliverTo setting). A credential is
 * taken from an environment variable or stdin, kept in the OS keychain, and never printed.
 */
import {
  deliveryProviders,
  providerFacts,
  type DeliveryTarget,
  type TargetTest,
} from '../../../shared/delivery-targets';
import type { Engine } from '../../engine/create-engine';
import { call, fieldsByPrefix, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { findTarget, formatTargetTable } from '../format-deliveries';
import { readCredential } from '../target-credential';
import { credentialWords, targetInput } from '../target-options';

const targetFields = fieldsByPrefix({
  name: 'the name',
  provider: '--provider',
  mode: '--mode',
  endpoint: '--endpoint',
  account: '--account',
  library: '--library',
  index: '--index',
  send: '--send',
  readyWhen: '--ready-when',
  credential: 'the credential',
});

const addOptions = {
  provider: { type: 'string' },
  mode: { type: 'string' },
  endpoint: { type: 'string' },
  account: { type: 'string' },
  library: { type: 'string' },
  index: { type: 'string' },
  send: { type: 'string' },
  'ready-when': { type: 'string' },
  'credential-env': { type: 'string' },
  'credential-stdin': { type: 'boolean' },
  'no-test': { type: 'boolean' },
  // Gone: declared only to answer with the form that replaced them.
  tus: { type: 'string' },
  credential: { type: 'string' },
} as const;

function refuseOldForm(values: { tus?: string; credential?: string }): void {
  if (values.credential !== undefined)
    throw new UsageError(
      '--credential is gone: a credential on the command line lands in shell history. ' +
        'Use --credential-env VAR (the name of an environment variable holding it) or --credential-stdin (pipe it in).',
    );
  if (values.tus !== undefined) throw new UsageError(`--tus is gone: use --provider tus --endpoint ${values.tus}.`);
}

async function add(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, addOptions, true);
  refuseOldForm(values);
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError('Which name? ferry target add <name> --provider <provider> ….');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  // Read before the engine opens: a pipe is read once, whatever the target turns out to be.
  const credential = await readCredential(values, context);
  return withEngine(context, async (engine) => {
    const targets = await call(engine, 'listTargets', undefined);
    const existing = targets.find((t) => t.name === name.trim());
    const input = targetInput(name, values, existing);
    // A credential kept across a change of provider would be the old service's, sent to the new one.
    const otherService = existing?.hasCredential === true && existing.provider !== input.provider;
    const keeps = existing?.hasCredential === true && !otherService;
    if (credential === undefined && input.provider !== 'tus' && !keeps)
      throw new UsageError(
        `${credentialWords(input.provider)}: give --credential-env VAR or pipe it to --credential-stdin.`,
      );
    // An empty credential removes the stored one (saveTarget).
    const given = credential ?? (otherService ? '' : undefined);
    const target = await call(
      engine,
      'saveTarget',
      { ...input, ...(given !== undefined ? { credential: given } : {}) },
      targetFields,
    );
    context.stdout(`${input.id ? 'changed' : 'added'} target ${target.name} (${target.id})`);
    if (given === '' && existing)
      context.stdout(
        `  its ${providerFacts[existing.provider].label} credential was removed: it is not for ${providerFacts[target.provider].label}`,
      );
    if (values['no-test']) return exitCodes.ok;
    // A mistake in the endpoint or the credential shows now, not at the first delivery.
    const tested = await call(engine, 'testTarget', { id: target.id });
    if (tested.ok) {
      context.stdout(`  tested: ${tested.message}`);
      return exitCodes.ok;
    }
    context.stderr(
      `ferry: ${target.name}: ${tested.message}${testAdvice(target, tested)} (saved all the same: fix it with ferry target add ${target.name} …, ` +
        `try again with ferry target test ${target.name}, or add with --no-test to skip the test)`,
    );
    return exitCodes.failure;
  });
}

async function list(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  return withEngine(context, async (engine) => {
    const targets = await call(engine, 'listTargets', undefined);
    if (values.json) context.stdout(JSON.stringify(targets, null, 2));
    else if (targets.length === 0)
      context.stdout(
        'No delivery targets yet. Add one with: ferry target add <name> --provider <provider> --credential-env VAR',
      );
    else context.stdout(formatTargetTable(targets));
    return exitCodes.ok;
  });
}

/** Runs `work` on the target named by the one positional argument; an unknown one fails naming the data directory. */
async function withTarget(
  args: string[],
  context: CliContext,
  work: (target: DeliveryTarget, engine: Engine) => Promise<number>,
): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  const [idOrName, ...extra] = positionals;
  if (!idOrName) throw new UsageError('Which target? Give its id or name (see ferry target list).');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  return withEngine(context, async (engine) => {
    const target = findTarget(await call(engine, 'listTargets', undefined), idOrName);
    if (!target) {
      context.stderr(`ferry: no delivery target "${idOrName}" in ${context.dataDir} (see ferry target list).`);
      return exitCodes.failure;
    }
    return work(target, engine);
  });
}

const test = (args: string[], context: CliContext) =>
  withTarget(args, context, async (target, engine) => {
    const result = await call(engine, 'testTarget', { id: target.id });
    if (result.ok) {
      context.stdout(`${target.name}: ${result.message}`);
      return exitCodes.ok;
    }
    context.stderr(`ferry: ${target.name}: ${result.message}${testAdvice(target, result)}`);
    return exitCodes.failure;
  });

/** What a failed test's `fix` means on the command line (the engine's message fits every door). */
function testAdvice(target: DeliveryTarget, result: TargetTest): string {
  if (result.fix === 'credential')
    return ` Save the right one: ferry target add "${target.name}" … --credential-env VAR.`;
  if (result.fix === 'endpoint') return ` Fix it with ferry target add "${target.name}" --endpoint URL ….`;
  return '';
}

const remove = (args: string[], context: CliContext) =>
  withTarget(args, context, async (target, engine) => {
    await call(engine, 'removeTarget', { id: target.id });
    context.stdout(`removed target ${target.name} (${target.id})`);
    return exitCodes.ok;
  });

/** One line a provider: its modes, what it needs, and what its credential is. */
const providerHelp = deliveryProviders
  .map((p) => {
    const facts = providerFacts[p];
    const needs = Object.entries(facts.needs).map(([field, what]) => ` --${field} <${what}>`);
    if (facts.defaultEndpoint === null) needs.push(' --endpoint <URL>');
    return `      ${p.padEnd(11)}${facts.label}, ${facts.modes.join('|')}${needs.join('')}; ${facts.credential}`;
  })
  .join('\n');

export const targetCommand: CliCommand = {
  name: 'target',
  summary: 'Add, list, test or remove delivery targets (Cloudflare Stream, Bunny, Vimeo, TUS servers…)',
  usage: `ferry target add <name> --provider <provider> [--mode push|pull] [--endpoint URL]
                  [--account ID] [--library ID] [--index ID] [--send mp4|original]
                  [--ready-when playable|complete] (--credential-env VAR | --credential-stdin)
                  [--no-test]
       ferry target list [--json]
       ferry target test <id or name>
       ferry target remove <id or name>

  add      save a service videos can be delivered to (ferry ingest … --deliver <name>, or every
           video: ferry settings delivery.deliverTo <name>); adding a name that exists changes
           that target, keeping what is not given again (its credential included)
    --provider P           the service; each with its modes, what it needs, and its credential:
${providerHelp}
    --mode push|pull       push: Ferry uploads the file. pull: the service fetches the video's link
                           itself. Default: push where the provider can, else pull
    --endpoint URL         the API base, to reach another Ferry, a proxy or a regional host;
                           needed for tus (the URL uploads are created at). For cloudflare: the
                           origin, the SDK's …/client/v4, or the …/accounts/{id}/stream that
                           ferry serve prints (its account is taken)
    --account/--library/--index ID   what the provider needs, as its dashboard shows it
    --send mp4|original    push the MP4 Ferry made (default) or the file as it came
    --ready-when playable|complete   ready once the service can play it, or once every
                           rendition is done (default)
    --credential-env VAR   read the credential from the environment variable VAR
    --credential-stdin     read it from stdin, e.g. pass show bunny | ferry target add …
    --no-test              save without asking the service (by default the target is tested once
                           saved, as ferry target test does; a failed test exits 1, the target kept)
  list     the targets: id, name, provider, mode, what is sent, whether a credential is stored,
           endpoint, and account, library or index; --json prints them (never a credential)
  test     ask the service whether it answers and takes the credential; sends no video.
           Exits 1 when it does not, saying why
  remove   forget a target and its credential; its deliveries keep their outcome, unfinished ones fail

  A pull target pulls a video that came from a link the service can reach; otherwise (a file
  you added, a link on this machine's network) Ferry pushes it and the delivery's notice says why.

  Credentials are kept in the OS keychain (service "Ferry"), where the app finds them too. On a
  server without one, set FERRY_CREDENTIALS=file to keep them in credentials.json (mode 0600) in
  the data directory instead; ferry doctor warns while it is used. A credential is never given
  on the command line, where shell history would keep it.`,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'add') return add(rest, context);
    if (sub === 'list') return list(rest, context);
    if (sub === 'test') return test(rest, context);
    if (sub === 'remove') return remove(rest, context);
    throw new UsageError(
      sub ? `Unknown subcommand "${sub}". Use add, list, test or remove.` : 'Which one? add, list, test or remove.',
    );
  },
};
