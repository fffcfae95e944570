import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { DomainError, sendPrecompressed, type PrecompressedBody } from '@app/common';
import path from 'node:path';

/** Paths that belong to the API: never answered with the web app's index.html. */
const API_PATHS = /^\/(api|docs|health)(\/|-|$|\?)/;
/** Vite puts every built asset under /assets with a content hash in its name. */
const HASHED_ASSETS = /^assets[\\/]/;

/** apps/web/dist, found upwards from this file (apps/api/src in tests, dist/apps/api/src when built). */
export function findWebDist(from = __dirname): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'web', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * A page the server renders into the web app's index.html (`shell`): null when it has nothing to render
 * for this path (the plain shell is served). Errors fall back to the shell too.
 */
export interface PrerenderedPage {
  path: RegExp;
  render(match: RegExpMatchArray, shell: string): Promise<PrecompressedBody | null>;
}

/**
 * Serves the built web app (apps/web/dist) at `/`: hashed assets cached for a year, index.html never
 * cached, each file in its precompressed brotli or gzip form when the client accepts one, /robots.txt and
 * /favicon.ico as files, and index.html for any other GET outside /api, /docs and /health (client-side routes).
 * `pages` are rendered on the server into index.html (revalidated by ETag, gzip when accepted).
 * Without a build the API still starts, with a warning.
 */
export async function registerWebApp(app: NestFastifyApplication, root = findWebDist(), pages: PrerenderedPage[] = []): Promise<void> {
  if (!root) {
    new Logger('WebApp').warn('apps/web/dist not found: the web app is not served (run `npm run build`)');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // apps/web/vite.config.ts writes .br and .gz beside each text file: sent as they are to clients taking them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', HASHED_ASSETS.test(path.relative(root, file)) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const shell = readFileSync(path.join(root, 'index.html'), 'utf8');
  const log = new Logger('WebApp');
  const spaFallback = async (req: FastifyRequest, reply: FastifyReply) => {
    const [url, query] = req.url.split('?');
    for (const page of query ? [] : pages) {
      const match = url.match(page.path);
      if (!match) continue;
      const body = await Promise.resolve()
        .then(() => page.render(match, shell))
        .catch((err: unknown) => {
          // Not published (yet) or no such competition: the app says so itself.
          if (!(err instanceof DomainError && err.kind === 'not_found')) log.warn(`prerendering ${url} failed: ${(err as Error).message}`);
          return null;
        });
      if (body) return sendPrecompressed(req, reply, body, 'text/html; charset=utf-8', 'no-cache');
    }
    if (API_PATHS.test(url)) return reply.callNotFound();
    // Assets of a build made after start-up (`wildcard: false` registered the files present then); a missing
    // one is a 404, never index.html (a stale tab must not run HTML as a script).
    if (url.startsWith('/assets/')) return reply.sendFile(url.slice(1));
    return reply.sendFile('index.html');
  };
  fastify.get('/', spaFallback);
  fastify.get('/*', spaFallback);
}
