/**
 * Runtime validation of every command's input (zod). Both the IPC handlers in main and the
 * headless server parse with these before anything reaches the engine.
 */
import { z } from 'zod';
import type { CommandInput, CommandName } from './api';
import { stages } from './video';
import { videoStates } from './video-states';

const fraction = z.number().min(0).max(1);
const stringMap = z.record(z.string(), z.string());
const uid = z.string().regex(/^[0-9a-f]{32}$/, 'a video uid is 32 hexadecimal characters');

const watermark = z.strictObject({
  image: z.string().min(1),
  position: z.enum(['upperRight', 'upperLeft', 'lowerLeft', 'lowerRight', 'center']),
  opacity: fraction,
  scale: fraction,
  padding: fraction,
});

const ingestOptions = z.strictObject({
  ladder: z.union([z.literal('auto'), z.array(z.number().int().min(64).max(4320)).min(1)]).optional(),
  thumbnailTimestampPct: fraction.optional(),
  maxDurationSeconds: z.number().positive().optional(),
  maxSizeBytes: z.number().int().positive().optional(),
  watermark: watermark.optional(),
  meta: stringMap.optional(),
  transcode: z.boolean().optional(),
  scheduledDeletion: z.iso.datetime({ offset: true }).optional(),
  deliverTo: z
    .array(z.string().min(1))
    .max(16)
    .refine((ids) => new Set(ids).size === ids.length, 'each delivery target once')
    .optional(),
});

const selection = z.union([z.strictObject({ uids: z.array(uid).min(1) }), z.strictObject({ all: z.literal(true) })]);

const concurrency = z.strictObject({
  downloads: z.number().int().min(1).max(32),
  downloadsPerHost: z.number().int().min(1).max(16),
  transcodes: z.number().int().min(1).max(8),
  deliveries: z.number().int().min(1).max(16),
});

const provider = z.enum(['cloudflare', 'gcore', 'bunny', 'vimeo', 'twelvelabs', 'tus']);

export const commandSchemas: { [K in CommandName]: z.ZodType<CommandInput<K>> } = {
  addLinks: z.strictObject({
    links: z
      .array(
        z.strictObject({
          url: z.string().min(1),
          name: z.string().optional(),
          headers: stringMap.optional(),
          meta: stringMap.optional(),
        }),
      )
      .min(1),
    options: ingestOptions.optional(),
  }),
  addFiles: z.strictObject({ paths: z.array(z.string().min(1)).min(1), options: ingestOptions.optional() }),
  importList: z.strictObject({ path: z.string().min(1), options: ingestOptions.optional() }),
  pause: selection,
  resume: selection,
  cancel: selection,
  retry: selection,
  remove: z.union([
    z.strictObject({ uids: z.array(uid).min(1), deleteOutputs: z.boolean().optional() }),
    z.strictObject({ all: z.literal(true), deleteOutputs: z.boolean().optional() }),
  ]),
  list: z.strictObject({
    state: z.enum(videoStates).optional(),
    stage: z.enum(stages).optional(),
    search: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
    asc: z.boolean().optional(),
  }),
  moveToTop: z.strictObject({ uid }),
  pauseQueue: z.void(),
  resumeQueue: z.void(),
  stopAfterCurrent: z.void(),
  get: z.strictObject({ uid }),
  totals: z.void(),
  getSettings: z.void(),
  setSettings: z.strictObject({
    concurrency: concurrency.optional(),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    minFreeDiskBytes: z.number().int().min(0).optional(),
    keepOriginal: z.boolean().optional(),
  }),
  listTargets: z.void(),
  saveTarget: z.strictObject({
    id: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(100),
    provider,
    mode: z.enum(['tus', 'pull']),
    endpoint: z.url({ protocol: /^https?$/ }),
    credential: z.string().optional(),
  }),
  removeTarget: z.strictObject({ id: z.string().min(1) }),
};

/** Parses a command's input; on failure the message names the command and each bad field. */
export function validateCommand<K extends CommandName>(
  name: K,
  input: unknown,
): { ok: true; value: CommandInput<K> } | { ok: false; message: string } {
  const result = commandSchemas[name].safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, message: `Invalid input for "${name}": ${problems.join('; ')}.` };
}
