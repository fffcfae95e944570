import type { RankedRow, RankingView } from '../api/public';

const row = (
  rank: number,
  id: string,
  title: string,
  final: number,
  band: string | null,
  stages: Record<string, number> = {},
): RankedRow => ({
  rank,
  innovationId: id,
  title,
  organization: `OPD ${title}`,
  region: 'Kota Bekasi',
  final,
  band,
  stages,
});

/** A published ranking: two categories, a tie for 2nd in `kota`, three bands, two unranked innovations. */
export const rankingView: RankingView = {
  competition: { id: 'c1', slug: 'iga-2024-demo', name: 'IGA 2024 (demo)', year: 2024 },
  snapshot: {
    id: '2090042c-675c-4c1d-a915-755e76f24778',
    version: 2,
    hash: 'sha256:a133c912fff59a5173da1e1dcfb1448467268af7f4a8989c65ff2ae7c8dbf890',
    inputsDigest: 'sha256:0071',
    publishedAt: '2024-11-20T03:00:00Z',
    reason: 'Koreksi nilai verifikasi lapangan',
  },
  categories: {
    kota: [
      row(1, 'i-sitaro', 'SiTaro (Siap Antar Obat)', 92.7967, 'Sangat Inovatif', {
        desk_review: 91.65,
        presentation: 92.6167,
        field_verification: 93.0667,
      }),
      row(2, 'i-patriot', 'Patriot Mantap', 55.5, 'Inovatif', { presentation: 55.5, field_verification: 55.5 }),
      row(2, 'i-akta', 'Akta Lahir dari Rumah Sakit', 55.5, 'Inovatif', { presentation: 55.5, field_verification: 55.5 }),
      row(4, 'i-cesta', 'CESTA', 20.25, 'Kurang Inovatif', { presentation: 20, field_verification: 20.625 }),
    ],
    kabupaten: [row(1, 'i-akrab', 'AKRAB', 88.1, 'Sangat Inovatif', { presentation: 88.7, field_verification: 87.2 })],
  },
  unranked: [
    {
      innovationId: 'i-jiwa',
      title: 'Layanan Kesehatan Jiwa Daring',
      organization: 'Dinkes Kota Bandung',
      category: 'kota',
      reachedStage: null,
    },
    { innovationId: 'i-bank', title: 'Bank Sampah Digital', organization: 'DLH Purwakarta', category: 'kota', reachedStage: 'desk_review' },
  ],
  unrankedCounts: { kota: { total: 2, byStage: { none: 1, desk_review: 1 } } },
  stages: [
    { key: 'desk_review', label: { id: 'Penilaian proposal', en: 'Desk review' }, weight: 0 },
    { key: 'presentation', label: { id: 'Presentasi dan wawancara', en: 'Presentation and interview' }, weight: 60 },
    { key: 'field_verification', label: { id: 'Verifikasi lapangan', en: 'Field verification' }, weight: 40 },
  ],
  versions: [
    {
      id: '3a6f7f0e-0000-4000-8000-000000000003',
      version: 3,
      hash: 'sha256:ccc',
      reason: 'Koreksi kedua',
      publishedAt: '2024-11-25T03:00:00Z',
    },
    {
      id: '2090042c-675c-4c1d-a915-755e76f24778',
      version: 2,
      hash: 'sha256:a133',
      reason: 'Koreksi nilai verifikasi lapangan',
      publishedAt: '2024-11-20T03:00:00Z',
    },
    { id: '1b7e0000-0000-4000-8000-000000000001', version: 1, hash: 'sha256:aaa', reason: null, publishedAt: '2024-11-15T03:00:00Z' },
  ],
};
