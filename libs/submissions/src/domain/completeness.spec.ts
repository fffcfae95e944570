import { ValidationFailed } from '@app/kernel';
import { assertComplete, missingFields } from './completeness';
import { PROFILE_FIELDS, type InnovationProfile, type ProfileField, type ProposalFormView } from './innovation-profile';

const form: ProposalFormView = {
  sections: [
    { key: 'ringkasan', label: { id: 'Ringkasan', en: 'Summary' }, required: true, maxWords: 5 },
    { key: 'lampiran', label: { id: 'Catatan', en: 'Notes' }, required: false, maxWords: 3 },
  ],
};

const complete = (): InnovationProfile => ({
  title: 'SiTaro (Siap Antar Obat)',
  summary: 'Free medicine delivery for outpatients.',
  category: 'kota',
  phase: 'penerapan',
  digital: false,
  governmentAffair: 'kesehatan',
  startDate: '2021-10-25',
  problem: 'Outpatients queue for hours at the pharmacy.',
  approach: 'Twelve motorcycles deliver medicine, one per kecamatan.',
  results: 'Queues shortened; medicine reaches patients at home.',
  replicability: 'Any hospital with a courier budget.',
  sustainability: 'Funded by the hospital budget.',
  sections: { ringkasan: 'Obat diantar ke rumah pasien.' },
});

describe('missingFields', () => {
  it('finds nothing on a complete innovation with a document', () => {
    expect(missingFields(complete(), form, 1)).toEqual([]);
  });

  it.each(PROFILE_FIELDS.flatMap(({ key }) => [null, undefined, '  '].map((value) => [key, value] as [ProfileField, unknown])))(
    'requires %s (given %j)',
    (key, value) => {
      const label = PROFILE_FIELDS.find((f) => f.key === key)!.label.en;
      expect(missingFields({ ...complete(), [key]: value }, form, 1)).toMatchObject([{ field: key, message: `${label} is required.` }]);
    },
  );

  it.each<[ProfileField, unknown, string]>([
    ['phase', 'selesai', 'Innovation phase must be one of inisiatif, uji_coba, penerapan.'],
    ['digital', 'yes', 'Digital or non-digital must be yes or no.'],
    ['startDate', '25/10/2021', 'Implementation start date must be a date written YYYY-MM-DD.'],
    ['startDate', '2021-02-30', 'Implementation start date must be a date written YYYY-MM-DD.'],
    ['title', 42, 'Innovation title must be text.'],
  ])('refuses %s = %j', (key, value, message) => {
    expect(missingFields({ ...complete(), [key]: value }, form, 1)).toMatchObject([{ field: key, message }]);
  });

  it.each(['inisiatif', 'uji_coba', 'penerapan'] as const)('accepts phase %s', (phase) => {
    expect(missingFields({ ...complete(), phase }, form, 1)).toEqual([]);
  });

  it('accepts digital = true and false', () => {
    expect(missingFields({ ...complete(), digital: true }, form, 1)).toEqual([]);
  });

  it.each<[InnovationProfile['sections']]>([[{}], [{ ringkasan: ' ' }], [undefined], [{ ringkasan: null }]])(
    'requires the required sections (sections = %j) but not the optional ones',
    (sections) => {
      expect(missingFields({ ...complete(), sections }, form, 1)).toMatchObject([
        { field: 'sections.ringkasan', message: 'Section "Summary" is required.' },
      ]);
    },
  );

  it('requires at least one evidence document', () => {
    expect(missingFields(complete(), form, 0)).toMatchObject([
      { field: 'documents', message: 'At least one evidence document is required.' },
    ]);
  });

  it('lists everything missing on an empty draft, in form order', () => {
    expect(missingFields({}, form, 0).map((e) => e.field)).toEqual([
      ...PROFILE_FIELDS.map((f) => f.key),
      'sections.ringkasan',
      'documents',
    ]);
  });
});

describe('assertComplete', () => {
  it('passes a complete innovation', () => {
    expect(() => assertComplete(complete(), form, 2)).not.toThrow();
  });

  it('throws 400 SUBMISSION_INCOMPLETE with the missing fields and the sections over their limit', () => {
    const innovation = { ...complete(), title: '', sections: { ringkasan: 'one two three four five six', lampiran: 'a b c d' } };
    try {
      assertComplete(innovation, form, 0);
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailed);
      expect(e).toMatchObject({ code: 'SUBMISSION_INCOMPLETE', kind: 'invalid' });
      expect((e as ValidationFailed).details.fields.map((f) => f.field)).toEqual([
        'title',
        'documents',
        'sections.ringkasan',
        'sections.lampiran',
      ]);
    }
  });
});
