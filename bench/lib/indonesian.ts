// Indonesian names and words for realistic generated text (titles, summaries, proposal sections).
import type { Rng } from './random';

/** The 38 provinces with their BPS codes. */
export const PROVINCES: readonly (readonly [code: string, name: string])[] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
];

const PLACE_HEAD = [
  'Suka',
  'Tanjung',
  'Karang',
  'Muara',
  'Bukit',
  'Batu',
  'Sungai',
  'Pulau',
  'Teluk',
  'Kuala',
  'Tanah',
  'Lubuk',
  'Padang',
  'Sri',
  'Rantau',
  'Pangkalan',
  'Simpang',
  'Gunung',
  'Labuhan',
  'Air',
  'Koto',
  'Sido',
  'Mekar',
  'Rawa',
  'Bandar',
  'Ujung',
  'Pasir',
  'Kampar',
  'Lembah',
  'Tebing',
];
const PLACE_TAIL = [
  'jaya',
  'makmur',
  'raya',
  'sari',
  'mulya',
  'indah',
  'baru',
  'harapan',
  'asri',
  'agung',
  'tengah',
  'hilir',
  'hulu',
  'permai',
  'lestari',
  'sentosa',
  'rejo',
  'wangi',
  'mas',
  'ilir',
  'selatan',
  'utara',
  'timur',
  'barat',
  'kencana',
];
const JOINED_HEADS = new Set(['Suka', 'Sido', 'Mekar', 'Sri']);

/** A place name such as "Sukamakmur" or "Tanjung Harapan". */
export function placeName(rng: Rng): string {
  const head = rng.pick(PLACE_HEAD);
  const tail = rng.pick(PLACE_TAIL);
  return JOINED_HEADS.has(head) ? head + tail : `${head} ${tail[0].toUpperCase()}${tail.slice(1)}`;
}

/** Agencies of a regional government: name template, organization kind, the government affair it serves. */
export const AGENCIES: readonly (readonly [name: string, kind: 'opd' | 'rsud' | 'bumd' | 'puskesmas' | 'other', affair: string])[] = [
  ['Dinas Kesehatan', 'opd', 'kesehatan'],
  ['Dinas Pendidikan', 'opd', 'pendidikan'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'opd', 'administrasi kependudukan'],
  ['Dinas Penanaman Modal dan PTSP', 'opd', 'penanaman modal'],
  ['Dinas Perhubungan', 'opd', 'perhubungan'],
  ['Dinas Sosial', 'opd', 'sosial'],
  ['Dinas Lingkungan Hidup', 'opd', 'lingkungan hidup'],
  ['Dinas Pertanian', 'opd', 'pertanian'],
  ['Dinas Komunikasi dan Informatika', 'opd', 'komunikasi dan informatika'],
  ['Badan Perencanaan Pembangunan Daerah', 'opd', 'perencanaan pembangunan'],
  ['Badan Penanggulangan Bencana Daerah', 'opd', 'ketenteraman dan ketertiban umum'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'opd', 'pekerjaan umum'],
  ['Dinas Koperasi dan UKM', 'opd', 'koperasi dan UKM'],
  ['Dinas Pariwisata', 'opd', 'pariwisata'],
  ['Dinas Kelautan dan Perikanan', 'opd', 'kelautan dan perikanan'],
  ['Dinas Tenaga Kerja', 'opd', 'tenaga kerja'],
  ['Dinas Perpustakaan dan Kearsipan', 'opd', 'perpustakaan'],
  ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'opd', 'pemberdayaan perempuan'],
  ['Badan Pendapatan Daerah', 'opd', 'keuangan'],
  ['Satuan Polisi Pamong Praja', 'opd', 'ketenteraman dan ketertiban umum'],
  ['Dinas Pangan', 'opd', 'pangan'],
  ['Dinas Perumahan dan Kawasan Permukiman', 'opd', 'perumahan rakyat'],
  ['Dinas Pemuda dan Olahraga', 'opd', 'kepemudaan dan olahraga'],
  ['Inspektorat', 'opd', 'pengawasan'],
  ['RSUD', 'rsud', 'kesehatan'],
  ['Puskesmas', 'puskesmas', 'kesehatan'],
  ['PDAM Tirta', 'bumd', 'pekerjaan umum'],
  ['Bank Perkreditan Rakyat', 'bumd', 'keuangan'],
  ['Kecamatan', 'other', 'pemerintahan umum'],
];

const FIRST = [
  'Agus',
  'Budi',
  'Siti',
  'Dewi',
  'Rina',
  'Andi',
  'Made',
  'Nyoman',
  'Putu',
  'Wayan',
  'Ahmad',
  'Muhammad',
  'Nur',
  'Sri',
  'Yusuf',
  'Fitri',
  'Indah',
  'Hendra',
  'Rudi',
  'Lestari',
  'Bambang',
  'Rahmat',
  'Dian',
  'Eka',
  'Fajar',
  'Gita',
  'Hadi',
  'Intan',
  'Joko',
  'Kartika',
  'Lukman',
  'Maria',
  'Novi',
  'Oktavia',
  'Purnama',
  'Ratna',
  'Slamet',
  'Teguh',
  'Umar',
  'Wulan',
  'Yohanes',
  'Zainal',
];
const LAST = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Lestari',
  'Hidayat',
  'Siregar',
  'Nasution',
  'Harahap',
  'Simanjuntak',
  'Pratama',
  'Kusuma',
  'Gunawan',
  'Setiawan',
  'Hakim',
  'Rahman',
  'Syahputra',
  'Manurung',
  'Tanjung',
  'Sitompul',
  'Wibowo',
  'Utami',
  'Permana',
  'Suryadi',
  'Rangkuti',
  'Pohan',
  'Tampubolon',
  'Sembiring',
  'Ginting',
  'Lubis',
  'Daulay',
  'Pattimura',
  'Mandagi',
  'Rumbiak',
  'Wenda',
  'Laoh',
];

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

const ACRO_A = [
  'Si',
  'E-',
  'Sobat ',
  'Gerakan ',
  'Kampung ',
  'Rumah ',
  'Pojok ',
  'Mobil ',
  'Lapak ',
  'Sapa ',
  'Jemput ',
  'Klinik ',
  'Gerai ',
  'Desa ',
];
const ACRO_B = [
  'Taro',
  'Mantap',
  'Cepat',
  'Sehat',
  'Pintar',
  'Ramah',
  'Bersih',
  'Aman',
  'Lincah',
  'Prima',
  'Bisa',
  'Tangguh',
  'Cerdas',
  'Peduli',
  'Emas',
  'Hijau',
  'Bahagia',
  'Siaga',
  'Tertib',
  'Mandiri',
  'Jempol',
  'Keren',
  'Sigap',
  'Melati',
  'Anggrek',
  'Nusantara',
  'Harmoni',
  'Lancar',
  'Terang',
  'Pelita',
];
const SERVICES = [
  'antar obat gratis',
  'akta kelahiran',
  'kartu keluarga',
  'izin usaha mikro',
  'imunisasi anak',
  'air bersih',
  'pengelolaan sampah rumah tangga',
  'pajak daerah',
  'bantuan sosial',
  'beasiswa pelajar',
  'pengaduan warga',
  'izin mendirikan bangunan',
  'pencegahan stunting',
  'pupuk bersubsidi',
  'antrean pasien',
  'persalinan aman',
  'perpustakaan keliling',
  'pelatihan kerja',
  'pemeriksaan ibu hamil',
  'layanan lansia',
  'rehabilitasi mangrove',
  'pemetaan rawan banjir',
  'sertifikasi halal UMKM',
  'pembayaran retribusi',
  'kartu identitas anak',
  'rujukan pasien',
  'vaksinasi ternak',
  'penyuluhan nelayan',
  'pendataan disabilitas',
  'layanan malam kependudukan',
];
const MEANS = [
  'aplikasi daring',
  'kurir motor',
  'layanan keliling',
  'pesan WhatsApp',
  'kios digital',
  'kader posyandu',
  'mobil layanan',
  'kode QR',
  'dasbor terpadu',
  'loket satu pintu',
  'relawan desa',
  'sistem antrean daring',
  'tanda tangan elektronik',
  'kolaborasi dengan BUMDes',
  'kemitraan dengan kampus',
];
const BENEFICIARIES = [
  'warga desa terpencil',
  'pasien lansia',
  'pelaku UMKM',
  'ibu hamil',
  'petani',
  'nelayan',
  'penyandang disabilitas',
  'pelajar',
  'pekerja migran',
  'keluarga miskin',
  'balita',
  'pedagang pasar',
  'masyarakat pesisir',
  'warga perkotaan',
];
const OUTCOMES = [
  'waktu tunggu turun dari tiga jam menjadi tiga puluh menit',
  'biaya yang dikeluarkan warga berkurang separuh',
  'cakupan layanan naik menjadi sembilan puluh persen',
  'indeks kepuasan masyarakat meningkat',
  'jumlah pengaduan menurun tajam',
  'angka stunting turun dua tahun berturut-turut',
  'pendapatan asli daerah bertambah',
  'dokumen selesai pada hari yang sama',
  'kunjungan ulang berkurang',
  'data menjadi akurat dan mutakhir',
];
const CONNECT = [
  'Selain itu',
  'Dengan cara ini',
  'Sejak diterapkan',
  'Berkat dukungan kepala daerah',
  'Dalam pelaksanaannya',
  'Melalui inovasi ini',
  'Pada tahun pertama',
];
const VERBS = ['mempercepat', 'mempermudah', 'mendekatkan', 'menyederhanakan', 'memperluas', 'meningkatkan mutu'];

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w) => (w === w.toUpperCase() ? w : cap(w)))
    .join(' ');
}

/** "SiTaro: Layanan Antar Obat Gratis melalui Kurir Motor" */
export function innovationTitle(rng: Rng): { title: string; service: string } {
  const a = rng.pick(ACRO_A);
  const b = rng.pick(ACRO_B);
  const service = rng.pick(SERVICES);
  const acronym = a.endsWith(' ') || a.endsWith('-') ? `${a}${b}` : `${a}${b}`;
  const title = rng.bool(0.6)
    ? `${acronym}: Layanan ${titleCase(service)} melalui ${titleCase(rng.pick(MEANS))}`
    : `${acronym} — ${titleCase(service)} bagi ${titleCase(rng.pick(BENEFICIARIES))}`;
  return { title, service };
}

export function sentence(rng: Rng, service: string): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `Inovasi ini ${rng.pick(VERBS)} layanan ${service} bagi ${rng.pick(BENEFICIARIES)} melalui ${rng.pick(MEANS)}.`;
    case 1:
      return `${rng.pick(CONNECT)}, ${rng.pick(OUTCOMES)}.`;
    case 2:
      return `Sebelumnya ${rng.pick(BENEFICIARIES)} harus datang sendiri ke kantor dan menunggu lama untuk urusan ${service}.`;
    case 3:
      return `Petugas memanfaatkan ${rng.pick(MEANS)} sehingga ${rng.pick(OUTCOMES)}.`;
    default:
      return `Program ini dijalankan bersama ${rng.pick(MEANS)} dan dipantau setiap bulan oleh tim inovasi daerah.`;
  }
}

/** Roughly `words` words of prose about `service`. */
export function paragraph(rng: Rng, service: string, words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = sentence(rng, service);
    out.push(s);
    n += s.split(' ').length;
  }
  return out.join(' ');
}
