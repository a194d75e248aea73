/**
 * The app's UI in a browser: `GET /` answers the built renderer (electron-vite writes it to
 * out/renderer) and `/assets/*` its files. Loading the UI needs no token, since the page holds no
 * data; everything it shows comes over the socket, which does. Until the renderer is built, `/`
 * says how to build it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { RegisterRoutes } from '../server-context';

/**
 * Where the built renderer is: FERRY_RENDERER_DIR when set (tests, a packaged layout), else
 * out/renderer found from this file, whether it runs from the sources (electron/server/routes)
 * or bundled into out/main.
 */
export function findRendererDir(env: NodeJS.ProcessEnv = process.env, here = import.meta.dirname): string {
  if (env.FERRY_RENDERER_DIR) return path.resolve(env.FERRY_RENDERER_DIR);
  const candidates = [path.resolve(here, '../../../out/renderer'), path.resolve(here, '../renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? (candidates[0] as string);
}

const notBuilt =
  'The UI is not built yet: run npm run build in the Ferry folder, then reload this page. The API works without it.';

export function uiRoutes(rendererDir: string): RegisterRoutes {
  return async (app) => {
    // Its own scope: reply.sendFile stays here and meets no other module's @fastify/static.
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root: path.join(rendererDir, 'assets'),
        prefix: '/assets/',
        // Vite names every asset by its content's hash: a new build is a new name.
        maxAge: '365d',
        immutable: true,
        dotfiles: 'deny',
      });
      scope.get('/', async (_request, reply) => {
        // No other site may frame the UI (clickjacking its buttons).
        reply.header('Content-Security-Policy', "frame-ancestors 'none'").header('X-Frame-Options', 'DENY');
        if (!fs.existsSync(path.join(rendererDir, 'index.html')))
          return reply.status(503).type('text/plain; charset=utf-8').send(notBuilt);
        return reply
          .header('X-Content-Type-Options', 'nosniff')
          .header('Referrer-Policy', 'no-referrer')
          .header('Cache-Control', 'no-cache')
          .sendFile('index.html', rendererDir, { cacheControl: false });
      });
    });
  };
}

export const registerUi: RegisterRoutes = (app, context) => uiRoutes(findRendererDir())(app, context);
