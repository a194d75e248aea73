/** A real webhook receiver on loopback that checks every signature, as a user's receiver would. */
import http from 'node:http';
import { verifyWebhook } from '../../electron/engine/notify/sign-webhook';
import { listenOnLoopback } from './listen-loopback';

export interface Received {
  body: string;
  signature: string;
  contentType: string | undefined;
  /** What the receiver answered. */
  status: number;
  /** Why verification failed, if it did. */
  invalid?: string;
}

/**
 * A real receiver on loopback that verifies every signature with the secret it is given now and
 * answers with `status(n)` for the n-th request (1-based), or holds the request open when that is 0.
 */
export async function startReceiver(secret: () => string, status: (n: number) => number) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const signature = String(request.headers['webhook-signature'] ?? '');
      const check = verifyWebhook(signature, body, secret());
      const answer = check.ok ? status(received.length + 1) : 401;
      received.push({
        body: body.toString('utf8'),
        signature,
        contentType: request.headers['content-type'],
        status: answer,
        ...(check.ok ? {} : { invalid: check.reason }),
      });
      if (answer === 0) return;
      response.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : 'not now, try later');
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}/hooks/ferry`, received, close };
}
