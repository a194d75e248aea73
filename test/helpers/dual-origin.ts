/**
 * One port on 127.0.0.1 that answers both https (a self-signed certificate made at test time with
 * openssl) and plain http, as a real host does on 443 and 80: the only way to have the same host
 * and port differ by scheme alone. The first byte of a connection says which (0x16 starts a TLS
 * handshake). It records every request with its scheme and headers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';

export interface SeenRequest {
  secure: boolean;
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** A certificate for 127.0.0.1, valid one day; `cert` is what NODE_EXTRA_CA_CERTS should name. */
export function selfSignedCertificate(dir: string): { key: string; cert: string } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key, cert };
}

export async function startDualOrigin(
  certificate: { key: string; cert: string },
  handle: (request: SeenRequest, response: http.ServerResponse) => void,
) {
  const seen: SeenRequest[] = [];
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const request = {
      secure: 'encrypted' in req.socket,
      path: new URL(req.url ?? '/', 'http://x').pathname,
      headers: req.headers,
    };
    seen.push(request);
    handle(request, res);
  };
  const plain = http.createServer(onRequest);
  const secure = https.createServer(
    { key: fs.readFileSync(certificate.key), cert: fs.readFileSync(certificate.cert) },
    onRequest,
  );
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    seen,
    url: (scheme: 'http' | 'https', at: string) => `${scheme}://127.0.0.1:${port}${at}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
