import type { OrganizationKind, RegionKind } from '@app/directory';
import type { Role } from '@app/common';

/** Jawa Barat and some of its kabupaten/kota (BPS codes), the demo edition's geography. */
export const DEMO_REGIONS: { code: string; name: string; kind: RegionKind }[] = [
  { code: '32', name: 'Provinsi Jawa Barat', kind: 'provinsi' },
  { code: '32.75', name: 'Kota Bekasi', kind: 'kota' },
  { code: '32.16', name: 'Kabupaten Bekasi', kind: 'kabupaten' },
  { code: '32.73', name: 'Kota Bandung', kind: 'kota' },
  { code: '32.76', name: 'Kota Depok', kind: 'kota' },
  { code: '32.01', name: 'Kabupaten Bogor', kind: 'kabupaten' },
  { code: '32.71', name: 'Kota Bogor', kind: 'kota' },
  { code: '32.04', name: 'Kabupaten Bandung', kind: 'kabupaten' },
  { code: '32.77', name: 'Kota Cimahi', kind: 'kota' },
  { code: '32.15', name: 'Kabupaten Karawang', kind: 'kabupaten' },
  { code: '32.14', name: 'Kabupaten Purwakarta', kind: 'kabupaten' },
  { code: '32.74', name: 'Kota Cirebon', kind: 'kota' },
];

export const DEMO_ORGANIZATIONS: { code: string; name: string; region: string; kind: OrganizationKind }[] = [
  { code: 'RSUD-KOTA-BEKASI', name: 'RSUD dr. Chasbullah Abdulmadjid Kota Bekasi', region: '32.75', kind: 'rsud' },
  { code: 'DISDUKCAPIL-KOTA-BEKASI', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi', region: '32.75', kind: 'opd' },
  { code: 'DPMPTSP-KOTA-BEKASI', name: 'Dinas Penanaman Modal dan PTSP Kota Bekasi', region: '32.75', kind: 'opd' },
  { code: 'DINKES-KOTA-BEKASI', name: 'Dinas Kesehatan Kota Bekasi', region: '32.75', kind: 'opd' },
  { code: 'DISKOMINFO-KOTA-BANDUNG', name: 'Dinas Komunikasi dan Informatika Kota Bandung', region: '32.73', kind: 'opd' },
  { code: 'DINKES-KOTA-BANDUNG', name: 'Dinas Kesehatan Kota Bandung', region: '32.73', kind: 'opd' },
  { code: 'DISDUKCAPIL-KOTA-DEPOK', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Depok', region: '32.76', kind: 'opd' },
  { code: 'DPMPTSP-KOTA-DEPOK', name: 'Dinas Penanaman Modal dan PTSP Kota Depok', region: '32.76', kind: 'opd' },
  { code: 'DISHUB-KOTA-BOGOR', name: 'Dinas Perhubungan Kota Bogor', region: '32.71', kind: 'opd' },
  { code: 'DINKES-KOTA-CIMAHI', name: 'Dinas Kesehatan Kota Cimahi', region: '32.77', kind: 'opd' },
  { code: 'DISDIK-KOTA-CIREBON', name: 'Dinas Pendidikan Kota Cirebon', region: '32.74', kind: 'opd' },
  { code: 'BAPPEDA-KAB-BEKASI', name: 'Bappeda Kabupaten Bekasi', region: '32.16', kind: 'opd' },
  { code: 'DINKES-KAB-BOGOR', name: 'Dinas Kesehatan Kabupaten Bogor', region: '32.01', kind: 'opd' },
  { code: 'DISPERTA-KAB-BANDUNG', name: 'Dinas Pertanian Kabupaten Bandung', region: '32.04', kind: 'opd' },
  { code: 'DISDUKCAPIL-KAB-KARAWANG', name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karawang', region: '32.15', kind: 'opd' },
  { code: 'DLH-KAB-PURWAKARTA', name: 'Dinas Lingkungan Hidup Kabupaten Purwakarta', region: '32.14', kind: 'opd' },
  { code: 'RSUD-KAB-BOGOR', name: 'RSUD Cibinong Kabupaten Bogor', region: '32.01', kind: 'rsud' },
  { code: 'DISKOMINFO-JABAR', name: 'Dinas Komunikasi dan Informatika Provinsi Jawa Barat', region: '32', kind: 'opd' },
  { code: 'DINKES-JABAR', name: 'Dinas Kesehatan Provinsi Jawa Barat', region: '32', kind: 'opd' },
];

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organization?: string;
  region?: string;
  affiliations?: string[];
  note?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.local', name: 'Admin Platform', role: 'admin' },
  { email: 'organizer@demo.local', name: 'Sekretariat Kompetisi', role: 'organizer' },
  { email: 'coordinator.bekasi@demo.local', name: 'Admin Lokal Kota Bekasi', role: 'coordinator', region: '32.75', note: 'Kota Bekasi' },
  { email: 'juror1@demo.local', name: 'Prof. Dr. Rina Hartati', role: 'juror', affiliations: ['32.73'], note: 'affiliated with Kota Bandung' },
  { email: 'juror2@demo.local', name: 'Dr. Bambang Sutrisno', role: 'juror' },
  { email: 'juror3@demo.local', name: 'Dr. Siti Nurhaliza', role: 'juror', affiliations: ['DINKES-KAB-BOGOR'], note: 'affiliated with Dinkes Kab. Bogor' },
  { email: 'juror4@demo.local', name: 'Ir. Agus Wijaya, M.Si.', role: 'juror' },
  { email: 'juror5@demo.local', name: 'Dr. Maya Kusumawati', role: 'juror' },
  { email: 'opd.rsud@demo.local', name: 'Tim Inovasi RSUD Kota Bekasi', role: 'opd', organization: 'RSUD-KOTA-BEKASI', note: 'RSUD Kota Bekasi' },
  { email: 'opd.disdukcapil@demo.local', name: 'Tim Inovasi Disdukcapil Kota Bekasi', role: 'opd', organization: 'DISDUKCAPIL-KOTA-BEKASI', note: 'Disdukcapil Kota Bekasi' },
];
