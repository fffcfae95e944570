import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The response headers helmet sets for `options`, worked out once. Helmet's Fastify plugin builds its
 * middleware again on every request (the CSP directives parsed and validated each time: ≈6 % of the API's
 * CPU under the sheet-save benchmark); the headers never change between requests, so they are computed at
 * boot and copied onto each response by an onRequest hook (`applySecurityHeaders`).
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  // Helmet's middleware is synchronous; if a future version were not, the headers would be incomplete.
  if (!finished || !headers['content-security-policy']) throw new Error('helmet did not produce its headers synchronously');
  return Object.freeze(headers);
}

/** The Fastify hook that puts `headers` on every response, before any route, error or 404 handler runs. */
export function applySecurityHeaders(headers: Readonly<Record<string, string>>) {
  const entries = Object.entries(headers);
  return (_req: unknown, reply: { raw: ServerResponse }, done: () => void) => {
    for (const [name, value] of entries) reply.raw.setHeader(name, value);
    done();
  };
}
