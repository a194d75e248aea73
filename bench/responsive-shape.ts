/** The two shapes the responsive benchmark compares, and `ferry serve` started in one of them. */
import path from 'node:path';
import { startServer, type RunningServer } from '../electron/server/start-server';

/** `own`: the engine in a process of its own (the default); `inline`: in the server's (the peer). */
export type Shape = 'own' | 'inline';

/** In the order each part measures them. */
export const shapes: Shape[] = ['own', 'inline'];

/** startServer on a free port with its own data directory, links to the local origin allowed. */
export const serveShape = (dir: string, part: string, shape: Shape): Promise<RunningServer> =>
  startServer({
    dataDir: path.join(dir, `${part}-${shape}`),
    port: 0,
    engineProcess: shape,
    allowAddresses: ['127.0.0.1'],
  });
