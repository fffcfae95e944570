import { defaultIidFramework, frameworkIndicators } from '@app/regional-index';
import { isSurveyIndicator, surveyOption, type SurveyFacts } from './survey-option';

const indicators = frameworkIndicators(defaultIidFramework());
const survey = indicators.find((i) => i.key === 'survei_kepuasan')!;

describe('the survey indicator answered from the data', () => {
  it('recognises the default framework’s survey indicator and no other', () => {
    expect(indicators.filter(isSurveyIndicator).map((i) => i.key)).toEqual(['survei_kepuasan']);
  });

  it.each<[string, SurveyFacts, string]>([
    ['no responses', { responses: 0, ikm: null, grade: null }, 'tidak_ada'],
    ['held, IKM C', { responses: 120, ikm: 70.2, grade: 'C' }, 'survei'],
    ['held, IKM D', { responses: 120, ikm: 60, grade: 'D' }, 'survei'],
    ['IKM B (76.61 exactly)', { responses: 120, ikm: 76.61, grade: 'B' }, 'ikm_baik'],
    ['IKM A', { responses: 120, ikm: 90, grade: 'A' }, 'ikm_meningkat'],
    ['IKM B, higher than before', { responses: 120, ikm: 80.1, grade: 'B', beforeIkm: 72.4 }, 'ikm_meningkat'],
    ['IKM C, higher than before', { responses: 120, ikm: 74, grade: 'C', beforeIkm: 70 }, 'ikm_meningkat'],
    ['IKM B, lower than before', { responses: 120, ikm: 80.1, grade: 'B', beforeIkm: 85 }, 'ikm_baik'],
    ['IKM B, equal to before', { responses: 120, ikm: 80.1, grade: 'B', beforeIkm: 80.1 }, 'ikm_baik'],
    ['IKM B, before without responses', { responses: 120, ikm: 80.1, grade: 'B', beforeIkm: null }, 'ikm_baik'],
  ])('%s → %s', (_, facts, option) => expect(surveyOption(survey.options!, facts)).toBe(option));

  it('follows an edited framework: the best option left whose rule holds; none when an option has no rule', () => {
    const twoOptions = survey.options!.filter((o) => o.key === 'tidak_ada' || o.key === 'ikm_baik');
    expect(surveyOption(twoOptions, { responses: 50, ikm: 90, grade: 'A' })).toBe('ikm_baik');
    expect(surveyOption(twoOptions, { responses: 50, ikm: 70, grade: 'C' })).toBe('tidak_ada');
    expect(surveyOption([{ key: 'survei', score: 2 }], { responses: 0, ikm: null, grade: null })).toBeNull();
    expect(surveyOption([...survey.options!, { key: 'lainnya', score: 9 }], { responses: 50, ikm: 90, grade: 'A' })).toBeNull();
  });
});
