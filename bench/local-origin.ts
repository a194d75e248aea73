/**
 * A local nginx origin on 127.0.0.1 for the download benchmarks: sendfile, keep-alive, no access
 * log, so the origin costs as little as possible and the clients' own costs are what is measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface LocalOrigin {
  port: number;
  url(pathname: string): string;
  close(): Promise<void>;
}

export interface OriginOptions {
  /** Holds nginx.conf, the pid file, the error log and nginx's temp dirs. */
  workDir: string;
  /** Served at `/`. */
  root: string;
  /** Extra `location` blocks inside the server block. */
  locations?: string;
}

/** The first of `tools` not on PATH, if any: benchmarks skip themselves rather than fail. */
export function missingTool(tools: string[]): string | undefined {
  return tools.find((tool) => spawnSync('which', [tool]).status !== 0);
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startOrigin(options: OriginOptions): Promise<LocalOrigin> {
  const { workDir, root } = options;
  // nginx's workers drop to an unprivileged user when started as root; they must read the files.
  fs.chmodSync(workDir, 0o755);
  fs.chmodSync(root, 0o755);
  const port = await freePort();
  const conf = path.join(workDir, 'nginx.conf');
  const tmp = path.join(workDir, 'nginx-tmp');
  fs.mkdirSync(tmp, { recursive: true });
  // keepalive_requests: nginx closes a keep-alive connection after 1,000 requests by default,
  // which would make a 10,000-link run measure reconnects instead of the clients.
  fs.writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${workDir}/nginx.pid; error_log ${workDir}/error.log;
events { worker_connections 256; }
http { access_log off; sendfile on; tcp_nopush on; default_type application/octet-stream;
  keepalive_requests 1000000; keepalive_timeout 65;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp}; fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  server { listen 127.0.0.1:${port}; root ${root};
    ${options.locations ?? ''} } }
`,
  );
  // -e: the error log from the start, before nginx has read the config (not /var/log/nginx).
  const nginx = spawn('nginx', ['-c', conf, '-p', workDir, '-e', path.join(workDir, 'error.log')], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  // With `daemon off` nginx is our child but outlives us: if the benchmark dies before its
  // finally blocks run, the origin must not stay behind holding the port and the temp dir.
  const stop = () => {
    if (running) nginx.kill('SIGTERM');
  };
  process.once('exit', stop);

  // Ready when the port accepts connections (a fixed sleep is either slow or flaky).
  const deadline = Date.now() + 5000;
  while (!(await canConnect(port))) {
    if (!running || Date.now() > deadline) {
      stop();
      process.off('exit', stop);
      const log = fs.existsSync(path.join(workDir, 'error.log'))
        ? fs.readFileSync(path.join(workDir, 'error.log'), 'utf8')
        : '';
      throw new Error(`nginx did not start on 127.0.0.1:${port}: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }

  return {
    port,
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    async close() {
      stop();
      process.off('exit', stop);
      await exited;
    },
  };
}
