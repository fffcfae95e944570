
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

/** The second sheet of the example, as every sheet message names it. */
const SHEET_1 = /^sheet 1 \(stage "field", juror "j2", submission "sitaro"\): /;

describe('invalid input (DESIGN §4.9) → ScoringInputError naming the fault', () => {
  describe('sheets: the message names the 0-based index, stage, juror and submission', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      ['unknown stage', (i) => void (i.sheets[1].stage = 'visit'), /^sheet 1 \(stage "visit", juror "j2", submission "sitaro"\): unknown stage "visit"/],
      ['missing stage', (i) => void delete i.sheets[1].stage, /^sheet 1 \(stage \(missing\), juror "j2", submission "sitaro"\): unknown stage/],
      ['unknown submission', (i) => void (i.sheets[1].submission = 'patriot'), /^sheet 1 \(stage "field", juror "j2", submission "patriot"\): unknown submission "patriot"/],
      ['numeric submission', (i) => void (i.sheets[1].submission = 7), /^sheet 1 .*unknown submission 7/],
      ['missing juror', (i) => void delete i.sheets[1].juror, /^sheet 1 \(stage "field", juror \(missing\), submission "sitaro"\): juror must be a non-empty string/],
      ['empty juror', (i) => void (i.sheets[1].juror = ''), /^sheet 1 .*juror must be a non-empty string/],
      ['unknown criterion', (i) => void (i.sheets[1].scores.novelty = 5), new RegExp(`${SHEET_1.source}unknown criterion "novelty" for stage "field"`)],
      ['a criterion of another stage instead', (i) => void (i.sheets[1].scores = { novelty: 4 }), new RegExp(`${SHEET_1.source}criterion "impact" is missing`)],
      ['missing value', (i) => void (i.sheets[1].scores = {}), new RegExp(`${SHEET_1.source}criterion "impact" is missing`)],
      ['string value', (i) => void (i.sheets[1].scores.impact = '4'), new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got "4"`)],
      ['boolean value', (i) => void (i.sheets[1].scores.impact = true), new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got true`)],
      ['null value', (i) => void (i.sheets[1].scores.impact = null), new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got null`)],
      ['NaN value', (i) => void (i.sheets[1].scores.impact = NaN), new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got NaN`)],
      ['infinite value', (i) => void (i.sheets[1].scores.impact = Infinity), new RegExp(`${SHEET_1.source}criterion "impact" must be a number, got Infinity`)],
      ['value below min', (i) => void (i.sheets[1].scores.impact = 0.99), new RegExp(`${SHEET_1.source}criterion "impact" value 0.99 is outside \\[1, 5\\]`)],
      ['value above max', (i) => void (i.sheets[1].scores.impact = 5.01), new RegExp(`${SHEET_1.source}criterion "impact" value 5.01 is outside \\[1, 5\\]`)],
      ['scores not an object', (i) => void (i.sheets[1].scores = [4]), new RegExp(`${SHEET_1.source}scores must be an object`)],
      ['scores missing', (i) => void delete i.sheets[1].scores, new RegExp(`${SHEET_1.source}scores must be an object`)],
      [
        'two sheets of one juror for the same innovation and stage',
        (i) => void i.sheets.push({ stage: 'presentation', juror: 'j3', submission: 'sitaro', scores: { novelty: 1 } }, { stage: 'field', juror: 'j2', submission: 'sitaro', scores: { impact: 1 } }),
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
      ['duplicate criterion key', (i) => void i.stages[0].criteria.push({ key: 'novelty', weight: 1, min: 0, max: 1 }), /stages\[0\] \("presentation"\)\.criteria\[1\]\.key "novelty" is a duplicate criterion key/],
      ['criterion min = max', (i) => void (i.stages[1].criteria[0].min = 5), /stages\[1\] \("field"\)\.criteria\[0\] \("impact"\): min 5 must be below max 5/],
      ['criterion min > max', (i) => void (i.stages[1].criteria[0].min = 6), /criteria\[0\] \("impact"\): min 6 must be below max 5/],
      ['negative criterion weight', (i) => void (i.stages[1].criteria[0].weight = -1), /stages\[1\] \("field"\)\.criteria\[0\] \("impact"\)\.weight must be ≥ 0, got -1/],
      ['non-numeric criterion weight', (i) => void (i.stages[1].criteria[0].weight = '1'), /criteria\[0\] \("impact"\)\.weight must be a number, got "1"/],
      ['missing criterion weight', (i) => void delete i.stages[1].criteria[0].weight, /criteria\[0\] \("impact"\)\.weight must be a number, got \(missing\)/],
      ['non-numeric min', (i) => void (i.stages[1].criteria[0].min = null), /criteria\[0\] \("impact"\)\.min must be a number, got null/],
      ['non-numeric max', (i) => void (i.stages[1].criteria[0].max = '5'), /criteria\[0\] \("impact"\)\.max must be a number, got "5"/],
      ['criterion weights summing to 0', (i) => void (i.stages[1].criteria[0].weight = 0), /stages\[1\] \("field"\): its criterion weights sum to 0/],
      ['a stage without criteria', (i) => void (i.stages[1].criteria = []), /stages\[1\] \("field"\): its criterion weights sum to 0/],
      ['criteria not an array', (i) => void (i.stages[1].criteria = {}), /stages\[1\] \("field"\)\.criteria must be an array/],
      ['criterion without key', (i) => void delete i.stages[1].criteria[0].key, /stages\[1\] \("field"\)\.criteria\[0\]\.key must be a non-empty string/],
      ['no stage with weight > 0', (i) => void i.stages.forEach((s: Json) => (s.weight = 0)), /no stage has weight > 0/],
      ['no stages', (i) => void ((i.stages = []), (i.sheets = [])), /no stage has weight > 0/],
      ['negative stage weight', (i) => void (i.stages[1].weight = -40), /stages\[1\] \("field"\)\.weight must be ≥ 0, got -40/],
      ['missing stage weight', (i) => void delete i.stages[1].weight, /stages\[1\] \("field"\)\.weight must be a number/],
      ['stage without key', (i) => void (i.stages[1].key = ''), /stages\[1\]\.key must be a non-empty string, got ""/],
      ['stage not an object', (i) => void (i.stages[1] = null), /stages\[1\] must be an object/],
      ['unknown stage aggregation', (i) => void (i.stages[1].aggregation = 'max'), /stages\[1\] \("field"\)\.aggregation "max" is unknown/],
      ['stage trim negative', (i) => void (i.stages[1].trim = -1), /stages\[1\] \("field"\)\.trim must be a non-negative integer, got -1/],
      ['stage trim fractional', (i) => void (i.stages[1].trim = 0.5), /stages\[1\] \("field"\)\.trim must be a non-negative integer, got 0.5/],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));
  });

  describe('method', () => {
    it.each<[string, (input: Json) => unknown, RegExp]>([
      ['unknown aggregation', (i) => void (i.method.aggregation = 'average'), /method\.aggregation "average" is unknown \(expected one of mean, median, trimmed_mean, zscore\)/],
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
      ['duplicate submission id', (i) => void i.submissions.push({ id: 'sitaro', category: 'kabupaten' }), /submissions\[1\]\.id "sitaro" is a duplicate submission id/],
      ['submission without id', (i) => void delete i.submissions[0].id, /submissions\[0\]\.id must be a non-empty string/],
      ['submission without category', (i) => void delete i.submissions[0].category, /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got \(missing\)/],
      ['empty category', (i) => void (i.submissions[0].category = ''), /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got ""/],
      ['non-string category', (i) => void (i.submissions[0].category = 3), /submissions\[0\] \("sitaro"\)\.category must be a non-empty string, got 3/],
      ['submission not an object', (i) => void (i.submissions[0] = 'sitaro'), /submissions\[0\] must be an object/],
    ])('%s', (_name, change, message) => expectInvalid(broken(change), message));

    it.each([undefined, null, '', '2024-09-01', '2024-09-01 08:00:00Z', '2024-09-01T08:00:00', '2024-02-30T08:00:00Z', 1725177600])(
      'submittedAt %p is invalid when the tie-break uses it',
      (submittedAt) => {
        const input = broken((i) => {
          i.method.tieBreak = ['stage:field', 'submittedAt'];
          i.submissions[0].submittedAt = submittedAt;
        });
        expectInvalid(input, /submissions\[0\] \("sitaro"\)\.submittedAt must be an RFC 3339 timestamp because method\.tieBreak uses "submittedAt"/);
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
      ['a lone surrogate, which has no canonical JSON', broken((i) => void (i.note = '\ud800')), /cannot canonicalize the input: Lone surrogate/],
    ])('%s', (_name, input, message) => expectInvalid(input, message));
  });

  it('zero sheets is valid', () => {
    expect(() => rank(broken((i) => void (i.sheets = [])))).not.toThrow();
  });
});
