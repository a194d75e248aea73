/**
 * Runtime validation of every command's input (zod). The engine's dispatcher parses with these
 * before anything reaches the engine, whichever door the call came through (IPC, CLI, server).
 * Messages are read after the field's name and a colon, as callers show them (or the CLI's flag).
 */
import { z } from 'zod';
import { listSorts, type CommandInput, type CommandName } from './api';
import { fingerprintPattern } from './content-fingerprint';
import { deliveryModes, deliveryProviders, deliveryReadyWhens, deliverySends } from './delivery-targets';
import type { InputIssue } from './ferry-error';
import { headerProblem } from './http-header-name';
import { stages } from './video';
import { ladderModes, qualityPresets, videoCodecs } from './transcode-presets';
import { videoStates } from './video-states';

const fraction = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');
const stringMap = z.record(z.string(), z.string());
const uid = z.string().regex(/^[0-9a-f]{32}$/, 'a video uid is 32 hexadecimal characters');

/** Request headers for a link: one check of names and values (http-header-name.ts). */
const headers = z.record(z.string(), z.string()).superRefine((given, context) => {
  for (const [name, value] of Object.entries(given)) {
    const problem = headerProblem(name, value);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: [name] });
  }
});

/** An origin allowed to embed a video's media: a host (`example.com`, `example.com:8080`), `*.example.com` or `*`. */
const allowedOrigin = z
  .string()
  .regex(
    /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?)$/i,
    'must be host names such as example.com, *.example.com or *',
  );
const allowedOrigins = z.array(allowedOrigin).max(100, 'at most 100 origins');
const creator = z.string().min(1, 'cannot be empty').max(64, "is at most 64 characters (Cloudflare Stream's limit)");
const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO date-time such as 2030-01-31T18:00:00Z' });

const watermarkPositions = ['upperRight', 'upperLeft', 'lowerLeft', 'lowerRight', 'center'] as const;

const watermark = z.strictObject({
  image: z.string().min(1),
  position: z.enum(watermarkPositions, `must be one of ${watermarkPositions.join(', ')}`),
  opacity: fraction,
  scale: fraction,
  padding: fraction,
});

const listFormats = ['text', 'csv', 'json', 'ndjson'] as const;
const listFormat = z.enum(listFormats, `must be one of ${listFormats.join(', ')}`);

const ladder = z.union([
  z.literal('auto'),
  z
    .array(
      z
        .number()
        .int('must be whole numbers of pixels')
        .min(64, 'must be heights from 64 to 4320')
        .max(4320, 'must be heights from 64 to 4320'),
    )
    .min(1, 'needs at least one height'),
]);

/** In and out points in seconds; whether they fit the video is checked once its duration is known (trim.ts). */
const trim = z
  .strictObject({
    start: z.number().min(0, 'must be 0 or more seconds'),
    end: z.number().positive('must be a positive number of seconds'),
  })
  .refine((t) => t.end > t.start, {
    message: 'must be after start: give an out point later than the in point',
    path: ['end'],
  });

const preset = z.enum(qualityPresets, `must be one of ${qualityPresets.join(', ')}`);
const codec = z.enum(videoCodecs, `must be one of ${videoCodecs.join(', ')}`);

const ingestOptions = z.strictObject({
  ladder: ladder.optional(),
  preset: preset.optional(),
  codec: codec.optional(),
  thumbnailTimestampPct: fraction.optional(),
  maxDurationSeconds: z.number().positive('must be a positive number of seconds').optional(),
  maxSizeBytes: z.number().int('must be a whole number of bytes').positive('must be a positive number').optional(),
  trim: trim.optional(),
  watermark: watermark.optional(),
  meta: stringMap.optional(),
  transcode: z.boolean().optional(),
  scheduledDeletion: isoDateTime.optional(),
  requireSignedURLs: z.boolean().optional(),
  allowedOrigins: allowedOrigins.optional(),
  creator: creator.optional(),
  deliverTo: z
    .array(z.string().min(1))
    .max(16)
    .refine((ids) => new Set(ids).size === ids.length, 'each delivery target once')
    .optional(),
  privateNetworks: z.boolean().optional(),
  allowInsecureRedirects: z.boolean().optional(),
  duplicates: z.enum(['report', 'allow'], 'must be report or allow').optional(),
  secretHeaders: z
    .array(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be HTTP header names such as X-Signed-Url'))
    .max(100, 'at most 100 names')
    .optional(),
});

const selection = z.union([z.strictObject({ uids: z.array(uid).min(1) }), z.strictObject({ all: z.literal(true) })]);
/** Delivery targets' ids (listTargets), at least one. */
const targetIds = z.array(z.string().min(1)).min(1, 'name at least one target');

const limit = (max: number) =>
  z
    .number()
    .int(`must be a whole number from 1 to ${max}`)
    .min(1, `must be a whole number from 1 to ${max}`)
    .max(max, `must be a whole number from 1 to ${max}`);

const concurrency = z.strictObject({
  downloads: limit(32),
  downloadsPerHost: limit(16),
  transcodes: limit(8),
  deliveries: limit(16),
});

/** A local time of day, as the download hours are given. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM (00:00 to 23:59)');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

const provider = z.enum(deliveryProviders, `must be one of ${deliveryProviders.join(', ')}`);
/** An id or name the service gave (account, library, index): what goes into its API paths. */
const serviceId = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, 'is an id as the service shows it: letters, digits, dot, dash, underscore');

export const commandSchemas: { [K in CommandName]: z.ZodType<CommandInput<K>> } = {
  addLinks: z.strictObject({
    links: z
      .array(
        z.strictObject({
          url: z.string().min(1),
          name: z.string().optional(),
          headers: headers.optional(),
          meta: stringMap.optional(),
        }),
      )
      .min(1),
    options: ingestOptions.optional(),
  }),
  addFiles: z
    .strictObject({ paths: z.array(z.string().min(1)).min(1), options: ingestOptions.optional(), uid: uid.optional() })
    .refine((input) => input.uid === undefined || input.paths.length === 1, {
      message: 'names the video of one file: give one path with it',
      path: ['uid'],
    }),
  importList: z.union([
    z.strictObject({ path: z.string().min(1), options: ingestOptions.optional() }),
    z.strictObject({ content: z.string(), format: listFormat.optional(), options: ingestOptions.optional() }),
  ]),
  checkLinks: z.strictObject({
    content: z.string().max(64 * 1024 * 1024, 'is larger than 64 MiB: import the list as a file instead'),
    format: listFormat.optional(),
    limit: limit(1000).optional(),
    problemsFirst: z.boolean().optional(),
  }),
  pause: selection,
  resume: selection,
  cancel: selection,
  retry: selection,
  remove: z.union([
    z.strictObject({ uids: z.array(uid).min(1), deleteOutputs: z.boolean().optional() }),
    z.strictObject({ all: z.literal(true), deleteOutputs: z.boolean().optional() }),
  ]),
  list: z.strictObject({
    state: z.enum(videoStates, `must be one of ${videoStates.join(', ')}`).optional(),
    stage: z.enum(stages).optional(),
    search: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
    asc: z.boolean().optional(),
    sort: z.enum(listSorts, `must be one of ${listSorts.join(', ')}`).optional(),
    creator: creator.optional(),
    start: isoDateTime.optional(),
    end: isoDateTime.optional(),
  }),
  moveToTop: z.strictObject({ uid }),
  move: z.union([
    z.strictObject({ uid, to: z.enum(['top', 'up', 'down', 'bottom'], 'must be top, up, down or bottom') }),
    z.strictObject({ uid, before: uid }),
  ]),
  deliver: z.union([
    z.strictObject({ uids: z.array(uid).min(1), targets: targetIds }),
    z.strictObject({ all: z.literal(true), targets: targetIds }),
  ]),
  shareLinks: z.strictObject({
    uid,
    expiresInSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(60, 'must be at least 60 seconds')
      .max(366 * 24 * 3600, 'must be at most a year')
      .optional(),
  }),
  pauseQueue: z.void(),
  resumeQueue: z.void(),
  stopAfterCurrent: z.void(),
  get: z.strictObject({ uid }),
  edit: z.strictObject({
    uid,
    changes: z
      .strictObject({
        meta: stringMap.optional(),
        requireSignedURLs: z.boolean().optional(),
        allowedOrigins: allowedOrigins.optional(),
        thumbnailTimestampPct: fraction.optional(),
        scheduledDeletion: isoDateTime.nullable().optional(),
        maxDurationSeconds: z.number().positive('must be a positive number of seconds').optional(),
        creator: creator.nullable().optional(),
        trim: trim.nullable().optional(),
      })
      .refine((changes) => Object.keys(changes).length > 0, 'needs at least one field to change'),
  }),
  clip: z
    .strictObject({
      uid,
      start: z.number().min(0, 'must be 0 or more seconds'),
      end: z.number().positive('must be a positive number of seconds'),
      options: ingestOptions.optional(),
    })
    .refine((c) => c.end > c.start, {
      message: 'must be after start: give an end later than the start',
      path: ['end'],
    }),
  getMany: z.strictObject({ uids: z.array(uid).max(1000, 'at most 1000 uids at a time') }),
  history: z.strictObject({ uid }),
  findByFingerprint: z.strictObject({
    fingerprints: z
      .array(z.string().regex(fingerprintPattern, 'a fingerprint is 64 lowercase hexadecimal characters'))
      .max(10_000, 'at most 10,000 fingerprints a call'),
  }),
  totals: z.void(),
  getSettings: z.void(),
  setSettings: z.strictObject({
    concurrency: concurrency.optional(),
    webhookUrl: httpUrl.nullable().optional(),
    webhookPrivateNetworks: z.boolean().optional(),
    minFreeDiskBytes: z.number().int('must be a whole number of bytes').min(0, 'cannot be negative').optional(),
    keepOriginal: z.boolean().optional(),
    serve: z
      .strictObject({ enabled: z.boolean(), port: z.number().int().min(1).max(65_535, 'must be a port, 1 to 65535') })
      .optional(),
    uploads: z
      .strictObject({
        maxSizeBytes: z.number().int('must be a whole number of bytes').min(1, 'must be at least 1 byte'),
      })
      .optional(),
    defaults: z.strictObject({ ladder, thumbnailTimestampPct: fraction }).optional(),
    transcode: z
      .strictObject({
        ladder: z.enum(ladderModes, `must be one of ${ladderModes.join(', ')}`),
        preset,
        codec,
      })
      .optional(),
    ui: z
      .strictObject({
        theme: z.enum(['system', 'light', 'dark'], 'must be system, light or dark'),
        watchClipboard: z.boolean(),
        density: z.enum(['comfortable', 'compact'], 'must be comfortable or compact').optional(),
      })
      .optional(),
    delivery: z
      .strictObject({
        deliverTo: z
          .array(z.string().min(1))
          .max(20)
          .refine((ids) => new Set(ids).size === ids.length, 'each delivery target once'),
        maxUploadBytesPerSecond: z
          .number()
          .int('must be a whole number of bytes a second')
          .min(64 * 1024, 'must be at least 64 KiB a second (65536), or null for no limit')
          .nullable(),
      })
      .optional(),
    download: z
      .strictObject({
        maxBytesPerSecond: z
          .number()
          .int('must be a whole number of bytes a second')
          .min(64 * 1024, 'must be at least 64 KiB a second (65536), or null for no limit')
          .nullable(),
        hours: z
          .strictObject({ start: timeOfDay, end: timeOfDay })
          .refine((hours) => hours.start !== hours.end, 'needs an end different from its start, or null for any time')
          .nullable(),
      })
      .optional(),
  }),
  libraryStatus: z.void(),
  moveLibrary: z.strictObject({
    to: z.string().trim().min(1, 'must be the path of the new library folder').max(4096, 'is longer than any path'),
  }),
  listTargets: z.void(),
  saveTarget: z.strictObject({
    id: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(100),
    provider,
    mode: z.enum(deliveryModes, 'must be push or pull'),
    endpoint: httpUrl.optional(),
    account: serviceId.optional(),
    library: serviceId.optional(),
    index: serviceId.optional(),
    send: z.enum(deliverySends, 'must be mp4 or original').optional(),
    readyWhen: z.enum(deliveryReadyWhens, 'must be playable or complete').optional(),
    credential: z.string().max(10_000).optional(),
    privateNetworks: z.boolean().optional(),
  }),
  removeTarget: z.strictObject({ id: z.string().min(1) }),
  testTarget: z.strictObject({ id: z.string().min(1) }),
  verifyWebhook: z.strictObject({
    signature: z.string().min(1, "must be the Webhook-Signature header's value"),
    body: z.string().max(16 * 1024 * 1024, 'is larger than any webhook Ferry sends'),
    secret: z.string().min(1).optional(),
    toleranceSeconds: z.number().min(0, 'cannot be negative').optional(),
  }),
  restartEngine: z.void(),
};

/**
 * Zod's issues as fields of the input. An unknown key is an issue at its own path; for a union
 * (a selection: uids or all) the issues of the form the input came closest to, not "Invalid input".
 */
function inputIssues(issues: readonly z.core.$ZodIssue[], at: PropertyKey[] = []): InputIssue[] {
  return issues.flatMap((issue) => {
    const where = [...at, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...where, key].join('.'), message: 'is not a field of this command' }));
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, next) => (next.length < best.length ? next : best));
      return inputIssues(closest, [...at, ...issue.path]);
    }
    return [{ path: where.length > 0 ? where.join('.') : 'input', message: issue.message }];
  });
}

/** Parses a command's input; on failure the message names the command and each bad field, and `issues` lists them. */
export function validateCommand<K extends CommandName>(
  name: K,
  input: unknown,
): { ok: true; value: CommandInput<K> } | { ok: false; message: string; issues: InputIssue[] } {
  const result = commandSchemas[name].safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = inputIssues(result.error.issues);
  const problems = issues.map((issue) => `${issue.path}: ${issue.message}`);
  return { ok: false, message: `Invalid input for "${name}": ${problems.join('; ')}.`, issues };
}
