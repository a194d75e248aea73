import fs from 'node:fs';
import { verifyWebhook } from '../../engine/notify/sign-webhook';
import { dataPaths } from '../../engine/data-paths';
import { openDatabase } from '../../engine/queue/open-database';
import { SettingsStore } from '../../engine/queue/settings-store';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';

async function readStdin(): Promise<Buffer> {
  // Waiting on a terminal would look like a hang: the body has to come from a pipe or a file.
  if (process.stdin.isTTY) throw new UsageError('Give the body with --body-file FILE, or pipe it in on stdin.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function verify(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      secret: { type: 'string' },
      signature: { type: 'string' },
      'body-file': { type: 'string' },
      tolerance: { type: 'string' },
    },
    true,
  );
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (!values.secret) throw new UsageError('--secret is needed: the webhook secret (ferry webhook secret prints it).');
  if (!values.signature) throw new UsageError("--signature is needed: the Webhook-Signature header's value.");
  const tolerance = values.tolerance === undefined ? 300 : Number(values.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new UsageError('--tolerance must be a number of seconds.');
  const file = values['body-file'];
  if (file !== undefined && !fs.existsSync(file)) throw new UsageError(`No file at ${file}.`);
  // The raw bytes: a body decoded and re-encoded, or parsed and printed again, would no longer match.
  const body = file === undefined ? await readStdin() : fs.readFileSync(file);

  const result = verifyWebhook(values.signature, body, values.secret, { toleranceSeconds: tolerance });
  if (result.ok) {
    context.stdout(`valid (signed at ${new Date(result.time * 1000).toISOString()})`);
    return exitCodes.ok;
  }
  context.stdout(`invalid: ${result.reason}`);
  // The usual cause when pasting a body: an editor or `echo` added a newline the sender never signed.
  if (
    body.at(-1) === 0x0a &&
    verifyWebhook(values.signature, body.subarray(0, -1), values.secret, { toleranceSeconds: tolerance }).ok
  ) {
    context.stderr('hint: it matches without the final newline; give the body exactly as received (printf, not echo).');
  }
  return exitCodes.failure;
}

function secret(args: string[], context: CliContext): number {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const { db } = openDatabase(dataPaths(context.dataDir).database);
  try {
    context.stdout(new SettingsStore(db).get().webhookSecret);
    return exitCodes.ok;
  } finally {
    db.close();
  }
}

export const webhookCommand: CliCommand = {
  name: 'webhook',
  summary: 'Print the webhook secret, or check a webhook signature',
  usage: `ferry webhook secret
       ferry webhook verify --secret HEX --signature HEADER [--body-file FILE] [--tolerance SECONDS]

  Ferry POSTs the Video object to the webhook URL in settings when a video reaches ready or error,
  signed as Cloudflare Stream signs its webhooks:
    Webhook-Signature: time=<unix seconds>,sig1=<hex HMAC-SHA256 of "<time>.<body>", keyed with the secret>

  secret       print this data directory's secret, for your receiver
  verify       check a signature; prints "valid (signed at <time>)" and exits 0,
               or "invalid: <reason>" and exits 1
    --secret HEX          the secret to check with
    --signature HEADER    the Webhook-Signature header's value, quoted
    --body-file FILE      the body exactly as received (default: read from stdin)
    --tolerance SECONDS   how old (or how far ahead) the signing time may be (default 300)`,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'verify') return verify(rest, context);
    if (sub === 'secret') return secret(rest, context);
    throw new UsageError(sub ? `Unknown subcommand "${sub}". Use verify or secret.` : 'Which one? verify or secret.');
  },
};
