/**
 * CORS for what browsers of other sites call directly: the media (players) and the TUS endpoint
 * (tus-js-client, Cloudflare's direct creator uploads). The API proper is for scripts with a token.
 */

/** The request headers the SDKs send (tus-js-client, Cloudflare's and players'). */
export const allowedRequestHeaders = [
  'Authorization',
  'Content-Type',
  'Range',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
  'Upload-Checksum',
  'Upload-Creator',
  'X-HTTP-Method-Override',
  'X-Requested-With',
];

/** The response headers scripts of other sites must be able to read. */
export const exposedResponseHeaders = [
  'Location',
  'stream-media-id',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Expires',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Content-Range',
  'Content-Length',
  'Accept-Ranges',
];

export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': exposedResponseHeaders.join(', '),
};

export const preflightHeaders: Record<string, string> = {
  ...corsHeaders,
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': allowedRequestHeaders.join(', '),
  'Access-Control-Max-Age': '86400',
};
