/** Test servers listen on 127.0.0.1 only, on a free port, and close every connection when done. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  port: number;
  /** Ends every connection, idle or mid-request, then the server. */
  close(): Promise<void>;
}

export async function listenOnLoopback(server: http.Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
