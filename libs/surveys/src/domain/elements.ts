import type { LocalizedText } from '@app/kernel';

/**
 * The nine elements (unsur) of a community satisfaction survey, Permenpan RB 14/2017, in the regulation's
 * order U1–U9. Each is answered 1–4 (tidak sesuai … sangat sesuai).
 */
export const ELEMENTS = [
  { key: 'u1', label: { id: 'Persyaratan', en: 'Requirements' } },
  { key: 'u2', label: { id: 'Sistem, mekanisme dan prosedur', en: 'Systems, mechanisms and procedures' } },
  { key: 'u3', label: { id: 'Waktu penyelesaian', en: 'Completion time' } },
  { key: 'u4', label: { id: 'Biaya/tarif', en: 'Cost/tariff' } },
  { key: 'u5', label: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product specification' } },
  { key: 'u6', label: { id: 'Kompetensi pelaksana', en: 'Staff competence' } },
  { key: 'u7', label: { id: 'Perilaku pelaksana', en: 'Staff conduct' } },
  { key: 'u8', label: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and feedback' } },
  { key: 'u9', label: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' } },
] as const satisfies readonly { key: string; label: LocalizedText }[];

export type ElementKey = (typeof ELEMENTS)[number]['key'];
export const ELEMENT_KEYS: readonly ElementKey[] = ELEMENTS.map((e) => e.key);

/** The answer scale, 1 (worst) to 4 (best), with the regulation's generic wording. */
export const ANSWER_SCALE = [
  { value: 1, label: { id: 'Tidak sesuai / tidak baik', en: 'Not appropriate / poor' } },
  { value: 2, label: { id: 'Kurang sesuai / kurang baik', en: 'Less appropriate / fair' } },
  { value: 3, label: { id: 'Sesuai / baik', en: 'Appropriate / good' } },
  { value: 4, label: { id: 'Sangat sesuai / sangat baik', en: 'Very appropriate / very good' } },
] as const;

/** The respondent profile the regulation's form asks for; every field optional, never a name. */
export const SEXES = { l: { id: 'Laki-laki', en: 'Male' }, p: { id: 'Perempuan', en: 'Female' } } as const;
export const EDUCATIONS = {
  sd: { id: 'SD ke bawah', en: 'Primary school or less' },
  smp: { id: 'SMP', en: 'Junior high school' },
  sma: { id: 'SMA/SMK', en: 'Senior high school' },
  diploma: { id: 'D1/D2/D3/D4', en: 'Diploma' },
  s1: { id: 'S1', en: "Bachelor's degree" },
  s2: { id: 'S2 ke atas', en: "Master's degree or higher" },
} as const;
export const OCCUPATIONS = {
  pns: { id: 'PNS', en: 'Civil servant' },
  tni: { id: 'TNI', en: 'Armed forces' },
  polri: { id: 'POLRI', en: 'Police' },
  swasta: { id: 'Pegawai swasta', en: 'Private employee' },
  wirausaha: { id: 'Wirausaha', en: 'Self-employed' },
  pelajar: { id: 'Pelajar/mahasiswa', en: 'Student' },
  lainnya: { id: 'Lainnya', en: 'Other' },
} as const;
export type Sex = keyof typeof SEXES;
export type Education = keyof typeof EDUCATIONS;
export type Occupation = keyof typeof OCCUPATIONS;
