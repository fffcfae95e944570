import { computeIndex, defaultIidFramework, indexInputFrom } from '@app/regional-index';
import { DEMO_INDEX_PROFILES, demoIndexPlan } from './demo-index-data';

const kindOf = (code: string) => (code === '32' ? 'provinsi' : code >= '32.71' ? 'kota' : 'kabupaten');

describe('the IID 2024 demo plan', () => {
  const framework = defaultIidFramework();
  const plan = demoIndexPlan(framework, new Map([['32.75', 'Kota Bekasi']]));
  const output = computeIndex(
    indexInputFrom(framework, {
      regions: DEMO_INDEX_PROFILES.map((p) => ({ id: p.code, category: kindOf(p.code), groups: ['32'] })),
      innovations: plan.innovations.map((i) => ({ id: i.key, region: i.regionCode, ...(i.eligible === false ? { eligible: false } : {}) })),
      answers: plan.answers.map((a) => ({
        indicator: a.indicator,
        ...(a.innovation ? { innovation: a.innovation } : { region: a.regionCode }),
        self: a.self,
        verified: a.verified,
      })),
    }),
  );

  it('covers Jawa Barat: the province, 18 kabupaten and 9 kota', () => {
    expect(Object.fromEntries(Object.entries(output.categories).map(([k, rows]) => [k, rows.length]))).toEqual({
      provinsi: 1,
      kabupaten: 18,
      kota: 9,
    });
  });

  it('puts Kota Bekasi 3rd among the kota, with SiTaro and Patriot Mantap among its innovations', () => {
    expect(output.categories.kota.map((r) => r.region)).toEqual([
      '32.73',
      '32.76',
      '32.75',
      '32.71',
      '32.77',
      '32.72',
      '32.74',
      '32.78',
      '32.79',
    ]);
    expect(output.categories.kota[2]).toMatchObject({ rank: 3, region: '32.75' });
    expect(output.categories.kota[1].verified.iid - output.categories.kota[2].verified.iid).toBeGreaterThan(1);
    expect(output.categories.kota[2].verified.iid - output.categories.kota[3].verified.iid).toBeGreaterThan(1);
    const bekasi = plan.innovations.filter((i) => i.regionCode === '32.75').map((i) => i.title);
    expect(bekasi).toEqual(
      expect.arrayContaining(['SiTaro (Siap Antar Obat)', 'Patriot Mantap (Pelayanan Malam Administrasi Kependudukan)']),
    );
    expect(bekasi).toHaveLength(14);
  });

  it('drops self-assessments at verification: every region, several by more than 10 points; lowered answers carry a note', () => {
    const rows = Object.values(output.categories).flat();
    for (const r of rows) expect(r.verified.iid).toBeLessThanOrEqual(r.self.iid);
    expect(rows.filter((r) => r.self.iid - r.verified.iid > 10).length).toBeGreaterThanOrEqual(4);
    const bogor = output.categories.kota.find((r) => r.region === '32.71')!;
    expect(bogor.self.iid).toBeGreaterThan(output.categories.kota[0].self.iid);
    expect(plan.answers.filter((a) => a.self !== a.verified).every((a) => a.note)).toBe(true);
  });
});
