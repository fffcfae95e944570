// "IID 2024 (demo)": Jawa Barat's regional innovation index as the demo shows it — the province and its
// 18 kabupaten and 9 kota (real Kemendagri codes), each with a profile that decides its answers. Pure and
// deterministic (no Math.random): the same plan on every start, so Kota Bekasi lands 3rd among the kota.

import { frameworkIndicators, type IndexFramework } from '@app/regional-index';
import { DEMO_INNOVATIONS, DEMO_ORGANIZATIONS } from './demo-data';

/**
 * How a region answers: `quality` (0–1) is where its verified options sit in each indicator's range;
 * `inflation` (0–1) is how often its self-assessment claims more than the evidence shows (the option the
 * validator then lowers, with a note); `innovations` is how many it reports; `ineligible` how many of them
 * the validators rule out.
 */
export interface DemoRegionProfile {
  code: string;
  quality: number;
  inflation: number;
  innovations: number;
  ineligible?: number;
}

/** Jawa Barat (32): verified quality decides the order; inflated self-assessments drop at verification. */
export const DEMO_INDEX_PROFILES: readonly DemoRegionProfile[] = [
  { code: '32', quality: 0.8, inflation: 0.15, innovations: 24 },
  // kota: Bandung and Depok ahead of Kota Bekasi; Kota Bogor self-assesses high and drops to 4th.
  { code: '32.73', quality: 0.86, inflation: 0.1, innovations: 20 },
  { code: '32.76', quality: 0.8, inflation: 0.2, innovations: 16 },
  { code: '32.75', quality: 0.72, inflation: 0.12, innovations: 14 },
  { code: '32.71', quality: 0.6, inflation: 0.85, innovations: 15, ineligible: 3 },
  { code: '32.77', quality: 0.56, inflation: 0.3, innovations: 11 },
  { code: '32.72', quality: 0.48, inflation: 0.5, innovations: 9, ineligible: 1 },
  { code: '32.74', quality: 0.44, inflation: 0.25, innovations: 8 },
  { code: '32.78', quality: 0.38, inflation: 0.6, innovations: 7, ineligible: 1 },
  { code: '32.79', quality: 0.3, inflation: 0.2, innovations: 5 },
  // kabupaten
  { code: '32.01', quality: 0.76, inflation: 0.2, innovations: 22 },
  { code: '32.02', quality: 0.45, inflation: 0.4, innovations: 10 },
  { code: '32.03', quality: 0.4, inflation: 0.6, innovations: 9, ineligible: 2 },
  { code: '32.04', quality: 0.74, inflation: 0.25, innovations: 18 },
  { code: '32.05', quality: 0.42, inflation: 0.3, innovations: 8 },
  { code: '32.06', quality: 0.36, inflation: 0.2, innovations: 7 },
  { code: '32.07', quality: 0.5, inflation: 0.35, innovations: 11 },
  { code: '32.08', quality: 0.52, inflation: 0.1, innovations: 10 },
  { code: '32.09', quality: 0.47, inflation: 0.45, innovations: 12, ineligible: 1 },
  { code: '32.10', quality: 0.55, inflation: 0.15, innovations: 12 },
  { code: '32.11', quality: 0.62, inflation: 0.2, innovations: 14 },
  { code: '32.12', quality: 0.39, inflation: 0.5, innovations: 9 },
  { code: '32.13', quality: 0.44, inflation: 0.25, innovations: 10 },
  { code: '32.14', quality: 0.66, inflation: 0.3, innovations: 15 },
  { code: '32.15', quality: 0.58, inflation: 0.4, innovations: 13, ineligible: 1 },
  { code: '32.16', quality: 0.68, inflation: 0.15, innovations: 16 },
  { code: '32.17', quality: 0.4, inflation: 0.3, innovations: 8 },
  { code: '32.18', quality: 0.33, inflation: 0.7, innovations: 6, ineligible: 1 },
];

/** Organizations the generated innovations belong to, named "<kind> <region name>". */
export const DEMO_INDEX_ORGANIZATION_KINDS = [
  'Dinas Kesehatan',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Komunikasi dan Informatika',
  'Badan Perencanaan Pembangunan Daerah',
] as const;

/** Innovation names (with the region's short name appended) and the organization kind that runs each. */
const STEMS: readonly [string, number][] = [
  ['Puskesmas Tanpa Antre', 0],
  ['Layanan Adminduk Keliling', 1],
  ['Portal Satu Data', 2],
  ['Musrenbang Daring', 3],
  ['Posyandu Pintar', 0],
  ['Akta Lahir dari Desa', 1],
  ['Kanal Aduan Warga Terpadu', 2],
  ['Dasbor Kinerja Pembangunan', 3],
  ['Ambulans Desa Siaga', 0],
  ['KTP-el Jemput Bola', 1],
  ['Literasi Digital Desa', 2],
  ['Kajian Inovasi Bersama Kampus', 3],
  ['Gerakan Nol Stunting', 0],
  ['Dukcapil Malam Hari', 1],
  ['Desa Wisata Digital', 2],
  ['Perencanaan Berbasis Data Spasial', 3],
  ['Rumah Singgah Pasien', 0],
  ['Kartu Identitas Anak Sekolah', 1],
  ['Wifi Publik Kelurahan', 2],
  ['Forum Inovasi Daerah', 3],
  ['Skrining Kesehatan Lansia', 0],
  ['Layanan Kependudukan Daring', 1],
  ['Aplikasi Informasi Harga Pasar', 2],
  ['Bursa Inovasi Desa', 3],
];

export interface DemoIndexInnovation {
  /** Stable within the plan: `<region code>#<n>`. */
  key: string;
  regionCode: string;
  title: string;
  /** A demo organization's code, or the name of one made for the demo ("Dinas Kesehatan Kota Bogor"). */
  organization: { code: string } | { name: string };
  eligible: boolean | null;
  reason: string | null;
}

export interface DemoIndexAnswer {
  regionCode: string;
  /** The innovation's key, or null for a region indicator. */
  innovation: string | null;
  indicator: string;
  self: string;
  verified: string;
  note: string | null;
}

export interface DemoIndexPlan {
  innovations: DemoIndexInnovation[];
  answers: DemoIndexAnswer[];
}

export const LOWERED_NOTE =
  'Bukti dukung tidak menunjukkan opsi yang dipilih; diverifikasi pada opsi yang didukung dokumen. / The evidence does not show the option chosen; verified at the option the documents support.';
export const INELIGIBLE_REASON = 'Belum diterapkan minimal satu tahun / Not implemented for at least a year';

/** A number in [0, 1) from a string (FNV-1a): the plan's only source of variety. */
function unit(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** The region's name without "Kabupaten", "Kota" or "Provinsi", for innovation titles. */
export const shortName = (name: string) => name.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');

/**
 * Every region's innovations and answers under `framework`. Each answer's verified option is drawn around
 * `quality` along the indicator's options (in score order); the self option is the verified one, or — as
 * often as `inflation` says — the top option. `names` gives region names by code (for titles).
 */
export function demoIndexPlan(framework: IndexFramework, names: ReadonlyMap<string, string>): DemoIndexPlan {
  const indicators = frameworkIndicators(framework).filter((i) => i.scope !== 'count');
  const innovations: DemoIndexInnovation[] = [];
  const answers: DemoIndexAnswer[] = [];
  for (const p of DEMO_INDEX_PROFILES) {
    const name = names.get(p.code) ?? p.code;
    // The demo edition's own innovations of this region come first (reported by reference), then stems.
    const own = DEMO_INNOVATIONS.filter((d) => DEMO_ORGANIZATIONS.find((o) => o.code === d.org)?.region === p.code);
    for (let n = 0; n < p.innovations; n++) {
      const key = `${p.code}#${n + 1}`;
      const stem = STEMS[(n + Math.floor(unit(p.code) * STEMS.length)) % STEMS.length];
      const ineligible = n >= p.innovations - (p.ineligible ?? 0);
      innovations.push({
        key,
        regionCode: p.code,
        title: n < own.length ? own[n].title : `${stem[0]} ${shortName(name)}`,
        organization: n < own.length ? { code: own[n].org } : { name: `${DEMO_INDEX_ORGANIZATION_KINDS[stem[1]]} ${name}` },
        eligible: !ineligible,
        reason: ineligible ? INELIGIBLE_REASON : null,
      });
    }
    const owners: (string | null)[] = [null, ...innovations.filter((i) => i.regionCode === p.code).map((i) => i.key)];
    for (const owner of owners) {
      for (const indicator of indicators.filter((i) => i.scope === (owner ? 'innovation' : 'region'))) {
        const options = [...(indicator.options ?? [])].sort((a, b) => a.score - b.score);
        const seed = `${p.code}/${owner ?? 'region'}/${indicator.key}`;
        const top = options.length - 1;
        const verified = Math.min(top, Math.floor(p.quality * top + unit(seed)));
        const self = verified < top && unit(`${seed}/self`) < p.inflation ? top : verified;
        answers.push({
          regionCode: p.code,
          innovation: owner,
          indicator: indicator.key,
          self: options[self].key,
          verified: options[verified].key,
          note: self > verified ? LOWERED_NOTE : null,
        });
      }
    }
  }
  return { innovations, answers };
}
