/**
 * `ferry webhook secret|verify`: the data directory's signing secret (getSettings), and whether a
 * webhook as received was signed by it, or by a secret given (verifyWebhook). Both go through
 * the engine's dispatcher, so the signature scheme lives in the engine alone.
 */
import fs from 'node:fs';
import { call, fieldsByPrefix, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand, type CliContext } from '../cli-context';
import { parseNumber } from '../parse-values';
import { readPipe } from '../read-pipe';

const verifyFields = fieldsByPrefix({
  signature: '--signature',
  secret: '--secret',
  toleranceSeconds: '--tolerance',
  body: 'the body',
});

/** The body as text, byte for byte (no BOM dropped), or null when it is not UTF-8: Ferry never sends that. */
function bodyText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null; // not UTF-8: reported as such by the caller
  }
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
  if (!values.signature) throw new UsageError("--signature is needed: the Webhook-Signature header's value.");
  const tolerance = values.tolerance === undefined ? undefined : parseNumber('--tolerance', values.tolerance);
  const file = values['body-file'];
  if (file !== undefined && !fs.existsSync(file)) throw new UsageError(`No file at ${file}.`);
  // The raw bytes: a body decoded and re-encoded, or parsed and printed again, would no longer match.
  const bytes =
    file === undefined
      ? await readPipe(context.stdin, 'Give the body with --body-file FILE, or pipe it in on stdin.')
      : fs.readFileSync(file);
  const body = bodyText(bytes);
  if (body === null) {
    context.stdout('invalid: the body is not UTF-8 text, and Ferry sends UTF-8 JSON: it was changed on the way');
    return exitCodes.failure;
  }
  const signature = values.signature;
  return withEngine(context, async (engine) => {
    const check = (text: string) =>
      call(
        engine,
        'verifyWebhook',
        {
          signature,
          body: text,
          ...(values.secret !== undefined ? { secret: values.secret } : {}),
          ...(tolerance !== undefined ? { toleranceSeconds: tolerance } : {}),
        },
        verifyFields,
      );
    const result = await check(body);
    if (result.valid) {
      context.stdout(`valid (signed at ${result.signedAt})`);
      return exitCodes.ok;
    }
    context.stdout(`invalid: ${result.reason}`);
    // The usual cause when pasting a body: an editor or `echo` added a newline the sender never signed.
    if (body.endsWith('\n') && (await check(body.slice(0, -1))).valid) {
      context.stderr(
        'hint: it matches without the final newline; give the body exactly as received (printf, not echo).',
      );
    }
    return exitCodes.failure;
  });
}

async function secret(args: string[], context: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  return withEngine(context, async (engine) => {
    context.stdout((await call(engine, 'getSettings', undefined)).webhookSecret);
    return exitCodes.ok;
  });
}

export const webhookCommand: CliCommand = {
  name: 'webhook',
  summary: 'Print the webhook secret, or check a webhook signature',
  usage: `ferry webhook secret
       ferry webhook verify --signature HEADER [--secret HEX] [--body-file FILE] [--tolerance SECONDS]

  Ferry POSTs the Video object to the webhook URL in settings (ferry settings webhookUrl URL) when a
  video reaches ready or error, signed as Cloudflare Stream signs its webhooks:
    Webhook-Signature: time=<unix seconds>,sig1=<hex HMAC-SHA256 of "<time>.<body>", keyed with the secret>

  secret       print this data directory's secret, for your receiver
  verify       check a signature; prints "valid (signed at <time>)" and exits 0,
               or "invalid: <reason>" and exits 1
    --signature HEADER    the Webhook-Signature header's value, quoted
    --secret HEX          the secret to check with (default: this data directory's)
    --body-file FILE      the body exactly as received (default: read from stdin)
    --tolerance SECONDS   how old (or how far ahead) the signing time may be (default 300)`,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'verify') return verify(rest, context);
    if (sub === 'secret') return secret(rest, context);
    throw new UsageError(sub ? `Unknown subcommand "${sub}". Use verify or secret.` : 'Which one? verify or secret.');
  },
};
