/**
 * The facts of Gcore's official SDK types that the adapter and the double rely on, written out as
 * schemas so tests can check both against them (the SDK is Python, so it cannot be run here, and
 * its files are not copied). Source: G-Core/gcore-python at commit
 * ebc7ee07e9136e6c9cc4588a8f9dc6a92de66a4d, src/gcore/types/streaming/; line numbers are those files'.
 * Objects are strict: a field the SDK does not list fails, so neither side can invent one.
 */
import { z } from 'zod';

/** create_video_param.py CreateVideoParam: name Required[str] (line 11), origin_url str (131), and origin_http_headers str (105), "Syntax: `Authorization: <auth-scheme> <authorization-parameters>`" (111). */
const createVideoParam = z.strictObject({
  name: z.string().min(1),
  origin_url: z.string().optional(),
  origin_http_headers: z
    .string()
    .regex(/^Authorization: \S+( .+)?$/, 'one "Authorization: <scheme> <parameters>" line')
    .optional(),
});

/** video_create_params.py VideoCreateParams: the body is {video: CreateVideoParam}. */
export const videoCreateParams = z.strictObject({ video: createVideoParam });

/** video.py ConvertedVideo (lines 11–157): id int, error str, name str, progress int, status Literal (149). */
const convertedVideo = z.strictObject({
  id: z.int().nullable().optional(),
  name: z.string().nullable().optional(),
  progress: z.int().nullable().optional(),
  status: z.enum(['processing', 'complete', 'error']).nullable().optional(),
  error: z.string().nullable().optional(),
});

/** video.py Video (line 164 on): the fields the double answers, with their types. */
export const video = z.strictObject({
  id: z.int().nullable().optional(), // 165
  client_id: z.int().nullable().optional(), // 180
  converted_videos: z.array(convertedVideo).nullable().optional(), // 190
  error: z.string().nullable().optional(), // 250
  hls_url: z.string().nullable().optional(), // 270
  name: z.string().nullable().optional(), // 345
  origin_size: z.int().nullable().optional(), // 356
  origin_url: z.string().nullable().optional(), // 359
  slug: z.string().nullable().optional(), // 503
  status: z.enum(['empty', 'pending', 'viewable', 'ready', 'error']).nullable().optional(), // 533
});

/** video_create_response.py line 10: `VideoCreateResponse: TypeAlias = List[Video]`. */
export const videoCreateResponse = z.array(video);

/**
 * direct_upload_parameters.py DirectUploadParameters: token str (line 11), servers List[object]
 * whose entries have "id; type — integer" and "hostname; type — string" (14–26), video object (29).
 * The other server fields the adapter reads (role, active, ssl) rest on Gcore's prose docs.
 */
export const directUploadParameters = z.strictObject({
  token: z.string().nullable().optional(),
  servers: z
    .array(z.looseObject({ id: z.int(), hostname: z.string() }))
    .nullable()
    .optional(),
  video: video.nullable().optional(),
});
