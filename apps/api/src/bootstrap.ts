import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppEnv } from '@app/config';
import { ApiModule } from './api.module';
import { completeDocument } from './http/openapi';
import { validationPipe } from './http/validation';
import { registerWebApp } from './http/web-app';
import { PublicRankingBodies, rankingsPage } from '@app/results';
import { AwardsService } from '@app/awards';
import { applySecurityHeaders, bodyShapeProblem, securityHeaders } from '@app/common';
import { toErrorBody } from './http/error.filter';

/** Builds the HTTP application (used by main.ts and by the e2e tests alike). */
/**
 * Fastify's `trustProxy` for TRUST_PROXY: none by default (X-Forwarded-For is ignored and the socket address is the
 * client), the listed proxy addresses/CIDRs, or a hop count: the nearest n addresses (the socket's, then
 * X-Forwarded-For from its end) are proxies and the next one is the client. Fastify itself refuses a bare number, so
 * the count is a function; it is right only when the API cannot be reached but through those proxies.
 */
export function trustProxyOption(trust: AppEnv['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/** A request's id: the caller's `x-request-id` when it is a plain token (≤ 100 word characters or dashes), else a new UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}

export async function createApiApp(env: AppEnv, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: trustProxyOption(env.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Fastify names every request (its logs and pino-http's use that id): the caller's x-request-id or a UUID,
    // sent back on every answer.
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdOf(req.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({ env, databaseUrl }), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api', { exclude: ['health', 'docs', 'docs-json'] });
  app.useGlobalPipes(validationPipe());
  app.enableCors({ origin: env.corsOrigins.length ? env.corsOrigins : false, credentials: false, maxAge: 600 });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook(
    'onRequest',
    applySecurityHeaders(
      securityHeaders({
        contentSecurityPolicy: {
          // No inline script anywhere (the web app's build and Swagger UI load theirs from files), so none is allowed:
          // an injected <script> does not run. Inline styles stay allowed (React style attributes, Swagger UI).
          directives: {
            defaultSrc: ["'self'"],
            imgSrc: ["'self'", 'data:'],
            styleSrc: ["'self'", "'unsafe-inline'"],
            scriptSrc: ["'self'"],
          },
        },
      }),
    ),
  );
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  // Before guards, pipes and class-transformer: too deep a body, or text with a lone surrogate, is a 400 naming the field.
  fastify.addHook('preValidation', async (req, reply) => {
    const problem = bodyShapeProblem(req.body);
    if (problem) return reply.code(400).send(toErrorBody(problem));
  });
  await app.register(multipart, { limits: { fileSize: env.uploadMaxBytes, files: 1, fields: 20 } });
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  const doc = new DocumentBuilder()
    .setTitle('Kompetisi Inovasi Daerah API')
    .setDescription('Regional public-service innovation competitions: submissions, stages, jury, scoring and published rankings.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // OPENAPI_DOCS: the route list is a map for an attacker too; off in production unless asked for.
  if (env.openapiDocs)
    SwaggerModule.setup('docs', app, () => completeDocument(SwaggerModule.createDocument(app, doc)), { jsonDocumentUrl: 'docs-json' });
  const results = app.get(PublicRankingBodies);
  const awards = app.get(AwardsService);
  await registerWebApp(app, undefined, [
    // The public results page, readable before (and without) the app's script: results day is a spike here.
    {
      path: /^\/kompetisi\/([^/]+)$/,
      render: (m, shell) => results.publicBody(decodeURIComponent(m[1]), undefined, (view) => rankingsPage(view, shell)),
    },
    // A region award's results per category and award group (issue 17).
    { path: /^\/penghargaan\/([^/]+)$/, render: (m, shell) => awards.publicPage(decodeURIComponent(m[1]), shell) },
  ]);
  await app.init();
  return app;
}
