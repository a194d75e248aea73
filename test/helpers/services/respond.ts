/** The JSON in and out of the service doubles' REST routes. */
import type http from 'node:http';

/** The request's JSON object; an empty or unreadable body, or one that is no object, is `{}` (the route then refuses its missing fields). */
export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Answers `body` as JSON (`headers` may name another Content-Type); true, so a route can `return sendJson(...)` to say it answered. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): true {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  return true;
}
