import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** What a public response made once carries: its bytes, their gzip and a strong ETag. */
export interface PrecompressedBody {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Makes a body once: its gzip (level 9) and a strong ETag (SHA-256, base64url, 27 characters). */
export function precompress(raw: Buffer): PrecompressedBody {
  return { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
}

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}
interface ReplyLike {
  code(status: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body?: unknown): unknown;
}

/** Whether an Accept-Encoding header accepts gzip (not refused with q=0). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a body made once: 304 when the client holds it (If-None-Match), the stored gzip when the client
 * takes it, the raw bytes otherwise. Nothing is compressed or hashed per request.
 */
export function sendPrecompressed(
  req: RequestLike,
  reply: ReplyLike,
  body: PrecompressedBody,
  contentType: string,
  cacheControl: string,
): unknown {
  reply.header('etag', body.etag).header('vary', 'accept-encoding').header('cache-control', cacheControl);
  const held = req.headers['if-none-match'];
  if (typeof held === 'string' && held.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) return reply.code(304).send();
  reply.header('content-type', contentType);
  if (acceptsGzip(req.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.raw);
}
