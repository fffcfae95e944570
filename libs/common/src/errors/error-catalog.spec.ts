import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOG, FIELD_CATALOG, errorLocale, errorParams, errorText, fieldErrorText } from '@app/kernel';
import { thrownErrorCodes } from './thrown-codes';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('error catalog: every code the API throws has a text in both languages', () => {
  const thrown = thrownErrorCodes(ROOT);

  it('finds the codes thrown across the contexts (the scan itself works)', () => {
    const codes = new Set(thrown.map((t) => t.code));
    for (const code of [
      'AUTH_INVALID_CREDENTIALS',
      'VALIDATION_FAILED',
      'STAGE_SHEETS_OPEN',
      'SUBMISSION_INCOMPLETE',
      'ORGANIZATION_NOT_FOUND',
      'JUDGING_VERSION_CONFLICT',
      'DATABASE_TIMEOUT',
    ])
      expect(codes).toContain(code);
    expect(codes.size).toBeGreaterThan(80);
  });

  it('has an Indonesian and an English text for each of them', () => {
    const missing = thrown
      .filter(({ code }) => !ERROR_CATALOG[code]?.id?.trim() || !ERROR_CATALOG[code]?.en?.trim())
      .map((t) => `${t.code} (${t.at})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('has both languages for every field code the API sets, and for each entry the same parameters in both', () => {
    const fieldCodes = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'node_modules'
            ? []
            : walk(join(dir, e.name))
          : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')
            ? [join(dir, e.name)]
            : [],
      );
    for (const file of [...walk(join(ROOT, 'libs')), ...walk(join(ROOT, 'apps', 'api', 'src'))])
      for (const m of readFileSync(file, 'utf8').matchAll(
        /\bcode:\s*'((?:FIELD|SCORE|SECTION|DOCUMENTS|ELIGIBILITY|CONFIRM|REASON)_[A-Z_]+)'/g,
      ))
        fieldCodes.add(m[1]);
    expect(fieldCodes.size).toBeGreaterThan(10);
    expect([...fieldCodes].filter((c) => !FIELD_CATALOG[c])).toEqual([]);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, t] of Object.entries({ ...ERROR_CATALOG, ...FIELD_CATALOG }))
      expect([code, placeholders(t.id)]).toEqual([code, placeholders(t.en)]);
  });
});

describe('error catalog: language and parameters', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR, en;q=0.5', 'en'],
    ['de', 'id'],
    ['id;q=0.4, en;q=0.6', 'en'],
  ])('Accept-Language %p → %s', (header, locale) => expect(errorLocale(header)).toBe(locale));

  it('fills a template from the details: scalars, joined lists, the count of the first list', () => {
    const params = errorParams({ open: [{ juror: 'a' }, { juror: 'b' }], status: 'closed', allowed: ['open'], fields: [{}] });
    expect(params).toEqual({ count: 2, status: 'closed', allowed: 'open' });
    expect(errorText('STAGE_SHEETS_OPEN', params, 'id')).toBe('2 lembar nilai belum dikirim. Tunggu juri, atau tutup paksa dengan alasan.');
    expect(errorText('STAGE_SHEETS_OPEN', params, 'en')).toMatch(/^2 score sheet/);
    expect(fieldErrorText('FIELD_TOO_LONG', { max: 200 }, 'id')).toBe('paling banyak 200 karakter');
    expect(errorText('NO_SUCH_CODE', {}, 'id')).toBeUndefined();
  });
});
