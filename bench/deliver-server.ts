// Child process of bench/deliver.ts: a plain @tus/server with its file store on 127.0.0.1,
// storing uploads in the directory it is given. A process of its own, so that the clients' figures
// leave its work out and all three clients send to the same server. Prints {"port"} as one JSON
// line once it listens, and runs until it is killed.
import fs from 'node:fs';
import http from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { listenOnLoopback } from '../test/helpers/listen-loopback';

const [directory] = process.argv.slice(2);
if (!directory) throw new Error('usage: deliver-server <directory>');

const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) });
// The store makes its directory in the background; an upload created before it exists would fail.
for (const deadline = Date.now() + 5000; !fs.existsSync(directory);) {
  if (Date.now() > deadline) throw new Error(`the TUS store did not make ${directory}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
}
const server = http.createServer((req, res) => {
  tus.handle(req, res).catch(() => res.destroy());
});
const { port } = await listenOnLoopback(server);
console.log(JSON.stringify({ port }));
