// The default framework, shaped like Kemendagri/BSKDN's Indeks Inovasi Daerah 2023 (DOMAIN.md): 36 indicators
// in 8 variables and 2 aspects. Satuan Pemerintah Daerah (SPD): 15 region indicators in 2 variables, max 39
// (≈ 25 % of the maximum). Satuan Inovasi Daerah (SID): 20 indicators per innovation in 5 variables, max 111
// (an innovation's "kematangan"), plus one indicator scored from the number of innovations, max 10. Maximum
// 160. Organizers edit their copy; every number here is configuration with a sensible default.

import type { LocalizedText } from '@app/kernel';
import type { DocumentKind, EvidenceRequirement, FrameworkIndicator, FrameworkOption, IndexFramework } from './framework';

const NONE: EvidenceRequirement = { type: 'none' };
const LINK: EvidenceRequirement = { type: 'link' };
const doc = (...kinds: DocumentKind[]): EvidenceRequirement => ({ type: 'document', kinds });
const text = (id: string, en: string): LocalizedText => ({ id, en });

function option(key: string, score: number, id: string, en: string, evidence: EvidenceRequirement): FrameworkOption {
  return { key, score, guidance: text(id, en), evidence };
}

/** The 0-point option "nothing of the kind" (no evidence needed). */
function nothing(id = 'Tidak ada', en = 'None'): FrameworkOption {
  return option('tidak_ada', 0, id, en, NONE);
}

function region(key: string, id: string, en: string, options: FrameworkOption[]): FrameworkIndicator {
  return { key, scope: 'region', label: text(id, en), options };
}

function innovation(key: string, id: string, en: string, options: FrameworkOption[]): FrameworkIndicator {
  return { key, scope: 'innovation', label: text(id, en), options };
}

/** The default IID-style framework; a fresh copy on every call, so callers may edit it. */
export function defaultIidFramework(): IndexFramework {
  return structuredClone<IndexFramework>({
    key: 'iid_2023',
    label: text('Indeks Inovasi Daerah (model IID 2023)', 'Regional Innovation Index (IID 2023 model)'),
    method: { decimals: 2, minInnovations: 10 },
    bands: [
      { label: text('Sangat Inovatif', 'Very innovative'), min: 60.01 },
      { label: text('Inovatif', 'Innovative'), min: 35 },
      { label: text('Kurang Inovatif', 'Less innovative'), min: 0.01 },
      { label: text('Tidak Dapat Dinilai', 'Cannot be assessed'), min: 0 },
    ],
    aspects: [
      {
        key: 'spd',
        label: text('Satuan Pemerintah Daerah', 'Regional government'),
        variables: [
          { key: 'institusi', label: text('Institusi', 'Institutions'), indicators: INSTITUSI },
          { key: 'sdm_kajian', label: text('Sumber daya manusia dan kajian', 'Human resources and studies'), indicators: SDM_KAJIAN },
        ],
      },
      {
        key: 'sid',
        label: text('Satuan Inovasi Daerah', 'Regional innovations'),
        variables: [
          { key: 'infrastruktur', label: text('Infrastruktur', 'Infrastructure'), indicators: INFRASTRUKTUR },
          {
            key: 'output_pengetahuan_teknologi',
            label: text('Output pengetahuan dan teknologi', 'Knowledge and technology output'),
            indicators: OUTPUT,
          },
          { key: 'kecepatan_bisnis_proses', label: text('Kecepatan bisnis proses', 'Business process speed'), indicators: KECEPATAN },
          { key: 'kecanggihan_produk', label: text('Kecanggihan produk', 'Product sophistication'), indicators: KECANGGIHAN },
          { key: 'hasil_kreatif', label: text('Hasil kreatif', 'Creative results'), indicators: HASIL_KREATIF },
          { key: 'jumlah_inovasi', label: text('Jumlah inovasi', 'Number of innovations'), indicators: [JUMLAH_INOVASI] },
        ],
      },
    ],
  });
}

// ─── SPD: region indicators (answered once per region by Bappeda / Litbang / BRIDA) ──────────────────────

const INSTITUSI: FrameworkIndicator[] = [
  region('regulasi_inovasi_daerah', 'Regulasi inovasi daerah', 'Regional innovation regulation', [
    nothing(),
    option(
      'sk_kepala_daerah',
      1,
      'Keputusan kepala daerah tentang inovasi daerah',
      "Head of region's decree on regional innovation",
      doc('decree'),
    ),
    option(
      'perkada',
      2,
      'Peraturan kepala daerah tentang inovasi daerah',
      "Head of region's regulation on regional innovation",
      doc('regulation'),
    ),
    option('perda', 3, 'Peraturan daerah tentang inovasi daerah', 'Regional by-law on regional innovation', doc('regulation')),
  ]),
  region('inovasi_dalam_perencanaan', 'Inovasi dalam dokumen perencanaan daerah', 'Innovation in regional planning documents', [
    nothing('Tidak termuat', 'Not included'),
    option('rkpd', 2, 'Termuat dalam RKPD tahun berjalan', "Included in the current year's regional work plan (RKPD)", doc('plan')),
    option(
      'rpjmd_rkpd',
      3,
      'Termuat dalam RPJMD dan RKPD',
      'Included in the medium-term development plan (RPJMD) and the RKPD',
      doc('plan'),
    ),
  ]),
  region('anggaran_inovasi_daerah', 'Anggaran inovasi daerah', 'Regional innovation budget', [
    nothing(),
    option(
      'dpa_perangkat_daerah',
      1,
      'Dianggarkan dalam DPA perangkat daerah',
      "Budgeted in agencies' budget implementation documents (DPA)",
      doc('budget'),
    ),
    option(
      'pos_khusus',
      2,
      'Pos anggaran khusus inovasi daerah dalam APBD',
      'A dedicated innovation line in the regional budget (APBD)',
      doc('budget'),
    ),
    option(
      'pos_khusus_meningkat',
      3,
      'Pos anggaran khusus yang meningkat dari tahun sebelumnya',
      'A dedicated line that grew from the previous year',
      doc('budget'),
    ),
  ]),
  region('kelembagaan_inovasi', 'Kelembagaan inovasi daerah', 'Regional innovation body', [
    nothing(),
    option(
      'tim_sk',
      2,
      'Tim inovasi daerah ditetapkan dengan keputusan kepala daerah',
      "An innovation team set up by the head of region's decree",
      doc('decree'),
    ),
    option(
      'brida',
      3,
      'Badan riset dan inovasi daerah (BRIDA) terbentuk',
      'A regional research and innovation agency (BRIDA) exists',
      doc('regulation'),
    ),
  ]),
  region('pedoman_inovasi_daerah', 'Pedoman teknis inovasi daerah', 'Technical guideline for regional innovation', [
    nothing(),
    option('dokumen', 1, 'Pedoman berupa dokumen', 'A guideline document', doc('guideline')),
    option('daring', 2, 'Pedoman tersedia daring dan dapat diunduh', 'A guideline published online for download', LINK),
  ]),
  region('jejaring_inovasi_daerah', 'Jejaring inovasi daerah', 'Regional innovation network', [
    nothing(),
    option('satu_mitra', 1, 'Kerja sama dengan 1 mitra', 'An agreement with 1 partner', doc('agreement')),
    option('dua_tiga_mitra', 2, 'Kerja sama dengan 2–3 mitra', 'Agreements with 2–3 partners', doc('agreement')),
    option('lebih_tiga_mitra', 3, 'Kerja sama dengan lebih dari 3 mitra', 'Agreements with more than 3 partners', doc('agreement')),
  ]),
  region('sosialisasi_inovasi_daerah', 'Sosialisasi inovasi daerah', 'Promotion of regional innovation', [
    nothing(),
    option(
      'luring',
      1,
      'Melalui media luring (spanduk, brosur, acara)',
      'Offline media (banners, leaflets, events)',
      doc('photo', 'report'),
    ),
    option('daring', 2, 'Melalui media daring atau media sosial', 'Online or social media', LINK),
  ]),
  region('insentif_inovator', 'Insentif bagi inovator', 'Incentives for innovators', [
    nothing(),
    option(
      'penghargaan',
      1,
      'Penghargaan non-finansial (piagam, promosi)',
      'Non-financial recognition (certificates, promotion)',
      doc('decree', 'certificate'),
    ),
    option(
      'finansial',
      2,
      'Insentif finansial yang ditetapkan kepala daerah',
      'Financial incentives set by the head of region',
      doc('decree', 'budget'),
    ),
  ]),
];

const SDM_KAJIAN: FrameworkIndicator[] = [
  region('sdm_pengelola_inovasi', 'Ketersediaan SDM pengelola inovasi', 'Staff assigned to manage innovation', [
    nothing(),
    option('satu_lima', 1, '1–5 ASN ditugaskan', '1–5 civil servants assigned', doc('decree')),
    option('enam_sepuluh', 2, '6–10 ASN ditugaskan', '6–10 civil servants assigned', doc('decree')),
    option('lebih_sepuluh', 3, 'Lebih dari 10 ASN ditugaskan', 'More than 10 civil servants assigned', doc('decree')),
  ]),
  region('bimtek_inovasi', 'Bimbingan teknis inovasi bagi ASN', 'Innovation training for civil servants', [
    nothing(),
    option('sekali', 1, '1 kali dalam setahun', 'Once a year', doc('report', 'photo')),
    option('dua_kali', 2, '2 kali dalam setahun', 'Twice a year', doc('report', 'photo')),
    option('lebih_dua_kali', 3, 'Lebih dari 2 kali dalam setahun', 'More than twice a year', doc('report', 'photo')),
  ]),
  region('kajian_inovasi', 'Kajian atau penelitian inovasi daerah', 'Studies or research on regional innovation', [
    nothing(),
    option('internal', 2, 'Kajian oleh perangkat daerah', 'Studies by regional agencies', doc('study')),
    option(
      'bersama_perguruan_tinggi',
      3,
      'Kajian bersama perguruan tinggi atau lembaga riset',
      'Studies with a university or research institute',
      doc('study', 'agreement'),
    ),
  ]),
  region('pemanfaatan_kajian', 'Pemanfaatan hasil kajian', 'Use of study results', [
    nothing('Belum dimanfaatkan', 'Not used yet'),
    option('rekomendasi', 1, 'Menjadi rekomendasi kebijakan', 'Turned into policy recommendations', doc('report')),
    option('kebijakan', 2, 'Ditetapkan menjadi kebijakan daerah', 'Adopted as regional policy', doc('regulation', 'decree')),
  ]),
  region('keterlibatan_aktor_inovasi', 'Keterlibatan aktor inovasi (pentahelix)', 'Involvement of innovation actors (penta-helix)', [
    nothing('Hanya pemerintah daerah', 'The regional government only'),
    option('dua_unsur', 1, 'Melibatkan 2 unsur', 'Two kinds of actors involved', doc('agreement', 'minutes')),
    option('tiga_empat_unsur', 2, 'Melibatkan 3–4 unsur', 'Three or four kinds of actors involved', doc('agreement', 'minutes')),
    option('pentahelix', 3, 'Melibatkan kelima unsur pentahelix', 'All five penta-helix actors involved', doc('agreement', 'minutes')),
  ]),
  region('basis_data_inovasi', 'Basis data inovasi daerah', 'Regional innovation database', [
    nothing(),
    option('dokumen', 1, 'Rekapitulasi inovasi dalam dokumen', 'A list of innovations in a document', doc('report')),
    option(
      'portal',
      2,
      'Portal atau aplikasi inovasi daerah yang dapat diakses publik',
      'A public portal or app of regional innovations',
      LINK,
    ),
  ]),
  region('monev_inovasi_daerah', 'Monitoring dan evaluasi inovasi daerah', 'Monitoring and evaluation of regional innovation', [
    nothing(),
    option('sekali', 1, 'Sekali dalam setahun', 'Once a year', doc('report')),
    option('berkala', 2, 'Berkala, 2 kali atau lebih dalam setahun', 'Regularly, twice a year or more', doc('report')),
  ]),
];

// ─── SID: innovation indicators (answered per innovation by the OPD that runs it) ────────────────────────

const INFRASTRUKTUR: FrameworkIndicator[] = [
  innovation('dasar_hukum', 'Dasar hukum inovasi', 'Legal basis of the innovation', [
    nothing(),
    option('sk_kepala_perangkat_daerah', 2, 'Keputusan kepala perangkat daerah', "The agency head's decree", doc('decree')),
    option('sk_kepala_daerah', 4, 'Keputusan kepala daerah', "The head of region's decree", doc('decree')),
    option('perkada', 6, 'Peraturan kepala daerah', "The head of region's regulation", doc('regulation')),
    option('perda', 8, 'Peraturan daerah', 'A regional by-law', doc('regulation')),
  ]),
  innovation('anggaran', 'Anggaran inovasi', 'Budget of the innovation', [
    nothing('Tidak dianggarkan', 'No budget'),
    option('dpa', 2, 'Dianggarkan dalam DPA perangkat daerah', "In the agency's budget implementation document (DPA)", doc('budget')),
    option('pos_khusus', 4, 'Pos anggaran khusus untuk inovasi ini', 'A dedicated budget line for this innovation', doc('budget')),
    option(
      'multi_sumber',
      6,
      'APBD dan sumber lain (APBN, CSR, hibah)',
      'Regional budget and other sources (state budget, CSR, grants)',
      doc('budget', 'agreement'),
    ),
  ]),
  innovation('sdm_pelaksana', 'SDM pelaksana inovasi', 'Staff running the innovation', [
    nothing(),
    option('satu_sepuluh', 2, '1–10 orang', '1–10 people', doc('decree')),
    option('sebelas_tiga_puluh', 4, '11–30 orang', '11–30 people', doc('decree')),
    option('lebih_tiga_puluh', 6, 'Lebih dari 30 orang', 'More than 30 people', doc('decree')),
  ]),
  innovation('penggunaan_ti', 'Penggunaan teknologi informasi', 'Use of information technology', [
    nothing('Manual, tanpa TI', 'Manual, no IT'),
    option('elektronik', 2, 'Elektronik, tidak daring', 'Electronic, offline', doc('screenshot', 'photo')),
    option('daring', 4, 'Daring (situs atau aplikasi)', 'Online (website or app)', LINK),
    option('terintegrasi', 6, 'Daring dan terintegrasi dengan sistem lain', 'Online and integrated with other systems', LINK),
  ]),
  innovation('bimtek', 'Bimbingan teknis pelaksana', 'Guidance and training for implementers', [
    nothing(),
    option('sekali', 2, '1 kali dalam setahun', 'Once a year', doc('report', 'photo')),
    option('dua_kali', 3, '2 kali dalam setahun', 'Twice a year', doc('report', 'photo')),
    option('lebih_dua_kali', 5, 'Lebih dari 2 kali dalam setahun', 'More than twice a year', doc('report', 'photo')),
  ]),
];

const OUTPUT: FrameworkIndicator[] = [
  innovation('program_rkpd', 'Inovasi dalam program RKPD', "Innovation in the regional work plan's programmes", [
    nothing('Tidak termuat', 'Not included'),
    option('rkpd', 3, 'Termuat dalam RKPD', 'Included in the RKPD', doc('plan')),
    option(
      'renstra_rkpd',
      5,
      'Termuat dalam Renstra perangkat daerah dan RKPD',
      "Included in the agency's strategic plan and the RKPD",
      doc('plan'),
    ),
  ]),
  innovation('keterlibatan_aktor', 'Keterlibatan aktor inovasi', 'Actors involved in the innovation', [
    option('pemerintah', 1, 'Hanya pemerintah daerah', 'The regional government only', doc('decree')),
    option('dua_unsur', 2, '2 unsur pentahelix', 'Two penta-helix actors', doc('agreement', 'minutes')),
    option('tiga_empat_unsur', 4, '3–4 unsur pentahelix', 'Three or four penta-helix actors', doc('agreement', 'minutes')),
    option('pentahelix', 6, 'Kelima unsur pentahelix', 'All five penta-helix actors', doc('agreement', 'minutes')),
  ]),
  innovation('pelaksana', 'Pelaksana inovasi', 'Implementing team', [
    nothing(),
    option(
      'sk_kepala_perangkat_daerah',
      2,
      'Tim ditetapkan keputusan kepala perangkat daerah',
      "A team set up by the agency head's decree",
      doc('decree'),
    ),
    option('sk_kepala_daerah', 5, 'Tim ditetapkan keputusan kepala daerah', "A team set up by the head of region's decree", doc('decree')),
  ]),
  innovation('jejaring', 'Jejaring inovasi', 'Network of the innovation', [
    nothing(),
    option(
      'satu_dua_perangkat_daerah',
      1,
      'Melibatkan 1–2 perangkat daerah',
      'One or two regional agencies involved',
      doc('agreement', 'minutes'),
    ),
    option(
      'tiga_empat_perangkat_daerah',
      3,
      'Melibatkan 3–4 perangkat daerah',
      'Three or four regional agencies involved',
      doc('agreement', 'minutes'),
    ),
    option(
      'lintas_daerah',
      5,
      'Lebih dari 4 perangkat daerah atau lintas daerah',
      'More than four agencies, or other regions',
      doc('agreement'),
    ),
  ]),
];

const KECEPATAN: FrameworkIndicator[] = [
  innovation('sosialisasi', 'Sosialisasi inovasi', 'Promotion of the innovation', [
    nothing(),
    option('luring', 2, 'Media luring (spanduk, brosur)', 'Offline media (banners, leaflets)', doc('photo')),
    option('media_sosial', 3, 'Media sosial', 'Social media', LINK),
    option('media_massa', 5, 'Media massa atau berita daring', 'Mass media or online news', LINK),
  ]),
  innovation('pedoman_teknis', 'Pedoman teknis', 'Technical guideline', [
    nothing(),
    option('dokumen', 2, 'Pedoman atau SOP berupa dokumen', 'A guideline or SOP document', doc('guideline')),
    option('elektronik', 3, 'Pedoman elektronik', 'An electronic guideline', doc('guideline', 'screenshot')),
    option('daring', 5, 'Pedoman daring yang dapat diakses publik', 'A guideline published online', LINK),
  ]),
  innovation('kemudahan_informasi', 'Kemudahan informasi layanan', 'Ease of getting service information', [
    nothing(),
    option('loket', 1, 'Informasi di loket atau papan pengumuman', 'At the counter or on a notice board', doc('photo')),
    option('telepon', 3, 'Layanan telepon, SMS atau WhatsApp', 'By phone, SMS or WhatsApp', doc('screenshot', 'photo')),
    option('aplikasi', 5, 'Situs atau aplikasi informasi layanan', 'A service information website or app', LINK),
  ]),
  innovation('kecepatan_layanan', 'Kecepatan penyelesaian layanan', 'Speed of service completion', [
    option('lebih_lima_hari', 1, 'Lebih dari 5 hari', 'More than 5 days', doc('guideline')),
    option('dua_lima_hari', 3, '2–5 hari', '2–5 days', doc('guideline')),
    option('satu_hari', 5, 'Selesai dalam 1 hari atau kurang', 'Within a day', doc('guideline', 'report')),
  ]),
];

const KECANGGIHAN: FrameworkIndicator[] = [
  innovation('layanan_daring', 'Ketersediaan layanan daring', 'Online availability', [
    nothing('Tidak ada layanan daring', 'No online service'),
    option('informasi', 2, 'Informasi layanan daring', 'Service information online', LINK),
    option('sebagian', 4, 'Sebagian layanan dapat diakses daring', 'Part of the service online', LINK),
    option('penuh', 6, 'Layanan sepenuhnya daring', 'The whole service online', LINK),
  ]),
  innovation('replikasi', 'Replikasi inovasi', 'Replication of the innovation', [
    nothing('Belum direplikasi', 'Not replicated yet'),
    option(
      'perangkat_daerah_lain',
      2,
      'Direplikasi perangkat daerah lain',
      'Replicated by another regional agency',
      doc('agreement', 'report'),
    ),
    option('daerah_lain', 4, 'Direplikasi 1–3 daerah lain', 'Replicated by 1–3 other regions', doc('agreement')),
    option('lebih_tiga_daerah', 6, 'Direplikasi lebih dari 3 daerah lain', 'Replicated by more than 3 other regions', doc('agreement')),
  ]),
  innovation('kecepatan_penciptaan', 'Kecepatan penciptaan inovasi', 'Time taken to create the innovation', [
    option('lebih_satu_tahun', 1, 'Lebih dari 12 bulan', 'More than 12 months', doc('report')),
    option('enam_dua_belas_bulan', 3, '6–12 bulan', '6–12 months', doc('report')),
    option('kurang_enam_bulan', 5, 'Kurang dari 6 bulan', 'Less than 6 months', doc('report')),
  ]),
];

const HASIL_KREATIF: FrameworkIndicator[] = [
  innovation('kemanfaatan', 'Kemanfaatan inovasi', 'Benefit of the innovation', [
    nothing(),
    option('sampai_seratus', 2, '1–100 penerima manfaat', '1–100 beneficiaries', doc('report')),
    option('sampai_lima_ratus', 4, '101–500 penerima manfaat', '101–500 beneficiaries', doc('report')),
    option('lebih_lima_ratus', 6, 'Lebih dari 500 penerima manfaat', 'More than 500 beneficiaries', doc('report', 'photo')),
  ]),
  innovation('monev', 'Monitoring dan evaluasi inovasi', 'Monitoring and evaluation of the innovation', [
    nothing(),
    option('internal', 2, 'Oleh perangkat daerah pelaksana', 'By the implementing agency', doc('report')),
    option('kepala_daerah', 3, 'Dilaporkan kepada kepala daerah', 'Reported to the head of region', doc('report')),
    option('independen', 5, 'Dievaluasi pihak independen', 'Evaluated by an independent party', doc('report', 'study')),
  ]),
  innovation('kualitas_inovasi', 'Kualitas inovasi (video)', 'Quality of the innovation (video)', [
    nothing(),
    option('fungsi', 2, 'Video menunjukkan fungsi inovasi', 'A video shows how it works', LINK),
    option('manfaat', 3, 'Video menunjukkan fungsi dan manfaat', 'A video shows how it works and its benefit', LINK),
    option('dampak', 5, 'Video menunjukkan dampak pada layanan publik', 'A video shows its impact on the public service', LINK),
  ]),
  innovation('survei_kepuasan', 'Survei kepuasan masyarakat (IKM)', 'Community satisfaction survey (IKM)', [
    nothing('Tidak ada survei', 'No survey'),
    option('survei', 2, 'Survei kepuasan dilakukan', 'A satisfaction survey was held', doc('survey')),
    option('ikm_baik', 4, 'IKM unit layanan 76,61 atau lebih (Baik)', "The unit's IKM is 76.61 or more (good)", doc('survey')),
    option(
      'ikm_meningkat',
      6,
      'IKM Sangat Baik atau meningkat setelah inovasi',
      'IKM very good, or higher since the innovation',
      doc('survey', 'report'),
    ),
  ]),
];

const JUMLAH_INOVASI: FrameworkIndicator = {
  key: 'jumlah_inovasi',
  scope: 'count',
  label: text('Jumlah inovasi daerah yang dilaporkan', 'Number of regional innovations reported'),
  steps: [
    { min: 0, score: 0, guidance: text('Tidak ada inovasi', 'No innovations') },
    { min: 1, score: 2, guidance: text('1–9 inovasi', '1–9 innovations') },
    { min: 10, score: 4, guidance: text('10–29 inovasi', '10–29 innovations') },
    { min: 30, score: 6, guidance: text('30–59 inovasi', '30–59 innovations') },
    { min: 60, score: 8, guidance: text('60–99 inovasi', '60–99 innovations') },
    { min: 100, score: 10, guidance: text('100 inovasi atau lebih', '100 innovations or more') },
  ],
};
