/** The JSON in and out of the service doubles' REST routes. */
import type http from 'node:http';

/** The request's JSON body as an object; an empty body is `{}`. */
export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** Answers `body` as JSON; true, so a route can `return sendJson(...)` to say it answered. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): true {
  res.writeHead(status, { 'Content-Type': contentType }).end(JSON.stringify(body));
  return true;
}
