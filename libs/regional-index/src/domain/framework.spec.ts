import { canonicalize } from '@app/kernel';
import fc from 'fast-check';
import { computeIndex } from '../compute';
import { createIndexSnapshot } from '../snapshot';
import {
  type CollectedEdition,
  type IndexFramework,
  answersInOrder,
  compareAnswers,
  frameworkIndicators,
  indexInputFrom,
  indexSnapshotOf,
} from './framework';
import { defaultIidFramework } from './iid-2023';
import { validateFramework } from './validate-framework';

const maximum = (framework: IndexFramework, scope: string) =>
  frameworkIndicators(framework)
    .filter((x) => x.scope === scope)
    .reduce((sum, x) => sum + Math.max(...[...(x.options ?? []), ...(x.steps ?? [])].map((o) => o.score)), 0);

describe('the default framework (IID 2023 shape)', () => {
  const framework = defaultIidFramework();

  it('is valid', () => {
    expect(validateFramework(framework)).toEqual([]);
  });

  it('has 2 aspects, 8 variables and 36 indicators: 15 region ones in 2 variables, 20 per innovation in 5, one count', () => {
    expect(framework.aspects.map((a) => [a.key, a.variables.map((v) => [v.key, v.indicators.length])])).toEqual([
      [
        'spd',
        [
          ['institusi', 8],
          ['sdm_kajian', 7],
        ],
      ],
      [
        'sid',
        [
          ['infrastruktur', 5],
          ['output_pengetahuan_teknologi', 4],
          ['kecepatan_bisnis_proses', 4],
          ['kecanggihan_produk', 3],
          ['hasil_kreatif', 4],
          ['jumlah_inovasi', 1],
        ],
      ],
    ]);
    const scopes = frameworkIndicators(framework).map((x) => x.scope);
    expect([
      scopes.filter((s) => s === 'region').length,
      scopes.filter((s) => s === 'innovation').length,
      scopes.filter((s) => s === 'count').length,
    ]).toEqual([15, 20, 1]);
  });

  it('weighs SPD about 25 % of the maximum and an innovation\'s maturity ("kematangan") at 111', () => {
    expect(maximum(framework, 'region')).toBe(39);
    expect(maximum(framework, 'innovation')).toBe(111);
    expect(maximum(framework, 'count')).toBe(10);
    expect(39 / 160).toBeCloseTo(0.25, 1);
  });

  it('labels everything in Bahasa Indonesia and English and asks for evidence on every scoring option', () => {
    for (const indicator of frameworkIndicators(framework)) {
      expect(indicator.label.id).not.toBe(indicator.label.en);
      for (const option of indicator.options ?? []) {
        expect(option.guidance.id && option.guidance.en).toBeTruthy();
        expect(option.evidence.type === 'none').toBe(option.score === 0);
      }
    }
    expect(framework.bands.map((b) => [b.label.id, b.min])).toEqual([
      ['Sangat Inovatif', 60.01],
      ['Inovatif', 35],
      ['Kurang Inovatif', 0.01],
      ['Tidak Dapat Dinilai', 0],
    ]);
  });

  it('gives a fresh copy on every call', () => {
    const mine = defaultIidFramework() as unknown as { aspects: { key: string }[] };
    mine.aspects[0].key = 'changed';
    expect(defaultIidFramework().aspects[0].key).toBe('spd');
  });
});

describe('indexInputFrom: a framework and collected answers → the §4b input', () => {
  const collected: CollectedEdition = {
    regions: [
      { id: 'kota-depok', category: 'kota' },
      { id: 'kota-bekasi', category: 'kota', groups: ['jawa'] },
    ],
    innovations: [
      { id: 'sitaro', region: 'kota-bekasi' },
      { id: 'patriot-mantap', region: 'kota-bekasi', eligible: false },
    ],
    answers: [
      { innovation: 'sitaro', indicator: 'layanan_daring', self: 'penuh', verified: 'sebagian' },
      { innovation: 'sitaro', indicator: 'dasar_hukum', self: 'perkada', verified: null },
      { region: 'kota-bekasi', indicator: 'anggaran_inovasi_daerah', self: 'pos_khusus', verified: 'dpa_perangkat_daerah' },
      { region: 'kota-bekasi', indicator: 'regulasi_inovasi_daerah', self: 'perda', verified: 'perda' },
      { innovation: 'patriot-mantap', indicator: 'dasar_hukum', self: 'sk_kepala_daerah' },
    ],
  };

  it('carries a public validator note with its answer, hashed with the input but never scored', () => {
    const noted: CollectedEdition = {
      ...collected,
      answers: collected.answers.map((a) =>
        a.indicator === 'layanan_daring' ? { ...a, note: 'Hanya sebagian layanan daring.' } : { ...a, note: null },
      ),
    };
    const input = indexInputFrom(defaultIidFramework(), noted);
    expect(input.answers.filter((a) => 'note' in a)).toEqual([
      { innovation: 'sitaro', indicator: 'layanan_daring', self: 'penuh', verified: 'sebagian', note: 'Hanya sebagian layanan daring.' },
    ]);
    const plain = indexInputFrom(defaultIidFramework(), collected);
    const [withNote, without] = [computeIndex(input), computeIndex(plain)];
    expect(withNote.categories).toEqual(without.categories);
    expect(withNote.inputsDigest).not.toBe(without.inputsDigest);
  });

  it('flattens the indicators in framework order, takes method and bands, sorts regions, innovations and answers', () => {
    const input = indexInputFrom(defaultIidFramework(), collected);
    expect(input.method).toEqual({ decimals: 2, minInnovations: 10, basis: 'verified', tieBreak: ['sid', 'spd', 'innovations'] });
    expect(input.indicators).toHaveLength(36);
    expect(input.indicators[0]).toEqual({
      key: 'regulasi_inovasi_daerah',
      scope: 'region',
      options: [
        { key: 'tidak_ada', score: 0 },
        { key: 'sk_kepala_daerah', score: 1 },
        { key: 'perkada', score: 2 },
        { key: 'perda', score: 3 },
      ],
    });
    expect(input.indicators[35]).toEqual({
      key: 'jumlah_inovasi',
      scope: 'count',
      steps: [
        { min: 0, score: 0 },
        { min: 1, score: 2 },
        { min: 10, score: 4 },
        { min: 30, score: 6 },
        { min: 60, score: 8 },
        { min: 100, score: 10 },
      ],
    });
    expect(input.bands).toEqual([
      { label: 'Sangat Inovatif', min: 60.01 },
      { label: 'Inovatif', min: 35 },
      { label: 'Kurang Inovatif', min: 0.01 },
      { label: 'Tidak Dapat Dinilai', min: 0 },
    ]);
    expect(input.regions).toEqual([
      { id: 'kota-bekasi', category: 'kota', groups: ['jawa'] },
      { id: 'kota-depok', category: 'kota' },
    ]);
    expect(input.innovations).toEqual([
      { id: 'patriot-mantap', region: 'kota-bekasi', eligible: false },
      { id: 'sitaro', region: 'kota-bekasi' },
    ]);
    expect(input.answers).toEqual([
      { region: 'kota-bekasi', indicator: 'regulasi_inovasi_daerah', self: 'perda', verified: 'perda' },
      { region: 'kota-bekasi', indicator: 'anggaran_inovasi_daerah', self: 'pos_khusus', verified: 'dpa_perangkat_daerah' },
      { innovation: 'patriot-mantap', indicator: 'dasar_hukum', self: 'sk_kepala_daerah' },
      { innovation: 'sitaro', indicator: 'dasar_hukum', self: 'perkada' },
      { innovation: 'sitaro', indicator: 'layanan_daring', self: 'penuh', verified: 'sebagian' },
    ]);
  });

  it('publishes the snapshot of that input (indexSnapshotOf), its input stored as canonical JSON', () => {
    for (const options of [{}, { basis: 'self' as const, tieBreak: ['spd' as const] }]) {
      const input = indexInputFrom(defaultIidFramework(), collected, options);
      const reference = createIndexSnapshot(input);
      expect(indexSnapshotOf(defaultIidFramework(), collected, options)).toEqual({
        output: reference.output,
        hash: reference.hash,
        inputJson: Buffer.from(canonicalize(input)!),
      });
    }
  });

  it('gives the same input (and digest) whatever order the answers were collected in', () => {
    const reversed = {
      ...collected,
      regions: [...collected.regions].reverse(),
      innovations: [...collected.innovations].reverse(),
      answers: [...collected.answers].reverse(),
    };
    expect(computeIndex(indexInputFrom(defaultIidFramework(), reversed))).toEqual(
      computeIndex(indexInputFrom(defaultIidFramework(), collected)),
    );
  });

  it('computes the index of Kota Bekasi from the default framework', () => {
    const out = computeIndex(indexInputFrom(defaultIidFramework(), collected, { basis: 'self', tieBreak: ['spd'] }));
    // self: spd 3 + 2 = 5; innovations 6 + 6 + 4 = 16 / 10 + 2 (1–9 innovations) = 3.6; iid 100 · 8.6 / 160 = 5.375
    // verified: spd 3 + 1 = 4; sitaro only (4 for sebagian; dasar_hukum unverified) 4 / 10 + 2 = 2.4; iid 100 · 6.4 / 160 = 4
    expect(out.max).toBe(160);
    expect(out.categories.kota[0]).toEqual({
      rank: 1,
      region: 'kota-bekasi',
      self: { iid: 5.38, band: 'Kurang Inovatif', spd: 5, sid: 3.6, innovations: 2 },
      verified: { iid: 4, band: 'Kurang Inovatif', spd: 4, sid: 2.4, innovations: 1 },
    });
    expect(out.categories.kota[1]).toMatchObject({ rank: 2, region: 'kota-depok', self: { iid: 0, band: 'Tidak Dapat Dinilai' } });
  });
});

describe('answersInOrder: the input order of the answers without a pairwise sort', () => {
  const indicators = [{ key: 'b' }, { key: 'a' }, { key: 'c' }];
  const arbAnswer = fc.record({
    owner: fc.constantFrom('r1', 'r2', 'R3', 'é', 'i1', 'i2', ''),
    regionAnswer: fc.boolean(),
    nullOther: fc.boolean(),
    indicator: fc.constantFrom('a', 'b', 'c', 'unknown', 'Z'),
    self: fc.constantFrom('x', 'y'),
  });

  it('orders exactly as a stable sort by compareAnswers (regions first, owner id, indicator order, then key)', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 60 }), (raw) => {
        const answers = raw.map(({ owner, regionAnswer, nullOther, indicator, self }, i) => ({
          indicator,
          self: `${self}${i}`,
          ...(regionAnswer
            ? { region: owner, ...(nullOther ? { innovation: null } : {}) }
            : { innovation: owner, ...(nullOther ? { region: null } : {}) }),
        }));
        expect(answersInOrder(answers, indicators)).toEqual([...answers].sort(compareAnswers(indicators)));
      }),
    );
  });

  it('orders answered-once known indicators per owner, grouped or scattered, as the sort does', () => {
    const pairs = fc.uniqueArray(fc.tuple(fc.constantFrom('r1', 'r2', 'i1', 'i2', 'i3'), fc.constantFrom('a', 'b', 'c')), {
      selector: ([owner, indicator]) => `${owner}/${indicator}`,
      maxLength: 15,
    });
    fc.assert(
      fc.property(pairs, fc.boolean(), (raw, grouped) => {
        const answers = (grouped ? [...raw].sort((x, y) => x[0].localeCompare(y[0])) : raw).map(([owner, indicator]) =>
          owner.startsWith('r') ? { region: owner, indicator, self: 'x' } : { innovation: owner, indicator, self: 'x' },
        );
        expect(answersInOrder(answers, indicators)).toEqual([...answers].sort(compareAnswers(indicators)));
      }),
    );
  });

  it('keeps the input order of two answers of one owner and indicator (a duplicate the computation then refuses)', () => {
    const first = { region: 'r1', indicator: 'a', self: 'x' };
    const second = { region: 'r1', indicator: 'a', self: 'y' };
    expect(answersInOrder([first, second], indicators)).toEqual([first, second]);
    expect(answersInOrder([second, first], indicators)).toEqual([second, first]);
  });
});
