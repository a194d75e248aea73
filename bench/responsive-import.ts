/**
 * Part 2 of the responsive benchmark: one client imports 20,000 links in one command over the
 * server's WebSocket, as the UI would, with the queue paused so nothing downloads; meanwhile
 * another client (responsive-probe.ts) asks every 10 ms for the UI's page (answered by the server
 * alone) and for `GET …/stream/{uid}` (answered by the engine). Its longest waits are the figures.
 */
import WebSocket from 'ws';
import type { Envelope } from '../shared/ferry-error';
import { socketPath } from '../shared/socket-messages';
import { withLoopDelay, type LoopDelay } from './responsive-measure';
import { serveShape, type Shape } from './responsive-shape';
import { startProbe, type ProbeFigures } from './responsive-probe';

export interface ImportOptions {
  dir: string;
  shape: Shape;
  /** A link on the local origin; each line of the list is it with its own query. */
  linkUrl: string;
  links: number;
  everyMs: number;
}

export interface ImportFigures {
  importMs: number;
  queued: number;
  /** The server process's own loop during the import. */
  loop: LoopDelay;
  probes: ProbeFigures[];
}

/** A signed-in socket that sends one command and resolves with its answer (bounded). */
async function socketCall(baseUrl: string, token: string, command: string, input: unknown): Promise<Envelope<unknown>> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${socketPath}`, { maxPayload: 64 * 1024 * 1024 });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Envelope<unknown>>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`responsive: no answer to ${command} within 120 s`)), 120_000);
      socket.once('error', reject);
      socket.once('close', (code, reason) => reject(new Error(`responsive: socket closed ${code} ${String(reason)}`)));
      socket.once('open', () => socket.send(JSON.stringify({ auth: token })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { signedIn?: true; id?: number; reply?: Envelope<unknown> };
        if (message.signedIn) socket.send(JSON.stringify({ id: 1, command, input }));
        else if (message.id === 1 && message.reply) resolve(message.reply);
      });
    });
  } finally {
    clearTimeout(timer);
    socket.removeAllListeners('close');
    socket.terminate();
  }
}

export async function measureImport(options: ImportOptions): Promise<ImportFigures> {
  const server = await serveShape(options.dir, 'import', options.shape);
  try {
    await server.engine.pauseQueue();
    const added = await server.engine.addLinks({ links: [{ url: `${options.linkUrl}?probe` }] });
    const uid = added.queued[0]?.uid;
    if (!uid) throw new Error(`responsive: the probe's video was not queued: ${JSON.stringify(added)}`);
    const content = Array.from({ length: options.links }, (_, i) => `${options.linkUrl}?n=${i}`).join('\n');
    const probe = startProbe(
      [
        { name: 'GET / (the server alone)', url: `${server.baseUrl}/` },
        {
          name: 'GET …/stream/{uid} (the engine)',
          url: `${server.apiBase}/${uid}`,
          headers: { Authorization: `Bearer ${server.token}` },
        },
      ],
      options.everyMs,
    );
    let stopped = false;
    try {
      // The probe's first answers: its connections are open before the import starts.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      const imported = await withLoopDelay(() =>
        socketCall(server.baseUrl, server.token, 'importList', { content, options: { transcode: false } }),
      );
      const importMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
      stopped = true;
      const probes = await probe.stop();
      const reply = imported.value;
      if (!reply.ok) throw new Error(`responsive: the import failed: ${JSON.stringify(reply.error)}`);
      const queued = (reply.value as { queued: number }).queued;
      return { importMs, queued, loop: imported.loop, probes };
    } finally {
      if (!stopped) await probe.stop().catch(() => undefined);
    }
  } finally {
    await server.stop();
  }
}
