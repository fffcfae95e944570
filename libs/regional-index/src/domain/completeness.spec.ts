import { ValidationFailed } from '@app/kernel';
import type { IndexFramework } from './framework';
import {
  assertSelfAssessmentComplete,
  isWebLink,
  selfAssessmentGaps,
  type SelfAssessment,
  type SelfAssessmentAnswer,
} from './completeness';
import { defaultIidFramework } from './iid-2023';

/** A small framework: one region indicator (document evidence), one innovation indicator (link evidence). */
const framework: IndexFramework = {
  key: 'mini',
  label: { id: 'Mini', en: 'Mini' },
  method: { decimals: 2, minInnovations: 10 },
  bands: [],
  aspects: [
    {
      key: 'spd',
      label: { id: 'Pemerintah daerah', en: 'Regional government' },
      variables: [
        {
          key: 'institusi',
          label: { id: 'Institusi', en: 'Institutions' },
          indicators: [
            {
              key: 'regulasi',
              scope: 'region',
              label: { id: 'Regulasi inovasi daerah', en: 'Regional innovation regulation' },
              options: [
                { key: 'tidak_ada', score: 0, guidance: { id: 'Tidak ada', en: 'None' }, evidence: { type: 'none' } },
                {
                  key: 'perkada',
                  score: 2,
                  guidance: { id: 'Peraturan kepala daerah', en: "Head of region's regulation" },
                  evidence: { type: 'document', kinds: ['regulation', 'decree'] },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'sid',
      label: { id: 'Inovasi', en: 'Innovations' },
      variables: [
        {
          key: 'produk',
          label: { id: 'Produk', en: 'Product' },
          indicators: [
            {
              key: 'layanan_daring',
              scope: 'innovation',
              label: { id: 'Layanan daring', en: 'Online service' },
              options: [
                { key: 'tidak_ada', score: 0, guidance: { id: 'Tidak ada', en: 'None' }, evidence: { type: 'none' } },
                { key: 'penuh', score: 6, guidance: { id: 'Sepenuhnya daring', en: 'Fully online' }, evidence: { type: 'link' } },
              ],
            },
            {
              key: 'jumlah',
              scope: 'count',
              label: { id: 'Jumlah inovasi', en: 'Innovations' },
              steps: [{ min: 0, score: 1, guidance: { id: 'x', en: 'x' } }],
            },
          ],
        },
      ],
    },
  ],
};

const complete: SelfAssessmentAnswer[] = [
  { region: 'kota-bekasi', indicator: 'regulasi', self: 'perkada', documents: [{ kind: 'photo' }, { kind: 'regulation' }] },
  { innovation: 'sitaro', indicator: 'layanan_daring', self: 'penuh', link: 'https://sitaro.bekasikota.go.id' },
  { innovation: 'patriot', indicator: 'layanan_daring', self: 'tidak_ada' },
];

function gaps(answers: SelfAssessmentAnswer[], innovations = ['sitaro', 'patriot']) {
  return selfAssessmentGaps(framework, { region: 'kota-bekasi', innovations, answers }).map((g) => [g.field, g.code]);
}

describe('selfAssessmentGaps: what a region must still do before validation', () => {
  it('finds nothing in a complete self-assessment (count indicators are never answered)', () => {
    expect(gaps(complete)).toEqual([]);
  });

  it.each<[string, SelfAssessmentAnswer[], [string, string][]]>([
    ['an unanswered region indicator', complete.slice(1), [['region.regulasi', 'unanswered']]],
    ['an unanswered innovation indicator', complete.slice(0, 2), [['innovations.patriot.layanan_daring', 'unanswered']]],
    ['an answer whose self is null', [{ ...complete[0], self: null }, ...complete.slice(1)], [['region.regulasi', 'unanswered']]],
    ['an answer whose self is empty', [{ ...complete[0], self: '' }, ...complete.slice(1)], [['region.regulasi', 'unanswered']]],
    [
      'an option the indicator does not offer',
      [{ ...complete[0], self: 'perda' }, ...complete.slice(1)],
      [['region.regulasi', 'unknown_option']],
    ],
    ['no document at all', [{ ...complete[0], documents: [] }, ...complete.slice(1)], [['region.regulasi', 'evidence_document']]],
    [
      'documents of the wrong kind only',
      [{ ...complete[0], documents: [{ kind: 'photo' }, { kind: 'budget' }] }, ...complete.slice(1)],
      [['region.regulasi', 'evidence_document']],
    ],
    ['no link', [complete[0], { ...complete[1], link: null }, complete[2]], [['innovations.sitaro.layanan_daring', 'evidence_link']]],
    [
      'a link that is not a web address',
      [complete[0], { ...complete[1], link: 'sitaro.bekasikota.go.id' }, complete[2]],
      [['innovations.sitaro.layanan_daring', 'evidence_link']],
    ],
    [
      'a javascript: link',
      [complete[0], { ...complete[1], link: 'javascript:alert(1)' }, complete[2]],
      [['innovations.sitaro.layanan_daring', 'evidence_link']],
    ],
    [
      'answers of another region and an unknown indicator, which do not count',
      [
        ...complete.slice(1),
        { region: 'kota-bogor', indicator: 'regulasi', self: 'tidak_ada' },
        { region: 'kota-bekasi', indicator: 'anggaran', self: 'x' },
      ],
      [['region.regulasi', 'unanswered']],
    ],
    [
      'nothing at all',
      [],
      [
        ['region.regulasi', 'unanswered'],
        ['innovations.sitaro.layanan_daring', 'unanswered'],
        ['innovations.patriot.layanan_daring', 'unanswered'],
      ],
    ],
  ])('reports %s', (_name, answers, expected) => {
    expect(gaps(answers)).toEqual(expected);
  });

  it('needs no innovation answers from a region without innovations', () => {
    expect(gaps([complete[0]], [])).toEqual([]);
  });

  it('says what is missing in both languages, with the indicator, option and kinds as parameters', () => {
    const [gap] = selfAssessmentGaps(framework, { region: 'kota-bekasi', innovations: [], answers: [{ ...complete[0], documents: [] }] });
    expect(gap).toEqual({
      field: 'region.regulasi',
      code: 'evidence_document',
      params: { indicator: 'regulasi', option: 'perkada', kinds: 'regulation, decree' },
      message:
        'Option "Head of region\'s regulation" of indicator "Regional innovation regulation" needs an evidence document (regulation, decree).',
      messages: {
        id: 'Pilihan "Peraturan kepala daerah" pada indikator "Regulasi inovasi daerah" memerlukan bukti dukung berupa dokumen (regulation, decree).',
        en: 'Option "Head of region\'s regulation" of indicator "Regional innovation regulation" needs an evidence document (regulation, decree).',
      },
    });
  });

  it('lists 15 + 20 per innovation unanswered indicators of the default framework, in framework order', () => {
    const assessment: SelfAssessment = { region: 'kota-bekasi', innovations: ['sitaro'], answers: [] };
    const found = selfAssessmentGaps(defaultIidFramework(), assessment);
    expect(found).toHaveLength(35);
    expect(found[0].field).toBe('region.regulasi_inovasi_daerah');
    expect(found[15].field).toBe('innovations.sitaro.dasar_hukum');
  });

  it('assertSelfAssessmentComplete throws 400 INDEX_SELF_ASSESSMENT_INCOMPLETE listing the gaps', () => {
    expect(() =>
      assertSelfAssessmentComplete(framework, { region: 'kota-bekasi', innovations: ['sitaro', 'patriot'], answers: complete }),
    ).not.toThrow();
    expect(() => assertSelfAssessmentComplete(framework, { region: 'kota-bekasi', innovations: ['sitaro'], answers: [] })).toThrow(
      ValidationFailed,
    );
    try {
      assertSelfAssessmentComplete(framework, { region: 'kota-bekasi', innovations: [], answers: [] });
    } catch (err) {
      expect(err).toMatchObject({
        code: 'INDEX_SELF_ASSESSMENT_INCOMPLETE',
        kind: 'invalid',
        details: { fields: [{ field: 'region.regulasi', code: 'unanswered' }] },
      });
    }
    expect.assertions(3);
  });
});

describe('isWebLink', () => {
  it.each([
    ['https://sitaro.bekasikota.go.id/layanan', true],
    ['http://example.org', true],
    ['  https://youtu.be/abc  ', true],
    ['ftp://example.org/file', false],
    ['mailto:humas@bekasikota.go.id', false],
    ['www.example.org', false],
    ['https://', false],
    ['', false],
    [null, false],
  ])('%p → %p', (link, expected) => {
    expect(isWebLink(link)).toBe(expected);
  });
});
