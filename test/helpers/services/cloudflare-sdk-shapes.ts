/**
 * Cloudflare Stream's request and answer shapes as the official SDK types them (npm `cloudflare`
 * 7.3.0, a dev dependency: resources/stream/copy.d.ts `CopyCreateParams`, resources/stream/stream.d.ts
 * `Video`, `StreamListParams`, `StreamCreateParams`), checked at run time.
 *
 * Why this way: the SDK checks nothing at run time (its types vanish), and `satisfies` on the
 * adapter's body in test code would not catch an invented field, since TypeScript checks excess
 * properties only on fresh literals and the adapter builds its body from typed values. So each
 * field gets a run-time guard, and the guards are a fresh literal that `satisfies Guards<T>`: it
 * does not compile when a key is missing (the SDK grew one), extra (we invented one), or guarded
 * as another type than the SDK's. The double runs these guards on every request it gets, whoever
 * built it, and the SDK test runs them on the double's answers.
 */
import type { CopyCreateParams } from 'cloudflare/resources/stream/copy';
import type { StreamCreateParams, StreamListParams, Video } from 'cloudflare/resources/stream/stream';
import type { Watermark } from 'cloudflare/resources/stream/watermarks';

type Guard<T> = (value: unknown) => value is T;
/** One guard per field of T: none missing, none extra, each claiming the field's own type. */
type Guards<T> = { [K in keyof T]-?: Guard<Exclude<T[K], undefined>> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isAnything = (v: unknown): v is unknown => v !== undefined;
const isNullableString = (v: unknown): v is string | null => v === null || isString(v);

/** The first field of `value` that T lacks or types otherwise, named from `where`; null when it conforms. */
function problemIn<T>(value: unknown, guards: Guards<T>, where: string): string | null {
  if (!isRecord(value)) return `${where} is not an object`;
  for (const [key, field] of Object.entries(value)) {
    if (!Object.hasOwn(guards, key)) return `${where}.${key} is not a field of the SDK's type`;
    const guard = (guards as Record<string, Guard<unknown>>)[key];
    if (field !== undefined && guard && !guard(field))
      return `${where}.${key} is ${JSON.stringify(field)}, not the SDK's type`;
  }
  return null;
}

/** A guard from the nested type's own guards. */
const conforming =
  <T>(guards: Guards<T>): Guard<T> =>
  (v): v is T =>
    problemIn(v, guards, 'value') === null;

/** What goes in the copy's JSON body: the params less the path param and the header param (the SDK's `create` takes those out). */
export type CopyBody = Omit<CopyCreateParams, 'account_id' | 'Upload-Creator'>;

const copyBodyGuards = {
  allowedOrigins: isStrings,
  creator: isString,
  input: isString,
  meta: isAnything,
  name: isString,
  requireSignedURLs: isBoolean,
  scheduledDeletion: isString,
  thumbnailTimestampPct: isNumber,
  url: isString,
  watermark: conforming<CopyCreateParams.Watermark>({ uid: isString }),
} satisfies Guards<CopyBody>;

/** Why a copy body is not one the SDK could send, or null. */
export const copyBodyProblem = (body: unknown): string | null => problemIn<CopyBody>(body, copyBodyGuards, 'body');

/** The list's query names (all strings on the wire, so only the names are checked). */
const listQueryNames = {
  id: true,
  after: true,
  asc: true,
  before: true,
  creator: true,
  end: true,
  include_counts: true,
  limit: true,
  live_input_id: true,
  name: true,
  search: true,
  start: true,
  status: true,
  type: true,
  video_name: true,
} satisfies Record<keyof Omit<StreamListParams, 'account_id'>, true>;

/** Why a list query is not one the SDK could send, or null. */
export function listQueryProblem(query: URLSearchParams): string | null {
  const unknown = [...query.keys()].find((name) => !Object.hasOwn(listQueryNames, name));
  return unknown === undefined ? null : `query ${unknown} is not a parameter of the SDK's StreamListParams`;
}

/**
 * The Upload-Metadata keys Stream reads, as StreamCreateParams' doc comment lists them (prose in
 * the SDK, not a type: any other key would land in `meta`, which an adapter never means).
 */
export const uploadMetadataKeys = [
  'name',
  'requiresignedurls',
  'allowedorigins',
  'thumbnailtimestamppct',
  'watermark',
  'scheduleddeletion',
  'maxdurationseconds',
] as const;

/** The TUS creation's header params, lower-cased as Node reads them. */
export const creationHeaders = {
  'tus-resumable': true,
  'upload-length': true,
  'upload-creator': true,
  'upload-metadata': true,
} satisfies Record<Lowercase<Exclude<keyof StreamCreateParams, 'account_id' | 'direct_user'>>, true>;

type State = NonNullable<Video.Status['state']>;
/** Every state the SDK names, and no other. */
export const videoStates = [
  'pendingupload',
  'downloading',
  'queued',
  'inprogress',
  'ready',
  'error',
  'live-inprogress',
] as const satisfies readonly State[];
const everyState: [Exclude<State, (typeof videoStates)[number]>] extends [never] ? true : never = true;
void everyState;
const isState = (v: unknown): v is State => videoStates.some((state) => state === v);

const statusGuards = {
  errorReasonCode: isString,
  errorReasonText: isString,
  // A string ("39.000000"), as Cloudflare sends it; a number would not be the SDK's type.
  pctComplete: isString,
  state: isState,
} satisfies Guards<Video.Status>;

const watermarkGuards = {
  created: isString,
  downloadedFrom: isString,
  height: isNumber,
  name: isString,
  opacity: isNumber,
  padding: isNumber,
  position: isString,
  scale: isNumber,
  size: isNumber,
  uid: isString,
  width: isNumber,
} satisfies Guards<Watermark>;

const videoGuards = {
  allowedOrigins: isStrings,
  clippedFrom: isString,
  created: isString,
  creator: isString,
  duration: isNumber,
  input: conforming<Video.Input>({ height: isNumber, width: isNumber }),
  liveInput: isString,
  maxDurationSeconds: isNumber,
  maxSizeBytes: isNumber,
  meta: isAnything,
  modified: isString,
  playback: conforming<Video.Playback>({ dash: isString, hls: isString }),
  preview: isString,
  publicDetails: conforming<Video.PublicDetails>({
    channel_link: isNullableString,
    logo: isNullableString,
    media_id: isNumber,
    share_link: isNullableString,
    title: isNullableString,
  }),
  readyToStream: isBoolean,
  readyToStreamAt: isString,
  requireSignedURLs: isBoolean,
  scheduledDeletion: isString,
  size: isNumber,
  status: conforming<Video.Status>(statusGuards),
  thumbnail: isString,
  thumbnailTimestampPct: isNumber,
  uid: isString,
  uploaded: isString,
  uploadExpiry: isString,
  watermark: conforming<Watermark>(watermarkGuards),
} satisfies Guards<Video>;

/** Why an answered Video is not the SDK's `Video` (a field it lacks, or of another type), or null. */
export function videoProblem(video: unknown): string | null {
  // The status first, so that a wrong field in it is named rather than the status as a whole.
  const status =
    isRecord(video) && isRecord(video.status)
      ? problemIn<Video.Status>(video.status, statusGuards, 'video.status')
      : null;
  return status ?? problemIn<Video>(video, videoGuards, 'video');
}
