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

export interface DemoInnovation {
  org: string;
  title: string;
  summary: string;
  phase: 'inisiatif' | 'uji_coba' | 'penerapan';
  digital: boolean;
  affair: string;
  start: string;
  problem: string;
  approach: string;
  results: string;
}

/** The demo edition's entries: SiTaro and Patriot Mantap first, then other Jawa Barat OPDs. */
export const DEMO_INNOVATIONS: DemoInnovation[] = [
  { org: 'RSUD-KOTA-BEKASI', title: 'SiTaro (Siap Antar Obat)', summary: 'Layanan antar obat gratis ke rumah pasien rawat jalan RSUD Kota Bekasi, dengan 12 motor, satu per kecamatan.', phase: 'penerapan', digital: false, affair: 'kesehatan', start: '2021-10-25', problem: 'Pasien rawat jalan, banyak di antaranya lansia, menunggu obat berjam-jam di instalasi farmasi.', approach: 'Resep diproses setelah pasien pulang; kurir motor mengantar obat ke rumah pada hari yang sama.', results: 'Antrean farmasi berkurang dan pasien lansia tidak perlu menunggu; ribuan paket obat diantar tiap bulan.' },
  { org: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap (Pelayanan Malam Administrasi Kependudukan)', summary: 'Pelayanan tatap muka dokumen kependudukan pada malam hari bagi warga yang bekerja di siang hari.', phase: 'penerapan', digital: false, affair: 'administrasi kependudukan', start: '2022-03-01', problem: 'Pekerja komuter tidak dapat mengurus KTP-el dan KK pada jam kerja.', approach: 'Loket dibuka pukul 18.00–22.00 di kantor Disdukcapil dan kecamatan secara bergilir.', results: 'Warga pekerja terlayani tanpa cuti; permohonan dokumen selesai di tempat.' },
  { org: 'DPMPTSP-KOTA-BEKASI', title: 'Sipandu Perizinan Terpadu', summary: 'Perizinan berusaha daring dengan pelacakan status dan tanda tangan elektronik.', phase: 'penerapan', digital: true, affair: 'penanaman modal', start: '2020-07-01', problem: 'Pemohon bolak-balik ke kantor untuk menanyakan status izin.', approach: 'Portal tunggal dengan notifikasi status dan dokumen izin bertanda tangan elektronik.', results: 'Rata-rata waktu terbit izin turun dari 14 menjadi 5 hari kerja.' },
  { org: 'DINKES-KOTA-BEKASI', title: 'Posyandu Digital Bekasi', summary: 'Pencatatan tumbuh kembang balita di posyandu dengan aplikasi kader.', phase: 'penerapan', digital: true, affair: 'kesehatan', start: '2021-01-15', problem: 'Data posyandu dicatat di buku dan terlambat sampai ke puskesmas.', approach: 'Kader mencatat di aplikasi; puskesmas menerima peringatan dini gizi kurang.', results: 'Laporan bulanan tepat waktu dan kasus gizi kurang ditangani lebih cepat.' },
  { org: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana (Satu Data Kota Bandung)', summary: 'Portal satu data yang menyatukan data sektoral perangkat daerah Kota Bandung.', phase: 'penerapan', digital: true, affair: 'komunikasi dan informatika', start: '2019-09-01', problem: 'Data antar perangkat daerah berbeda-beda dan sulit dibandingkan.', approach: 'Standar data, walidata per OPD, dan portal terbuka dengan API.', results: 'Ratusan set data terbit dan dipakai dalam perencanaan pembangunan.' },
  { org: 'DINKES-KOTA-BANDUNG', title: 'Layanan Kesehatan Jiwa Daring', summary: 'Konseling psikologis daring gratis melalui puskesmas.', phase: 'uji_coba', digital: true, affair: 'kesehatan', start: '2023-02-01', problem: 'Layanan kesehatan jiwa jauh dan berstigma.', approach: 'Psikolog puskesmas melayani konsultasi video terjadwal.', results: 'Warga yang enggan datang ke fasilitas kini mendapat pendampingan.' },
  { org: 'DISDUKCAPIL-KOTA-DEPOK', title: 'Dukcapil Jemput Bola Lansia dan Disabilitas', summary: 'Perekaman KTP-el di rumah bagi lansia dan penyandang disabilitas.', phase: 'penerapan', digital: false, affair: 'administrasi kependudukan', start: '2020-11-10', problem: 'Lansia dan penyandang disabilitas sulit datang ke kantor.', approach: 'Tim keliling dengan alat perekaman portabel atas permintaan keluarga atau RT.', results: 'Cakupan perekaman KTP-el kelompok rentan meningkat.' },
  { org: 'DPMPTSP-KOTA-DEPOK', title: 'Izin Kilat Satu Jam', summary: 'Izin usaha mikro terbit dalam satu jam di mal pelayanan publik.', phase: 'penerapan', digital: true, affair: 'penanaman modal', start: '2021-06-01', problem: 'Pelaku usaha mikro enggan mengurus izin karena lama.', approach: 'Verifikasi di tempat dan penerbitan langsung untuk izin risiko rendah.', results: 'Jumlah usaha mikro berizin naik tajam.' },
  { org: 'DISHUB-KOTA-BOGOR', title: 'Biskita Transpakuan Nontunai', summary: 'Pembayaran angkutan massal nontunai terintegrasi.', phase: 'penerapan', digital: true, affair: 'perhubungan', start: '2021-11-01', problem: 'Transaksi tunai memperlambat naik-turun penumpang.', approach: 'Kartu dan QR untuk semua armada dengan tarif terintegrasi.', results: 'Waktu henti di halte berkurang dan penumpang bertambah.' },
  { org: 'DINKES-KOTA-CIMAHI', title: 'CESTA (Cimahi Sehat Tanpa Stunting)', summary: 'Pendampingan keluarga berisiko stunting oleh kader dan bidan.', phase: 'penerapan', digital: false, affair: 'kesehatan', start: '2020-05-01', problem: 'Angka stunting tinggi di beberapa kelurahan.', approach: 'Satu kader mendampingi lima keluarga berisiko dengan kunjungan mingguan.', results: 'Prevalensi stunting turun di kelurahan sasaran.' },
  { org: 'DISDIK-KOTA-CIREBON', title: 'Sekolah Ramah Anak Terpantau', summary: 'Pelaporan perundungan di sekolah melalui kanal aduan siswa.', phase: 'uji_coba', digital: true, affair: 'pendidikan', start: '2023-01-09', problem: 'Kasus perundungan tidak terlaporkan.', approach: 'Kanal aduan anonim dan tim penanganan di setiap sekolah.', results: 'Aduan tertangani dalam tiga hari kerja.' },
  { org: 'BAPPEDA-KAB-BEKASI', title: 'e-Musrenbang Desa', summary: 'Usulan musyawarah perencanaan pembangunan desa secara daring dan terlacak.', phase: 'penerapan', digital: true, affair: 'perencanaan', start: '2019-01-10', problem: 'Usulan warga hilang di tengah jalan dan tidak dapat ditelusuri.', approach: 'Aplikasi usulan dengan status dari desa hingga kabupaten.', results: 'Warga dapat melihat usulan mana yang masuk anggaran.' },
  { org: 'DINKES-KAB-BOGOR', title: 'Gerakan Bogor Bebas TBC', summary: 'Penemuan aktif kasus tuberkulosis oleh kader desa.', phase: 'penerapan', digital: false, affair: 'kesehatan', start: '2020-03-24', problem: 'Banyak kasus TBC tidak ditemukan dan tidak diobati tuntas.', approach: 'Kader menyisir rumah, mengantar dahak, dan mendampingi minum obat.', results: 'Penemuan kasus dan angka kesembuhan meningkat.' },
  { org: 'DISPERTA-KAB-BANDUNG', title: 'Petani Milenial Berbasis Data', summary: 'Pendampingan petani muda dengan data cuaca dan harga.', phase: 'uji_coba', digital: true, affair: 'pertanian', start: '2022-08-17', problem: 'Petani muda kurang akses ke informasi pasar dan cuaca.', approach: 'Aplikasi informasi harga, cuaca, dan penyuluh daring.', results: 'Pendapatan petani binaan meningkat.' },
  { org: 'DISDUKCAPIL-KAB-KARAWANG', title: 'AKRAB (Adminduk Keliling Desa)', summary: 'Layanan dokumen kependudukan keliling ke desa terpencil.', phase: 'penerapan', digital: false, affair: 'administrasi kependudukan', start: '2021-04-05', problem: 'Jarak desa ke kantor dinas jauh.', approach: 'Mobil layanan terjadwal ke setiap kecamatan.', results: 'Kepemilikan akta kelahiran anak meningkat.' },
  { org: 'DLH-KAB-PURWAKARTA', title: 'Bank Sampah Digital', summary: 'Tabungan sampah terpilah dengan aplikasi nasabah.', phase: 'penerapan', digital: true, affair: 'lingkungan hidup', start: '2021-09-01', problem: 'Sampah rumah tangga tidak terpilah dan TPA penuh.', approach: 'Nasabah menyetor sampah terpilah dan saldo tercatat di aplikasi.', results: 'Sampah ke TPA berkurang di desa percontohan.' },
  { org: 'RSUD-KAB-BOGOR', title: 'Antrean Daring Pasien JKN', summary: 'Pendaftaran dan antrean poliklinik daring bagi peserta JKN.', phase: 'penerapan', digital: true, affair: 'kesehatan', start: '2020-10-01', problem: 'Pasien datang subuh untuk mendapat nomor antrean.', approach: 'Pendaftaran daring dengan estimasi jam dilayani.', results: 'Penumpukan pasien di pagi hari hilang.' },
  { org: 'DISKOMINFO-JABAR', title: 'Sapawarga', summary: 'Aplikasi komunikasi pemerintah provinsi dengan RW di seluruh Jawa Barat.', phase: 'penerapan', digital: true, affair: 'komunikasi dan informatika', start: '2019-05-01', problem: 'Informasi dan aduan dari RW lambat sampai ke provinsi.', approach: 'Aplikasi untuk ketua RW: informasi, aduan, dan survei.', results: 'Jutaan warga terjangkau informasi program provinsi.' },
  { org: 'DINKES-JABAR', title: 'Jabar Tanggap Darurat Kesehatan', summary: 'Layanan gawat darurat terpadu dengan ambulans terdekat.', phase: 'penerapan', digital: true, affair: 'kesehatan', start: '2020-01-20', problem: 'Ambulans datang terlambat karena koordinasi manual.', approach: 'Pusat panggilan terpadu dan pelacakan ambulans.', results: 'Waktu tanggap gawat darurat berkurang.' },
  { org: 'DISKOMINFO-KOTA-BANDUNG', title: 'Bandung Command Center Terpadu', summary: 'Pemantauan layanan kota dan aduan warga dalam satu ruang kendali.', phase: 'penerapan', digital: true, affair: 'komunikasi dan informatika', start: '2018-06-01', problem: 'Aduan warga tersebar di banyak kanal.', approach: 'Semua kanal aduan masuk ke satu dasbor dengan disposisi ke OPD.', results: 'Aduan tertangani lebih cepat dan terukur.' },
  { org: 'DINKES-KOTA-BEKASI', title: 'Puskesmas Ramah Lansia', summary: 'Jalur khusus dan kunjungan rumah bagi lansia di puskesmas.', phase: 'uji_coba', digital: false, affair: 'kesehatan', start: '2022-05-20', problem: 'Lansia kesulitan antre dan menjangkau puskesmas.', approach: 'Loket prioritas, pemeriksaan terpadu, dan kunjungan rumah.', results: 'Kunjungan lansia meningkat dan lebih teratur.' },
  { org: 'DISDUKCAPIL-KOTA-DEPOK', title: 'Akta Lahir Langsung dari Rumah Sakit', summary: 'Akta kelahiran diterbitkan sebelum ibu dan bayi pulang dari rumah sakit.', phase: 'penerapan', digital: true, affair: 'administrasi kependudukan', start: '2021-02-01', problem: 'Orang tua menunda mengurus akta kelahiran.', approach: 'Petugas rumah sakit mengunggah berkas; akta elektronik terbit otomatis.', results: 'Hampir semua bayi di rumah sakit mitra pulang dengan akta.' },
];

/** Proposal section texts from an innovation's profile, within the template's word limits. */
export function demoSections(i: DemoInnovation): Record<string, string> {
  return {
    ringkasan: i.summary,
    latar_belakang_tujuan: `${i.problem} Tujuan inovasi ini adalah memberi layanan yang lebih cepat, mudah, dan adil bagi warga.`,
    kebaruan: `${i.approach} Pendekatan ini belum pernah diterapkan di daerah kami sebelumnya.`,
    implementasi: `Inovasi diterapkan sejak ${i.start} oleh ${i.org.replace(/-/g, ' ')} bersama mitra di tingkat kecamatan dan kelurahan.`,
    signifikansi: `${i.results} Manfaat dirasakan langsung oleh warga, terutama kelompok rentan.`,
    adaptabilitas: 'Model layanan sederhana, berbiaya rendah, dan dapat direplikasi oleh daerah lain dengan penyesuaian kecil.',
    sumber_daya: 'Dilaksanakan oleh aparatur yang ada dengan dukungan anggaran daerah dan mitra.',
    strategi_keberlanjutan: 'Ditetapkan dengan keputusan kepala daerah, dianggarkan setiap tahun, dan dievaluasi berkala.',
  };
}
