import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createTestApp, type TestApp } from './support/test-app';

const COMMITTED = path.join(__dirname, '..', 'apps', 'web', 'src', 'api', 'openapi.json');

type Doc = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> } };

/** Which paths and schemas differ, so the failure says what moved. */
function differences(live: Doc, committed: Doc): string[] {
  const diff = (kind: string, a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .flatMap((k) =>
        !(k in b) ? [`+ ${kind} ${k}`] : !(k in a) ? [`- ${kind} ${k}`] : isDeepStrictEqual(a[k], b[k]) ? [] : [`~ ${kind} ${k}`],
      );
  const out = [...diff('path', live.paths, committed.paths), ...diff('schema', live.components?.schemas, committed.components?.schemas)];
  return out.length ? out : ['~ document (outside paths and schemas)'];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is the one the web client was generated from (apps/web/src/api/openapi.json)', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Doc;
    if (!isDeepStrictEqual(res.body, committed)) {
      throw new Error(
        `GET /docs-json differs from apps/web/src/api/openapi.json (+ added, - removed, ~ changed):\n  ${differences(res.body, committed).join('\n  ')}\n` +
          'Run `npm run openapi` to regenerate openapi.json and schema.d.ts, then fix what the web app’s type-check reports.',
      );
    }
  });
});
