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
const doc = JSON.parse(text) as { paths: Record<string, Record<string, { tags?: string[]; description?: string }>>; tags?: { name: string; description?: string }[] };
const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${p}`, op })));

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
    const described = (doc.tags ?? []).filter((t) => t.description && t.description !== t.name && TAG_DESCRIPTIONS[t.name] === t.description).map((t) => t.name);
    expect([...new Set(operations.flatMap(({ op }) => op.tags ?? []))].filter((t) => !described.includes(t))).toEqual([]);
  });

  it('has no two response or request classes of one name (the OpenAPI components would keep one of them silently)', () => {
    const libs = path.join(__dirname, '..', '..', '..', '..', 'libs');
    const files = readdirSync(libs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(f));
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
