// The committed OpenAPI document (apps/web/src/api/openapi.json — test/openapi-snapshot.e2e-spec.ts keeps it
// equal to the live /docs-json) linted with Spectral's `spectral:oas` ruleset, plus our own rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { TAG_DESCRIPTIONS } from './openapi';

const file = path.join(__dirname, '..', '..', '..', 'web', 'src', 'api', 'openapi.json');
const text = readFileSync(file, 'utf8');
interface Response {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string; type?: string } }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  responses?: Record<string, Response>;
}
const doc = JSON.parse(text) as {
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
  components?: { schemas?: Record<string, unknown> };
};
const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${p} (${op.operationId})`, op })),
);
const ERROR_SCHEMA = '#/components/schemas/ApiErrorResponse';

/** What an operation lacks in its responses, as a sentence naming the decorator to add; null when complete. */
function missingResponses(op: Operation): string[] {
  const responses = Object.entries(op.responses ?? {});
  const lacks: string[] = [];
  const success = responses.filter(([status]) => /^2\d\d$/.test(status));
  // A 2xx with a schema for every media type, or a declared (described) 204/202 without a body.
  const typed = success.some(
    ([, r]) =>
      r.content && Object.keys(r.content).length > 0 && Object.values(r.content).every((c) => c.schema && (c.schema.$ref || c.schema.type)),
  );
  const bodiless = success.some(([status, r]) => (status === '204' || status === '202') && !r.content && !!r.description?.trim());
  if (!typed && !bodiless)
    lacks.push(
      'a 2xx response schema (ApiOkResponse/ApiCreatedResponse({ type: …View }), ApiFileResponse for a file, ApiNoContentResponse({ description }) for no body)',
    );
  const errors = responses.filter(([status]) => /^[45]\d\d$/.test(status));
  if (errors.length === 0) lacks.push('error responses (ApiErrorResponses(…statuses) on the route or its controller)');
  for (const [status, r] of errors) {
    const schemas = Object.values(r.content ?? {}).map((c) => c.schema?.$ref);
    if (schemas.length === 0 || schemas.some((ref) => ref !== ERROR_SCHEMA))
      lacks.push(`the ApiErrorResponse body on its ${status} response (use ApiErrorResponses(${status}))`);
  }
  return lacks;
}

describe('OpenAPI document', () => {
  it('has no Spectral (spectral:oas) errors or warnings', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
    const results = await spectral.run(new Document(text, Json, file));
    const findings = results.filter((r) => r.severity <= 1).map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`);
    expect(findings).toEqual([]);
  }, 60_000);

  it('gives every operation a tag and a description, and every tag a description of its own', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter(({ op }) => !op.tags?.length || !op.description?.trim()).map((o) => o.route)).toEqual([]);
    const described = (doc.tags ?? [])
      .filter((t) => t.description && t.description !== t.name && TAG_DESCRIPTIONS[t.name] === t.description)
      .map((t) => t.name);
    expect([...new Set(operations.flatMap(({ op }) => op.tags ?? []))].filter((t) => !described.includes(t))).toEqual([]);
  });

  it('declares for every operation its success body and its error responses, all errors with the one ApiErrorResponse', () => {
    expect(operations.flatMap(({ route, op }) => missingResponses(op).map((what) => `${route} lacks ${what}`))).toEqual([]);
  });

  it('describes the error body as apps/api/src/http/error.filter.ts sends it', () => {
    const schema = doc.components?.schemas?.ApiErrorResponse as { properties: Record<string, unknown>; required: string[] };
    // The keys of ErrorBody (error.filter.ts), the optional ones optional.
    expect(Object.keys(schema.properties).sort()).toEqual(['code', 'details', 'error', 'message', 'params', 'statusCode']);
    expect([...schema.required].sort()).toEqual(['error', 'message', 'statusCode']);
  });

  it('has no two response or request classes of one name (the OpenAPI components would keep one of them silently)', () => {
    const libs = path.join(__dirname, '..', '..', '..', '..', 'libs');
    const files = readdirSync(libs, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(f),
    );
    const places = new Map<string, string[]>();
    for (const file of files) {
      const source = readFileSync(path.join(libs, file), 'utf8');
      if (!source.includes("from '@nestjs/swagger'")) continue;
      for (const [, name] of source.matchAll(/^export class (\w+)/gm)) places.set(name, [...(places.get(name) ?? []), file]);
    }
    expect(places.size).toBeGreaterThan(100);
    expect([...places].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`)).toEqual([]);
  });
});
