/**
 * A real TUS server (@tus/server with its file store) on 127.0.0.1 for delivery tests. It counts
 * the bytes each upload receives, can receive slowly (so that a pause or a kill lands mid-upload),
 * answers injected failures before tus sees the request, and can require an Authorization header.
 * Closed after each test file by whoever started it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { listenOnLoopback } from './listen-loopback';

export interface Fault {
  /** Which requests fail: a method (POST creates, HEAD asks the offset, PATCH sends bytes), or any. */
  method?: 'POST' | 'HEAD' | 'PATCH';
  status: number;
  /** How many matching requests fail; Infinity for all of them. */
  times: number;
}

export interface TusRequest {
  method: string;
  path: string;
  status: number;
  authorization?: string;
}

export interface TusServerOptions {
  requireAuthorization?: string;
  /** Where uploads are created (default /files). */
  path?: string;
  /**
   * Runs first for every request: a provider double answers its REST API here and enforces its
   * TUS rules (chunk sizes, tokens, signatures). Returns true when it answered the request.
   */
  route?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
}

export async function startTusServer(options: TusServerOptions = {}) {
  const tusPath = options.path ?? '/files';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tus-'));
  // Made by the store itself, which does it in the background: removing it first would make the store throw.
  const directory = path.join(root, 'files');
  /** Bytes written, per upload id. */
  const received = new Map<string, number>();
  const requests: TusRequest[] = [];
  const faults: Fault[] = [];
  let bytesPerSecond: number | null = null;
  // PATCH bodies being written right now, and the most at once.
  const writing = { now: 0, peak: 0 };

  // Every byte of every PATCH passes here on its way to the file: counted, and slowed when asked.
  class CountingStore extends FileStore {
    override write(readable: Readable, id: string, offset: number): Promise<number> {
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          const pass = () => {
            received.set(id, (received.get(id) ?? 0) + chunk.length);
            done(null, chunk);
          };
          if (bytesPerSecond === null) pass();
          else setTimeout(pass, (chunk.length / bytesPerSecond) * 1000);
        },
      });
      writing.now++;
      writing.peak = Math.max(writing.peak, writing.now);
      pipeline(readable, meter, () => {});
      return super.write(meter, id, offset).finally(() => writing.now--);
    }
  }

  const tus = new Server({
    path: tusPath,
    datastore: new CountingStore({ directory }),
    // A client that vanished mid-PATCH (paused, killed) holds the upload's lock until this passes.
    lockDrainTimeout: 100,
  });

  for (const deadline = Date.now() + 5000; !fs.existsSync(directory);) {
    if (Date.now() > deadline) throw new Error(`the TUS store did not make ${directory}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const server = http.createServer(async (req, res) => {
    const entry: TusRequest = { method: req.method ?? '', path: req.url ?? '', status: 0 };
    if (req.headers.authorization) entry.authorization = req.headers.authorization;
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const fault = faults.find((f) => f.times > 0 && (!f.method || f.method === req.method));
    const unauthorized = options.requireAuthorization && req.headers.authorization !== options.requireAuthorization;
    if (fault || unauthorized) {
      if (fault) fault.times--;
      req.resume();
      res.writeHead(fault ? fault.status : 401, { 'Tus-Resumable': '1.0.0', Connection: 'close' }).end();
      return;
    }
    try {
      if (options.route && (await options.route(req, res))) return;
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      return;
    }
    tus.handle(req, res).catch(() => res.destroy());
  });
  const listening = await listenOnLoopback(server);
  const { port } = listening;

  return {
    endpoint: `http://127.0.0.1:${port}${tusPath}`,
    /** Where the server listens, without a path: a provider double's API base. */
    origin: `http://127.0.0.1:${port}`,
    /** The @tus/server itself, for a double's hooks (its events). */
    tus,
    received,
    requests,
    /** The most uploads that were receiving bytes at the same time. */
    peakConcurrentUploads: () => writing.peak,
    /** All bytes received, over every upload. */
    totalReceived: () => [...received.values()].reduce((a, b) => a + b, 0),
    /** The ids of the uploads created so far. */
    uploads: () => fs.readdirSync(directory).filter((name) => !name.endsWith('.json')),
    /** The stored bytes of an upload. */
    file: (id: string) => fs.readFileSync(path.join(directory, id)),
    /** Receive at most this many bytes a second (null: as fast as they come). */
    throttle(rate: number | null) {
      bytesPerSecond = rate;
    },
    fail(fault: Fault) {
      faults.push({ ...fault });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** The metadata the client gave when it created an upload. */
    metadata: (id: string) =>
      (JSON.parse(fs.readFileSync(path.join(directory, `${id}.json`), 'utf8')) as { metadata: Record<string, string> })
        .metadata,
    async close() {
      await listening.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type TusTestServer = Awaited<ReturnType<typeof startTusServer>>;
