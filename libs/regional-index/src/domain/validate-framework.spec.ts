import { ValidationFailed } from '@app/kernel';
import { defaultIidFramework } from './iid-2023';
import { assertValidFramework, validateFramework } from './validate-framework';

type Edit = (f: any) => void;

/** aspects[0].variables[0].indicators[0]: regulasi_inovasi_daerah (region); aspects[1].variables[5].indicators[0]: jumlah_inovasi (count). */
const REGULASI = 'aspects[0].variables[0].indicators[0]';
const JUMLAH = 'aspects[1].variables[5].indicators[0]';
const at = (f: any, path: string) =>
  path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .reduce((o, k) => o[k], f);

describe("validateFramework: an organizer's edits, each problem named by field", () => {
  it.each<[string, Edit, string, string]>([
    ['a framework key not snake_case', (f) => (f.key = 'IID 2023'), 'key', 'key'],
    ['a label without English', (f) => (f.label = { id: 'Indeks' }), 'label', 'text'],
    ['a blank Indonesian label', (f) => (f.label.id = '  '), 'label', 'text'],
    ['decimals 11', (f) => (f.method.decimals = 11), 'method.decimals', 'decimals'],
    ['decimals 1.5', (f) => (f.method.decimals = 1.5), 'method.decimals', 'decimals'],
    ['minInnovations 0', (f) => (f.method.minInnovations = 0), 'method.minInnovations', 'min_innovations'],
    ['no method', (f) => delete f.method, 'method', 'required'],
    ['a band min above 100', (f) => (f.bands[0].min = 101), 'bands[0].min', 'band_min'],
    ['a band min not a number', (f) => (f.bands[1].min = '35'), 'bands[1].min', 'band_min'],
    ['a band listed twice', (f) => (f.bands[1].label = { ...f.bands[0].label }), 'bands[1].label', 'duplicate'],
    ['no aspects', (f) => (f.aspects = []), 'aspects', 'required'],
    ['two aspects with one key', (f) => (f.aspects[1].key = 'spd'), 'aspects[1].key', 'duplicate'],
    ['an aspect without variables', (f) => (f.aspects[0].variables = []), 'aspects[0].variables', 'required'],
    [
      'a variable key used twice across aspects',
      (f) => (f.aspects[1].variables[0].key = 'institusi'),
      'aspects[1].variables[0].key',
      'duplicate',
    ],
    ['a variable without indicators', (f) => (f.aspects[0].variables[1].indicators = []), 'aspects[0].variables[1].indicators', 'required'],
    [
      'an indicator key used twice across variables',
      (f) => (f.aspects[1].variables[0].indicators[0].key = 'regulasi_inovasi_daerah'),
      'aspects[1].variables[0].indicators[0].key',
      'duplicate',
    ],
    ['an indicator key with a capital', (f) => (at(f, REGULASI).key = 'Regulasi'), `${REGULASI}.key`, 'key'],
    ['an unknown scope', (f) => (at(f, REGULASI).scope = 'province'), `${REGULASI}.scope`, 'scope'],
    ['a region indicator without options', (f) => delete at(f, REGULASI).options, `${REGULASI}.options`, 'required'],
    [
      'a region indicator with steps',
      (f) => (at(f, REGULASI).steps = [{ min: 0, score: 1, guidance: { id: 'a', en: 'a' } }]),
      `${REGULASI}.steps`,
      'not_allowed',
    ],
    ['a count indicator with options', (f) => (at(f, JUMLAH).options = at(f, REGULASI).options), `${JUMLAH}.options`, 'not_allowed'],
    ['a count indicator without steps', (f) => (at(f, JUMLAH).steps = []), `${JUMLAH}.steps`, 'required'],
    ['two options with one key', (f) => (at(f, REGULASI).options[2].key = 'perda'), `${REGULASI}.options[3].key`, 'duplicate'],
    ['a negative option score', (f) => (at(f, REGULASI).options[1].score = -1), `${REGULASI}.options[1].score`, 'score'],
    ['an option score as text', (f) => (at(f, REGULASI).options[1].score = '1'), `${REGULASI}.options[1].score`, 'score'],
    ['option guidance missing', (f) => delete at(f, REGULASI).options[1].guidance, `${REGULASI}.options[1].guidance`, 'text'],
    [
      'an unknown evidence type',
      (f) => (at(f, REGULASI).options[1].evidence = { type: 'photo' }),
      `${REGULASI}.options[1].evidence.type`,
      'evidence_type',
    ],
    [
      'document evidence naming no kinds',
      (f) => (at(f, REGULASI).options[1].evidence = { type: 'document', kinds: [] }),
      `${REGULASI}.options[1].evidence.kinds`,
      'required',
    ],
    [
      'an unknown document kind',
      (f) => (at(f, REGULASI).options[1].evidence = { type: 'document', kinds: ['decree', 'selfie'] }),
      `${REGULASI}.options[1].evidence.kinds[1]`,
      'document_kind',
    ],
    [
      'a document kind twice',
      (f) => (at(f, REGULASI).options[1].evidence = { type: 'document', kinds: ['decree', 'decree'] }),
      `${REGULASI}.options[1].evidence.kinds[1]`,
      'duplicate',
    ],
    ['a fractional step min', (f) => (at(f, JUMLAH).steps[1].min = 1.5), `${JUMLAH}.steps[1].min`, 'step_min'],
    ['a step min used twice', (f) => (at(f, JUMLAH).steps[2].min = 1), `${JUMLAH}.steps[2].min`, 'duplicate'],
    ['a negative step score', (f) => (at(f, JUMLAH).steps[2].score = -4), `${JUMLAH}.steps[2].score`, 'score'],
    [
      'every score 0 (max 0)',
      (f) =>
        f.aspects.forEach((a: any) =>
          a.variables.forEach((v: any) =>
            v.indicators.forEach((x: any) => [...(x.options ?? []), ...(x.steps ?? [])].forEach((o: any) => (o.score = 0))),
          ),
        ),
      'aspects',
      'max_zero',
    ],
  ])('reports %s', (_name, edit, field, code) => {
    const framework = defaultIidFramework();
    edit(framework);
    const errors = validateFramework(framework);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field, code });
    expect(errors[0].message).toBe(errors[0].messages.en);
    expect(errors[0].messages.id).toBeTruthy();
    expect(errors[0].messages.id).not.toBe(errors[0].messages.en);
  });

  it('reports every problem at once and never throws on a malformed shape', () => {
    expect(validateFramework(null as never)).toMatchObject([{ field: '', code: 'not_an_object' }]);
    expect(
      validateFramework({
        key: 'x',
        label: { id: 'X', en: 'X' },
        method: {},
        bands: 'none',
        aspects: [{ key: 'a', label: 'A', variables: [null] }],
      } as never).map((e) => `${e.field} ${e.code}`),
    ).toEqual([
      'method.decimals decimals',
      'method.minInnovations min_innovations',
      'bands required',
      'aspects[0].label text',
      'aspects[0].variables[0] not_an_object',
      'aspects max_zero',
    ]);
  });

  it('assertValidFramework throws 400 INDEX_FRAMEWORK_INVALID with the fields', () => {
    const framework = defaultIidFramework() as any;
    framework.method.minInnovations = -1;
    expect(() => assertValidFramework(defaultIidFramework())).not.toThrow();
    let error: unknown;
    try {
      assertValidFramework(framework);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error).toMatchObject({
      code: 'INDEX_FRAMEWORK_INVALID',
      kind: 'invalid',
      details: { fields: [{ field: 'method.minInnovations', code: 'min_innovations' }] },
    });
  });
});
