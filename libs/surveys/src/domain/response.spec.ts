import { readResponse } from './response';
import { assertBeforeAfter, assertAcceptsResponses, compareIkm } from './period';
import { computeIkm } from './ikm';

const answers = { u1: '4', u2: '3', u3: '3', u4: '4', u5: '3', u6: '4', u7: '4', u8: '2', u9: '3' };

describe('reading a response (form body or CSV row)', () => {
  it('reads strings and numbers, trims and lower-cases the profile, keeps no empty text', () => {
    expect(
      readResponse({
        ...answers,
        u1: 4,
        suggestion: '  Antrean terlalu panjang ',
        age: '34',
        sex: 'P',
        education: 'S1',
        occupation: 'swasta',
        respondent: '',
        submittedAt: 'x',
      }),
    ).toEqual({
      value: {
        answers: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 3 },
        suggestion: 'Antrean terlalu panjang',
        age: 34,
        sex: 'p',
        education: 's1',
        occupation: 'swasta',
        respondent: null,
      },
      errors: [],
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an answer of 5', { ...answers, u3: '5' }, ['u3']],
    ['an answer of 0', { ...answers, u9: 0 }, ['u9']],
    ['a missing answer', { ...answers, u1: undefined }, ['u1']],
    ['a fractional answer', { ...answers, u2: 2.5 }, ['u2']],
    ['a word', { ...answers, u4: 'baik' }, ['u4']],
    ['an age of 7', { ...answers, age: '7' }, ['age']],
    ['an unknown sex', { ...answers, sex: 'x' }, ['sex']],
    ['an unknown education', { ...answers, education: 'phd' }, ['education']],
    ['an unknown occupation', { ...answers, occupation: 'astronaut' }, ['occupation']],
    ['a suggestion of 2001 characters', { ...answers, suggestion: 'x'.repeat(2001) }, ['suggestion']],
    ['several at once', { ...answers, u1: '', u2: '9', age: 'tua' }, ['u1', 'u2', 'age']],
  ])('%s is refused, naming the field', (_name, raw, fields) => {
    expect(readResponse(raw).errors.map((e) => e.field)).toEqual(fields);
  });
});

describe('period rules', () => {
  const w = (from: string, to: string) => ({ opensAt: new Date(from), closesAt: new Date(to) });
  it.each<[string, string, string | null]>([
    ['2025-01-01T00:00:00Z', 'SURVEY_PERIOD_NOT_OPEN', null],
    ['2025-02-01T00:00:00Z', '', null],
    ['2025-03-01T00:00:00Z', 'SURVEY_PERIOD_CLOSED', null],
  ])('a response at %s: %s', (now, code) => {
    const check = () => assertAcceptsResponses(w('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z'), new Date(now));
    if (code) expect(check).toThrow(expect.objectContaining({ code, kind: 'conflict' }));
    else expect(check).not.toThrow();
  });

  it.each<[string | null, string, string, string, string, string[]]>([
    ['2021-03-01', '2020-01-01', '2020-12-31', '2021-06-01', '2021-12-31', []],
    ['2021-03-01', '2020-01-01', '2021-03-01', '2021-03-01', '2021-12-31', []],
    ['2021-03-01', '2020-06-01', '2021-06-01', '2021-06-01', '2021-12-31', ['beforePeriodId']],
    ['2021-03-01', '2020-01-01', '2020-12-31', '2021-01-01', '2021-12-31', ['afterPeriodId']],
    [null, '2020-01-01', '2020-12-31', '2021-06-01', '2021-12-31', ['innovation.startDate']],
  ])('start %s, before %s–%s, after %s–%s: refused fields %j', (start, b1, b2, a1, a2, fields) => {
    const check = () => assertBeforeAfter(start, w(`${b1}T00:00:00Z`, `${b2}T00:00:00Z`), w(`${a1}T00:00:00Z`, `${a2}T00:00:00Z`));
    if (fields.length)
      expect(check).toThrow(expect.objectContaining({ details: { fields: fields.map((field) => expect.objectContaining({ field })) } }));
    else expect(check).not.toThrow();
  });

  it('compares before and after per element', () => {
    const all = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
    const cmp = compareIkm(computeIkm([all(3)]), computeIkm([{ ...all(4), u8: 2 }]));
    expect(cmp.ikm).toEqual({ before: 75, after: 94.44, change: 19.44 });
    expect(cmp.elements.find((e) => e.key === 'u8')).toEqual({ key: 'u8', before: 75, after: 50, change: -25 });
    expect(compareIkm(computeIkm([]), computeIkm([all(3)])).ikm).toEqual({ before: null, after: 75, change: null });
  });
});
