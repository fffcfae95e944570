import { describe, expect, it } from 'vitest';
import { answerField, answerOf, bandLabel, bandTier, completeness, gapsOf, isLowerOption, progressPercent, sectionsOf } from './assessment';
import { distributionOf, percentOf, variableBars } from './charts-data';
import { freshKey, moveItem, removeItem, updateAt, updateList } from './framework-edit';
import { assessment, framework } from '../../test/index-fixtures';

const regulasi = framework.aspects[0].variables[0].indicators[0];

describe('index form logic', () => {
  it('a form shows the variables holding indicators of its scope, only those indicators, in framework order', () => {
    expect(sectionsOf(framework, 'region').map((s) => [s.variable.key, s.indicators.map((i) => i.key)])).toEqual([
      ['institusi', ['regulasi', 'anggaran']],
    ]);
    // The count variable has no answerable indicator: it is in neither form.
    expect(sectionsOf(framework, 'innovation').map((s) => [s.aspect.key, s.variable.key, s.indicators.map((i) => i.key)])).toEqual([
      ['sid', 'kematangan', ['tahapan']],
    ]);
  });

  it.each([
    ['regulasi', null, 'region.regulasi'],
    ['tahapan', 'i-sitaro', 'innovations.i-sitaro.tahapan'],
  ])('the field of %s for %s is %s, as the API names its gaps', (indicator, innovation, field) => {
    expect(answerField(indicator, innovation)).toBe(field);
    expect(gapsOf(assessment.gaps, field)).toHaveLength(1);
  });

  it('an answer is found by indicator and owner: a region answer is not an innovation answer', () => {
    expect(answerOf(assessment.answers, 'regulasi', null)?.id).toBe('a-regulasi');
    expect(answerOf(assessment.answers, 'regulasi', 'i-sitaro')).toBeUndefined();
    expect(answerOf(assessment.answers, 'anggaran', null)).toBeUndefined();
  });

  it('completeness splits what is unanswered from what lacks evidence, for the region or one innovation', () => {
    const all = completeness(assessment.gaps);
    expect(all.unanswered.map((g) => g.field)).toEqual(['region.anggaran', 'innovations.i-sitaro.tahapan']);
    expect(all.evidence.map((g) => g.field)).toEqual(['region.regulasi']);
    const region = completeness(assessment.gaps, 'region.');
    expect([region.unanswered.length, region.evidence.length]).toEqual([1, 1]);
    const sitaro = completeness(assessment.gaps, 'innovations.i-sitaro.');
    expect([sitaro.unanswered.length, sitaro.evidence.length]).toEqual([1, 0]);
    expect(completeness([])).toEqual({ unanswered: [], evidence: [] });
  });

  it.each([
    ['perda', 'perkada', true],
    ['perda', 'tidak_ada', true],
    ['perkada', 'perda', false],
    ['perda', 'perda', false],
    ['perda', 'ghost', false],
    [null, 'perda', false],
  ])('verifying %s as %s needs a note: %s', (self, verified, lower) => {
    expect(isLowerOption(regulasi, self, verified)).toBe(lower);
  });

  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
  ])('%d of %d verified is %d %%', (verified, answers, pct) => expect(progressPercent(verified, answers)).toBe(pct));

  it('band labels of the output (Indonesian) read in the reader’s language; tiers count from the best band', () => {
    expect(bandLabel(framework.bands, 'Sangat Inovatif', 'en')).toBe('Very innovative');
    expect(bandLabel(framework.bands, 'Inovatif', 'id')).toBe('Inovatif');
    expect(bandLabel(framework.bands, 'Unknown', 'en')).toBe('Unknown');
    expect(bandLabel(framework.bands, null, 'en')).toBeNull();
    expect(['Sangat Inovatif', 'Inovatif', 'Kurang Inovatif', 'x'].map((b) => bandTier(framework.bands, b))).toEqual([0, 1, 2, 3]);
  });

  it('the framework editor replaces one value along a path and copies only that path', () => {
    const next = updateAt(framework, ['aspects', 0, 'variables', 0, 'indicators', 0, 'options', 2, 'score'], 4);
    expect(next.aspects[0].variables[0].indicators[0].options![2].score).toBe(4);
    expect(framework.aspects[0].variables[0].indicators[0].options![2].score).toBe(3);
    expect(next.aspects[1]).toBe(framework.aspects[1]);
    expect(next.bands).toBe(framework.bands);
    expect(() => updateAt(framework, ['aspects', 9, 'key'], 'x')).toThrow(RangeError);
  });

  it('framework editor lists: add, remove and reorder indicators and options without touching the rest', () => {
    const path = ['aspects', 0, 'variables', 0, 'indicators'] as const;
    const keys = (f: typeof framework) => f.aspects[0].variables[0].indicators.map((i) => i.key);
    const swapped = updateList(framework, path, (items) => moveItem(items, 0, 1));
    expect(keys(swapped)).toEqual(['anggaran', 'regulasi']);
    expect(keys(framework)).toEqual(['regulasi', 'anggaran']);
    expect(swapped.aspects[1]).toBe(framework.aspects[1]);
    expect(keys(updateList(framework, path, (items) => removeItem(items, 0)))).toEqual(['anggaran']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(() => updateList(framework, ['aspects', 0, 'key'], (items) => [...items])).toThrow(TypeError);
    expect(freshKey(['indikator_1', 'indikator_3'], 'indikator')).toBe('indikator_2');
    expect(freshKey([], 'pilihan')).toBe('pilihan_1');
  });

  it('chart data: variables as a share of their maximum; the distribution marks the region', () => {
    const bars = variableBars(
      [
        { key: 'institusi', aspect: 'spd', label: { id: 'Institusi', en: 'Institutions' }, scope: 'region', self: 5, verified: 4, max: 5 },
        { key: 'jumlah', aspect: 'sid', label: { id: 'Jumlah', en: 'Number' }, scope: 'count', self: 0, verified: 0, max: 0 },
      ],
      'en',
      { self: 'Self', verified: 'Verified', axis: '%' },
    );
    expect([bars.labels, bars.self, bars.verified]).toEqual([
      ['Institutions', 'Number'],
      [100, 0],
      [80, 0],
    ]);
    expect(bars.summary).toBe('Institutions: Self 100 %, Verified 80 %; Number: Self 0 %, Verified 0 %');
    expect(percentOf(1, 3)).toBe(33.3);
    const block = (iid: number) => ({ iid, band: null, spd: 0, sid: 0, innovations: 0 });
    const rows = [
      { rank: 1, region: 'a', name: 'Kota A', province: null, self: block(90), verified: block(80) },
      { rank: 2, region: 'b', name: null, province: null, self: block(70), verified: block(60) },
    ];
    expect(distributionOf(rows, 'b')).toEqual({ labels: ['Kota A', 'b'], values: [80, 60], marked: 1 });
    expect(distributionOf(rows, 'z').marked).toBe(-1);
  });
});
