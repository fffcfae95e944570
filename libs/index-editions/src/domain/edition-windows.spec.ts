import { DomainError } from '@app/kernel';
import type { EditionStatus } from './edition-lifecycle';
import { planWindowMoves, windowOrderProblems, type EditionWindows, type WindowField } from './edition-windows';

const d = (day: number) => new Date(Date.UTC(2026, 4, day));
const windows: EditionWindows = {
  selfAssessmentOpensAt: d(1),
  selfAssessmentClosesAt: d(10),
  verificationOpensAt: d(11),
  verificationClosesAt: d(20),
};
const outcome = (status: EditionStatus, change: Partial<EditionWindows>) => {
  try {
    return planWindowMoves(status, windows, { ...windows, ...change }).map((m) => m.field);
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('index edition windows', () => {
  it.each<[string, EditionStatus, Partial<EditionWindows>, WindowField[] | string]>([
    ['nothing moved', 'self_assessment', {}, []],
    [
      'a draft moves everything',
      'draft',
      { selfAssessmentOpensAt: d(2), verificationClosesAt: d(25) },
      ['selfAssessmentOpensAt', 'verificationClosesAt'],
    ],
    ['a draft clears a window', 'draft', { verificationClosesAt: null }, ['verificationClosesAt']],
    ['the open self-assessment is extended', 'self_assessment', { selfAssessmentClosesAt: d(11) }, ['selfAssessmentClosesAt']],
    ['the open self-assessment may not start again', 'self_assessment', { selfAssessmentOpensAt: d(2) }, 'INDEX_WINDOW_CLOSED'],
    [
      'verification still ahead moves',
      'self_assessment',
      { verificationOpensAt: d(12), verificationClosesAt: d(22) },
      ['verificationOpensAt', 'verificationClosesAt'],
    ],
    ['the ended self-assessment is history', 'verification', { selfAssessmentClosesAt: d(9) }, 'INDEX_WINDOW_CLOSED'],
    ['open verification is extended', 'verification', { verificationClosesAt: d(30) }, ['verificationClosesAt']],
    ['a closed edition keeps its windows', 'closed', { verificationClosesAt: d(30) }, 'INDEX_WINDOW_CLOSED'],
    [
      'overlap: self-assessment closing after verification opens',
      'self_assessment',
      { selfAssessmentClosesAt: d(12) },
      'INDEX_WINDOWS_OUT_OF_ORDER',
    ],
    ['out of order: verification closing before it opens', 'draft', { verificationClosesAt: d(5) }, 'INDEX_WINDOWS_OUT_OF_ORDER'],
    ['touching windows are in order', 'draft', { selfAssessmentClosesAt: d(11) }, ['selfAssessmentClosesAt']],
  ])('%s', (_, status, change, expected) => expect(outcome(status, change)).toEqual(expected));

  it.each<[Partial<EditionWindows>, string[]]>([
    [{}, []],
    [{ selfAssessmentClosesAt: d(12) }, ['verificationOpensAt']],
    [{ selfAssessmentOpensAt: null, selfAssessmentClosesAt: null, verificationOpensAt: d(30) }, ['verificationClosesAt']],
    [{ selfAssessmentOpensAt: d(25) }, ['selfAssessmentClosesAt', 'verificationOpensAt', 'verificationClosesAt']],
  ])('order problems of %j', (change, fields) =>
    expect(windowOrderProblems({ ...windows, ...change }).map((p) => p.field)).toEqual(fields),
  );
});
