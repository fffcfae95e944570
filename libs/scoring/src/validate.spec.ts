import { rank } from './rank';
import { ScoringInputError } from './scoring.errors';
import { exampleInput } from './testing/fixtures';

type Json = any; // test inputs are deliberately malformed

/** The §4 example, changed by `change` (which may replace it by returning a value). */
function broken(change: (input: Json) => unknown): unknown {
  const input: Json = exampleInput();
  const replaced = change(input);
  return replaced === undefined ? input : replaced;
}

function expectInvalid(input: unknown, message: RegExp): void {
  let error: unknown;
  try {
    rank(input);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ScoringInputError);
  expect((error as Error).message).toMatch(message);
}

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The second sheet of the example, as every sheet message names it. */
const SHEET_1 = /^sheet 1 \(stage "field", juror "j2", submission "sitaro"\): /;

describe('invalid input (DESIGN §4.9) → ScoringInputError naming the fault', () => {
  describe('sheets: the message names the 0-based index, stage, juror and submission', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      [
        'unknown stage',
        (i) => void (i.sheets[1].stage = 'visit'),
        /^sheet 1 \(stage "visit", juror "j2", submission "sitaro"\): unknown stage "visit"/,
      ],
      [
        'missing stage',
        (i) => void delete i.sheets[1].stage,
        /^sheet 1 \(stage \(missing\), juror "j2", submission "sitaro"\): unknown stage/,
      ],
      [
        'unknown submission',
        (i) => void (i.sheets[1].submission = 'patriot'),
        /^sheet 1 \(stage "field", juror "j2", submission "patriot"\): unknown submission "patriot"/,
      ],
      ['numeric submission', (i) => void (i.sheets[1].submission = 7), /^sheet 1 .*unknown submission 7/],
      [
        'missing juror',
        (i) => void delete i.sheets[1].juror,
        /^sheet 1 \(stage "field", juror \(missing\), submission "sitaro"\): juror must be a non-empty string/,
      ],
      ['empty juror', (i) => void (i.sheets[1].juror = ''), /^sheet 1 .*juror must be a non-empty string/],
      [
        'unknown criterion',
        (i) => void (i.sheets[1].scores.novelty = 5),
        new RegExp(`${SHEET_1.source}unknown criterion "novelty" for stage "field"`),
      ],
      [
        'a criterion of another stage instead',
        (i) => void (i.sheets[1].scores = { novelty: 4 }),
        new RegExp(`${SHEET_1.source}criterion "impact" is missing`),
      ],
      ['missing value', (i) => void (i.sheets[1].scores = {}), new RegExp(`${SHEET_1.source}criterion "impact" is missing`)],
      [
        'string value',
        (i) => void (i.sheets[1].scores.impact = '4'),
        new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got "4"`),
      ],
      [
        'boolean value',
        (i) => void (i.sheets[1].scores.impact = true),
        new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got true`),
      ],
      [
        'null value',
        (i) => void (i.sheets[1].scores.impact = null),
        new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got null`),
      ],
      [
        'NaN value',
        (i) => void (i.sheets[1].scores.impact = NaN),
        new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got NaN`),
      ],
      [
        'infinite value',
        (i) => void (i.sheets[1].scores.impact = Infinity),
        new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got Infinity`),
      ],
      [
        'value below min',
        (i) => void (i.sheets[1].scores.impact = 0.99),
        new RegExp(`${SHEET_1.source}criterion "impact" value 0.99 is outside \\[1, 5\\]`),
      ],
      [
        'value above max',
        (i) => void (i.sheets[1].scores.impact = 5.01),
        new RegExp(`${SHEET_1.source}criterion "impact" value 5.01 is outside \\[1, 5\\]`),
      ],
      ['scores not an object', (i) => void (i.sheets[1].scores = [4]), new RegExp(`${SHEET_1.source}scores must be an object`)],
      ['scores missing', (i) => void delete i.sheets[1].scores, new RegExp(`${SHEET_1.source}scores must be an object`)],
      [
        'two sheets of one juror for the same innovation and stage',
        (i) =>
          void i.sheets.push(
            { stage: 'presentation', juror: 'j3', submission: 'sitaro', scores: { novelty: 1 } },
            { stage: 'field', juror: 'j2', submission: 'sitaro', scores: { impact: 1 } },
          ),
        /^sheet 3 \(stage "field", juror "j2", submission "sitaro"\): a second sheet of this juror for this submission and stage \(the first is sheet 1\)/,
      ],
      ['a sheet that is not an object', (i) => void (i.sheets[1] = 'sheet'), /^sheet 1 must be an object/],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));

    it('accepts the same juror on the same innovation in another stage, and on another innovation in the same stage', () => {
      const input = broken((i) => {
        i.submissions.push({ id: 'patriot', category: 'kota' });
        i.sheets.push({ stage: 'presentation', juror: 'j2', submission: 'sitaro', scores: { novelty: 1 } });
        i.sheets.push({ stage: 'field', juror: 'j2', submission: 'patriot', scores: { impact: 1 } });
      });
      expect(() => rank(input)).not.toThrow();
    });
  });

  describe('stages and criteria', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      ['duplicate stage key', (i) => void (i.stages[1].key = 'presentation'), /stages\[1\]\.key "presentation" is a duplicate stage key/],
      [
        'duplicate criterion key',
        (i) => void i.stages[0].criteria.push({ key: 'novelty', weight: 1, min: 0, max: 1 }),
        /stages\[0\] \("presentation"\)\.criteria\[1\]\.key "novelty" is a duplicate criterion key/,
      ],
      [
        'criterion min = max',
        (i) => void (i.stages[1].criteria[0].min = 5),
        /stages\[1\] \("field"\)\.criteria\[0\] \("impact"\): min 5 must be below max 5/,
      ],
      ['criterion min > max', (i) => void (i.stages[1].criteria[0].min = 6), /criteria\[0\] \("impact"\): min 6 must be below max 5/],
      [
        'negative criterion weight',
        (i) => void (i.stages[1].criteria[0].weight = -1),
        /stages\[1\] \("field"\)\.criteria\[0\] \("impact"\)\.weight must be ≥ 0, got -1/,
      ],
      [
        'non-numeric criterion weight',
        (i) => void (i.stages[1].criteria[0].weight = '1'),
        /criteria\[0\] \("impact"\)\.weight must be a number, got "1"/,
      ],
      [
        'missing criterion weight',
        (i) => void delete i.stages[1].criteria[0].weight,
        /criteria\[0\] \("impact"\)\.weight must be a number, got \(missing\)/,
      ],
      ['non-numeric min', (i) => void (i.stages[1].criteria[0].min = null), /criteria\[0\] \("impact"\)\.min must be a number, got null/],
      ['non-numeric max', (i) => void (i.stages[1].criteria[0].max = '5'), /criteria\[0\] \("impact"\)\.max must be a number, got "5"/],
      [
        'criterion weights summing to 0',
        (i) => void (i.stages[1].criteria[0].weight = 0),
        /stages\[1\] \("field"\): its criterion weights sum to 0/,
      ],
      ['a stage without criteria', (i) => void (i.stages[1].criteria = []), /stages\[1\] \("field"\): its criterion weights sum to 0/],
      ['criteria not an array', (i) => void (i.stages[1].criteria = {}), /stages\[1\] \("field"\)\.criteria must be an array/],
      [
        'criterion without key',
        (i) => void delete i.stages[1].criteria[0].key,
        /stages\[1\] \("field"\)\.criteria\[0\]\.key must be a non-empty string/,
      ],
      ['no stage with weight > 0', (i) => void i.stages.forEach((s: Json) => (s.weight = 0)), /no stage has weight > 0/],
      ['no stages', (i) => void ((i.stages = []), (i.sheets = [])), /no stage has weight > 0/],
      ['negative stage weight', (i) => void (i.stages[1].weight = -40), /stages\[1\] \("field"\)\.weight must be ≥ 0, got -40/],
      ['missing stage weight', (i) => void delete i.stages[1].weight, /stages\[1\] \("field"\)\.weight must be a number/],
      ['stage without key', (i) => void (i.stages[1].key = ''), /stages\[1\]\.key must be a non-empty string, got ""/],
      ['stage not an object', (i) => void (i.stages[1] = null), /stages\[1\] must be an object/],
      ['unknown stage aggregation', (i) => void (i.stages[1].aggregation = 'max'), /stages\[1\] \("field"\)\.aggregation "max" is unknown/],
      ['stage trim negative', (i) => void (i.stages[1].trim = -1), /stages\[1\] \("field"\)\.trim must be a non-negative integer, got -1/],
      [
        'stage trim fractional',
        (i) => void (i.stages[1].trim = 0.5),
        /stages\[1\] \("field"\)\.trim must be a non-negative integer, got 0.5/,
      ],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));
  });

  describe('method', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      [
        'unknown aggregation',
        (i) => void (i.method.aggregation = 'average'),
        /method\.aggregation "average" is unknown \(expected one of mean, median, trimmed_mean, zscore\)/,
      ],
      ['aggregation in the wrong case', (i) => void (i.method.aggregation = 'Mean'), /method\.aggregation "Mean" is unknown/],
      ['trim negative', (i) => void (i.method.trim = -1), /method\.trim must be a non-negative integer, got -1/],
      ['trim fractional', (i) => void (i.method.trim = 1.5), /method\.trim must be a non-negative integer, got 1.5/],
      ['trim a string', (i) => void (i.method.trim = '1'), /method\.trim must be a non-negative integer, got "1"/],
      ['decimals negative', (i) => void (i.method.decimals = -1), /method\.decimals must be an integer from 0 to 10, got -1/],
      ['decimals 11', (i) => void (i.method.decimals = 11), /method\.decimals must be an integer from 0 to 10, got 11/],
      ['decimals fractional', (i) => void (i.method.decimals = 2.5), /method\.decimals must be an integer from 0 to 10, got 2.5/],
      ['decimals a string', (i) => void (i.method.decimals = '4'), /method\.decimals must be an integer from 0 to 10, got "4"/],
      ['unknown tieBreak entry', (i) => void (i.method.tieBreak = ['stage:field', 'random']), /method\.tieBreak\[1\] "random" is unknown/],
      ['tieBreak on an unknown stage', (i) => void (i.method.tieBreak = ['stage:visit']), /method\.tieBreak\[0\] "stage:visit" is unknown/],
      ['tieBreak "stage:" without key', (i) => void (i.method.tieBreak = ['stage:']), /method\.tieBreak\[0\] "stage:" is unknown/],
      ['tieBreak bare stage key', (i) => void (i.method.tieBreak = ['field']), /method\.tieBreak\[0\] "field" is unknown/],
      ['tieBreak non-string entry', (i) => void (i.method.tieBreak = [1]), /method\.tieBreak\[0\] 1 is unknown/],
      ['tieBreak not an array', (i) => void (i.method.tieBreak = 'submittedAt'), /method\.tieBreak must be an array/],
      ['method not an object', (i) => void (i.method = 'mean'), /method must be an object/],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));

    it.each([0, 10])('accepts decimals %p', (decimals) => {
      expect(() => rank(broken((i) => void (i.method.decimals = decimals)))).not.toThrow();
    });
  });

  describe('submissions', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      [
        'duplicate submission id',
        (i) => void i.submissions.push({ id: 'sitaro', category: 'kabupaten' }),
        /submissions\[1\]\.id "sitaro" is a duplicate submission id/,
      ],
      ['submission without id', (i) => void delete i.submissions[0].id, /submissions\[0\]\.id must be a non-empty string/],
      [
        'submission without category',
        (i) => void delete i.submissions[0].category,
        /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got \(missing\)/,
      ],
      [
        'empty category',
        (i) => void (i.submissions[0].category = ''),
        /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got ""/,
      ],
      [
        'non-string category',
        (i) => void (i.submissions[0].category = 3),
        /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got 3/,
      ],
      ['submission not an object', (i) => void (i.submissions[0] = 'sitaro'), /submissions\[0\] must be an object/],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));

    it.each([undefined, null, '', '2024-09-01', '2024-09-01 08:00:00Z', '2024-09-01T08:00:00', '2024-02-30T08:00:00Z', 1725177600])(
      'submittedAt %p is invalid when the tie-break uses it',
      (submittedAt) => {
        const input = broken((i) => {
          i.method.tieBreak = ['stage:field', 'submittedAt'];
          i.submissions[0].submittedAt = submittedAt;
        });
        expectInvalid(
          input,
          /submissions\[0\] \("sitaro"\)\.submittedAt must be an RFC 3339 timestamp because method\.tieBreak uses "submittedAt"/,
        );
      },
    );
  });

  describe('structure', () => {
    it.each<[string, unknown, RegExp]>([
      ['an array', [], /^input must be a JSON object$/],
      ['null', null, /^input must be a JSON object$/],
      ['a string', 'input', /^input must be a JSON object$/],
      ['stages missing', broken((i) => void delete i.stages), /^stages must be an array, got \(missing\)/],
      ['stages an object', broken((i) => void (i.stages = {})), /^stages must be an array, got \{\}/],
      ['submissions missing', broken((i) => void delete i.submissions), /^submissions must be an array/],
      ['sheets missing', broken((i) => void delete i.sheets), /^sheets must be an array/],
      ['sheets null', broken((i) => void (i.sheets = null)), /^sheets must be an array, got null/],
      ['bands not an array', broken((i) => void (i.bands = { min: 0 })), /^bands must be an array/],
      ['band min not a number', broken((i) => void (i.bands[1].min = '50')), /^bands\[1\]\.min must be a number, got "50"/],
      ['band without label', broken((i) => void delete i.bands[1].label), /^bands\[1\]\.label must be a string/],
      [
        'a lone surrogate, which has no canonical JSON',
        broken((i) => void (i.note = '\ud800')),
        /cannot canonicalize the input: Lone surrogate/,
      ],
    ])('%s', (_name, input, message) => expectInvalid(input, message));
  });

  describe('given stages (§4.10): the message names the stage, the entry index, stage and submission', () => {
    /** A region-award input: a given stage "iid" and a sheet stage "presentation"; two given entries. */
    const givenInput = (): Json => ({
      method: { tieBreak: ['stage:iid'] },
      stages: [
        { key: 'iid', weight: 50, given: true },
        { key: 'presentation', weight: 50, criteria: [{ key: 'novelty', weight: 1, min: 0, max: 10 }] },
      ],
      submissions: [
        { id: 'kota-bekasi', category: 'kota' },
        { id: 'kota-bogor', category: 'kota' },
      ],
      sheets: [{ stage: 'presentation', juror: 'j1', submission: 'kota-bekasi', scores: { novelty: 8 } }],
      given: [
        { stage: 'iid', submission: 'kota-bekasi', score: 71.234 },
        { stage: 'iid', submission: 'kota-bogor', score: 60 },
      ],
    });
    const changed = (change: (input: Json) => unknown): unknown => {
      const input = givenInput();
      const replaced = change(input);
      return replaced === undefined ? input : replaced;
    };
    const ENTRY_1 = String.raw`^given\[1\] \(stage "iid", submission "kota-bogor"\): `;

    it('the base input is valid', () => expect(() => rank(givenInput())).not.toThrow());

    it.each<[string, (input: Json) => unknown, RegExp]>([
      // the stage's `given` field: present, and not true or false
      ...(['true', 1, 0, null, {}, []] as unknown[]).map((value): [string, (input: Json) => unknown, RegExp] => [
        `stage given ${JSON.stringify(value)}`,
        (i) => void (i.stages[0].given = value),
        new RegExp(String.raw`^stages\[0\] \("iid"\)\.given must be true or false, got ${escape(JSON.stringify(value))}$`),
      ]),
      [
        'given "false" on a sheet stage',
        (i) => void (i.stages[1].given = 'false'),
        /^stages\[1\] \("presentation"\)\.given must be true or false, got "false"$/,
      ],
      // a given stage with a criteria field, whatever its value
      [
        'a given stage with criteria',
        (i) => void (i.stages[0].criteria = [{ key: 'x', weight: 1, min: 0, max: 1 }]),
        /^stages\[0\] \("iid"\) is a given stage .*must not have a "criteria" field$/,
      ],
      [
        'a given stage with empty criteria',
        (i) => void (i.stages[0].criteria = []),
        /^stages\[0\] \("iid"\) is a given stage .*must not have a "criteria" field$/,
      ],
      [
        'a given stage with criteria null',
        (i) => void (i.stages[0].criteria = null),
        /^stages\[0\] \("iid"\) is a given stage .*must not have a "criteria" field$/,
      ],
      // the rest of a given stage is validated like any stage
      [
        'a given stage without weight',
        (i) => void delete i.stages[0].weight,
        /^stages\[0\] \("iid"\)\.weight must be a number, got \(missing\)$/,
      ],
      [
        'a given stage with a negative weight',
        (i) => void (i.stages[0].weight = -1),
        /^stages\[0\] \("iid"\)\.weight must be ≥ 0, got -1$/,
      ],
      [
        'a given stage with a duplicate key',
        (i) => void (i.stages[1] = { key: 'iid', weight: 1, given: true }),
        /^stages\[1\]\.key "iid" is a duplicate stage key$/,
      ],
      [
        'only given stages, all of weight 0',
        (i) => void ((i.stages = [{ key: 'iid', weight: 0, given: true }]), (i.sheets = [])),
        /^no stage has weight > 0$/,
      ],
      // a sheet naming a given stage
      [
        'a sheet naming a given stage',
        (i) => void i.sheets.push({ stage: 'iid', juror: 'j1', submission: 'kota-bogor', scores: {} }),
        /^sheet 1 \(stage "iid", juror "j1", submission "kota-bogor"\): stage "iid" is a given stage: its scores come from the "given" list, not from sheets$/,
      ],
      // the given list
      ['given an object', (i) => void (i.given = { iid: 1 }), /^given must be an array, got \{"iid":1\}$/],
      ['given a string', (i) => void (i.given = 'iid'), /^given must be an array, got "iid"$/],
      ['given true', (i) => void (i.given = true), /^given must be an array, got true$/],
      [
        'a given entry that is not an object',
        (i) => void (i.given[1] = 'kota-bogor'),
        /^given\[1\] must be an object \{stage, submission, score\}, got "kota-bogor"$/,
      ],
      ['a given entry null', (i) => void (i.given[1] = null), /^given\[1\] must be an object/],
      ['a given entry an array', (i) => void (i.given[1] = ['iid', 'kota-bogor', 60]), /^given\[1\] must be an object/],
      [
        'an entry naming an unknown stage',
        (i) => void (i.given[1].stage = 'index'),
        /^given\[1\] \(stage "index", submission "kota-bogor"\): unknown stage "index"$/,
      ],
      [
        'an entry without a stage',
        (i) => void delete i.given[1].stage,
        /^given\[1\] \(stage \(missing\), submission "kota-bogor"\): unknown stage \(missing\)$/,
      ],
      [
        'an entry with a numeric stage',
        (i) => void (i.given[1].stage = 0),
        /^given\[1\] \(stage 0, submission "kota-bogor"\): unknown stage 0$/,
      ],
      [
        'an entry naming a stage that is not given',
        (i) => void (i.given[1].stage = 'presentation'),
        /^given\[1\] \(stage "presentation", submission "kota-bogor"\): stage "presentation" is not a given stage/,
      ],
      [
        'an entry naming a stage marked "given": false',
        (i) => void ((i.stages[1].given = false), (i.given[1].stage = 'presentation')),
        /^given\[1\] \(stage "presentation", submission "kota-bogor"\): stage "presentation" is not a given stage/,
      ],
      [
        'an entry naming an unknown submission',
        (i) => void (i.given[1].submission = 'kota-depok'),
        /^given\[1\] \(stage "iid", submission "kota-depok"\): unknown submission "kota-depok"$/,
      ],
      [
        'an entry without a submission',
        (i) => void delete i.given[1].submission,
        /^given\[1\] \(stage "iid", submission \(missing\)\): unknown submission \(missing\)$/,
      ],
      [
        'two entries for one stage and submission',
        (i) => void i.given.push({ stage: 'iid', submission: 'kota-bekasi', score: 71.234 }),
        /^given\[2\] \(stage "iid", submission "kota-bekasi"\): a second entry for this stage and submission \(the first is given\[0\]\)$/,
      ],
      ...([-0.0001, 100.0001, -1, 1000, '60', null, true, NaN, Infinity, -Infinity, [60], { value: 60 }] as unknown[]).map(
        (score): [string, (input: Json) => unknown, RegExp] => [
          `score ${typeof score === 'number' ? String(score) : JSON.stringify(score)}`,
          (i) => void (i.given[1].score = score),
          new RegExp(`${ENTRY_1}score must be a number in \\[0, 100\\], got `),
        ],
      ),
      [
        'a missing score',
        (i) => void delete i.given[1].score,
        new RegExp(`${ENTRY_1}score must be a number in \\[0, 100\\], got \\(missing\\)$`),
      ],
      // inputs without any given stage
      [
        'a given entry in an input without given stages',
        () => ({ ...exampleInput(), given: [{ stage: 'field', submission: 'sitaro', score: 50 }] }),
        /^given\[0\] \(stage "field", submission "sitaro"\): stage "field" is not a given stage/,
      ],
    ])('%s', (_name, change, message) => expectInvalid(changed(change), message));

    it.each<[string, (input: Json) => unknown]>([
      ['score 0', (i) => void (i.given[1].score = 0)],
      ['score 100', (i) => void (i.given[1].score = 100)],
      ['score -0', (i) => void (i.given[1].score = -0)],
      ['given absent', (i) => void delete i.given],
      ['given null (as absent)', (i) => void (i.given = null)],
      ['given empty', (i) => void (i.given = [])],
      ['"given": false on a sheet stage', (i) => void (i.stages[1].given = false)],
      [
        'an unknown aggregation and a bad trim on a given stage (ignored, not validated)',
        (i) => void Object.assign(i.stages[0], { aggregation: 'max', trim: -1.5 }),
      ],
      ['aggregation and trim of the wrong type on a given stage', (i) => void Object.assign(i.stages[0], { aggregation: 7, trim: 'x' })],
      ['a given stage of weight 0 besides a weighted one', (i) => void (i.stages[0].weight = 0)],
      [
        'only a given stage, no sheet stage and no sheets',
        (i) => void ((i.stages = [{ key: 'iid', weight: 1, given: true }]), (i.sheets = [])),
      ],
      ['unknown fields on an entry', (i) => void (i.given[0].source = 'verified index')],
      ['"stage:KEY" of a given stage in the tie-break', (i) => void (i.method.tieBreak = ['stage:iid', 'stage:presentation'])],
    ])('accepts %s', (_name, change) => {
      expect(() => rank(changed(change))).not.toThrow();
    });
  });

  describe('excluded submissions (§4.11): validated like any other', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      ...(['true', 1, 0, null, 'false', {}, []] as unknown[]).map((value): [string, (input: Json) => unknown, RegExp] => [
        `excluded ${JSON.stringify(value)}`,
        (i) => void (i.submissions[0].excluded = value),
        new RegExp(String.raw`^submissions\[0\] \("sitaro"\)\.excluded must be true or false, got ${escape(JSON.stringify(value))}$`),
      ]),
      [
        'an excluded submission without category',
        (i) => void ((i.submissions[0].excluded = true), delete i.submissions[0].category),
        /^submissions\[0\] \("sitaro"\)\.category must be a non-empty string/,
      ],
      [
        'an excluded submission without submittedAt when the tie-break uses it',
        (i) => void ((i.submissions[0].excluded = true), delete i.submissions[0].submittedAt, (i.method.tieBreak = ['submittedAt'])),
        /^submissions\[0\] \("sitaro"\)\.submittedAt must be an RFC 3339 timestamp/,
      ],
      [
        'a duplicate id of an excluded submission',
        (i) => void i.submissions.push({ id: 'sitaro', category: 'kota', excluded: true }),
        /^submissions\[1\]\.id "sitaro" is a duplicate submission id$/,
      ],
      [
        'an out-of-range sheet of an excluded submission',
        (i) => void ((i.submissions[0].excluded = true), (i.sheets[1].scores.impact = 9)),
        new RegExp(`${SHEET_1.source}criterion "impact" value 9 is outside \\[1, 5\\]`),
      ],
      [
        'a bad given entry of an excluded submission',
        (i) => ({
          ...i,
          stages: [...i.stages, { key: 'iid', weight: 1, given: true }],
          submissions: [{ ...i.submissions[0], excluded: true }],
          given: [{ stage: 'iid', submission: 'sitaro', score: 101 }],
        }),
        /^given\[0\] \(stage "iid", submission "sitaro"\): score must be a number in \[0, 100\], got 101$/,
      ],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));

    it.each([true, false])('accepts excluded %p', (excluded) => {
      expect(() => rank(broken((i) => void (i.submissions[0].excluded = excluded)))).not.toThrow();
    });
  });

  it('zero sheets is valid', () => {
    expect(() => rank(broken((i) => void (i.sheets = [])))).not.toThrow();
  });
});
