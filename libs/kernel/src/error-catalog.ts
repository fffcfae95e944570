/**
 * Every error code the API answers with, and every field code of `details.fields`, with its text in Bahasa
 * Indonesia (`id`, the default) and English (`en`). Templates name parameters as `{name}`; the parameters come
 * with the error (`params`, taken from its details) or the field error (`params`). Framework-free: the API's
 * error filter and validation pipe and the web app's dictionary all read this one table.
 *
 * A code thrown anywhere in the API must have an entry here: libs/common/src/errors/error-catalog.spec.ts
 * scans the source and fails otherwise.
 */
export type ErrorLocale = 'id' | 'en';

export interface ErrorTemplate {
  id: string;
  en: string;
}

export type ErrorParams = Readonly<Record<string, string | number | boolean>>;

/** Codes of whole errors (the body's `code`). */
export const ERROR_CATALOG: Readonly<Record<string, ErrorTemplate>> = {
  // generic / HTTP layer
  VALIDATION_FAILED: { id: 'Isian tidak valid; periksa kolom yang disebutkan.', en: 'Validation failed; check the fields named.' },
  INVALID_VALUE: { id: 'Sebuah nilai tidak valid untuk kolomnya.', en: 'A value is not valid for its field.' },
  DUPLICATE: { id: 'Data ini bentrok dengan data yang sudah ada.', en: 'This conflicts with an existing record.' },
  CONCURRENT_UPDATE: {
    id: 'Ada perubahan lain pada saat yang sama; muat ulang lalu coba lagi.',
    en: 'A concurrent change won; reload and try again.',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak percobaan; coba lagi setelah jumlah detik di header Retry-After.',
    en: 'Too many attempts; try again after the seconds given in the Retry-After header.',
  },
  DATABASE_TIMEOUT: { id: 'Basis data terlalu lama menjawab; coba lagi.', en: 'The database took too long to answer; try again.' },
  DATABASE_UNAVAILABLE: {
    id: 'Basis data sedang tidak tersedia; coba lagi sebentar lagi.',
    en: 'The database is unavailable; try again shortly.',
  },
  INTERNAL_ERROR: { id: 'Terjadi kesalahan di sisi kami; sudah dicatat.', en: 'Something went wrong on our side; it has been logged.' },
  HTTP_ERROR: { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  NOT_FOUND: { id: 'Alamat ini tidak ditemukan.', en: 'Not found.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { id: 'Isi permintaan bukan JSON yang valid.', en: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { id: 'Isi permintaan JSON kosong.', en: 'The JSON body is empty.' },
  MULTIPART_MALFORMED: { id: 'Unggahan bukan formulir multipart yang valid.', en: 'The upload is not a valid multipart form.' },
  UPLOAD_FIELD_NAME: { id: 'Berkas tidak dikirim di kolom yang ditentukan.', en: 'The upload is not in the documented field.' },
  UPLOAD_TOO_MANY_FILES: { id: 'Unggahan berisi lebih dari satu berkas.', en: 'The upload holds more than one file.' },
  // identity
  AUTH_INVALID_CREDENTIALS: { id: 'Email atau kata sandi salah.', en: 'E-mail or password is wrong.' },
  AUTH_SESSION_ENDED: { id: 'Sesi ini telah berakhir; silakan masuk lagi.', en: 'This session has ended; sign in again.' },
  AUTH_REFRESH_INVALID: { id: 'Token penyegaran tidak valid.', en: 'The refresh token is not valid.' },
  AUTH_REFRESH_REVOKED: { id: 'Token penyegaran telah dicabut; silakan masuk lagi.', en: 'The refresh token was revoked; sign in again.' },
  AUTH_REFRESH_REUSED: {
    id: 'Token penyegaran sudah pernah dipakai; sesi diakhiri demi keamanan.',
    en: 'The refresh token was already used; the session has been ended for safety.',
  },
  AUTH_REFRESH_EXPIRED: { id: 'Token penyegaran kedaluwarsa; silakan masuk lagi.', en: 'The refresh token has expired; sign in again.' },
  AUTH_ROLE_FORBIDDEN: { id: 'Peran Anda tidak diizinkan melakukan tindakan ini.', en: 'Your role may not do this.' },
  AUTH_UNAUTHORIZED: { id: 'Anda perlu masuk terlebih dahulu.', en: 'You need to sign in first.' },
  USER_NOT_FOUND: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  USER_INVALID: { id: 'Data pengguna tidak valid.', en: 'The user is invalid.' },
  USER_EMAIL_TAKEN: { id: 'Sudah ada pengguna dengan email ini.', en: 'A user with this e-mail already exists.' },
  IMPORT_USERS_INVALID: {
    id: 'Berkas pengguna ditolak; perbaiki baris yang disebutkan.',
    en: 'The users file was refused; fix the rows named.',
  },
  // directory
  REGION_NOT_FOUND: { id: 'Wilayah tidak ditemukan.', en: 'Region not found.' },
  REGION_INVALID: { id: 'Data wilayah tidak valid.', en: 'The region is invalid.' },
  ORGANIZATION_NOT_FOUND: { id: 'Organisasi tidak ditemukan.', en: 'Organization not found.' },
  ORGANIZATION_INVALID: { id: 'Data organisasi tidak valid.', en: 'The organization is invalid.' },
  IMPORT_NO_FILE: { id: 'Lampirkan berkas CSV.', en: 'Attach the CSV file.' },
  IMPORT_REGION_TAGS_INVALID: {
    id: 'Berkas tag wilayah ditolak; perbaiki baris yang disebutkan.',
    en: 'The region tags file was refused; fix the rows named.',
  },
  IMPORT_ORGANIZATIONS_INVALID: {
    id: 'Berkas organisasi ditolak; perbaiki baris yang disebutkan.',
    en: 'The organizations file was refused; fix the rows named.',
  },
  // competitions
  COMPETITION_NOT_FOUND: { id: 'Kompetisi tidak ditemukan.', en: 'Competition not found.' },
  COMPETITION_NOT_OPEN: {
    id: 'Kompetisi ini tidak dalam keadaan dibuka (sekarang: {status}).',
    en: 'This competition is not open (it is {status}).',
  },
  COMPETITION_ILLEGAL_TRANSITION: {
    id: 'Status kompetisi tidak dapat diubah dari "{from}" ke "{to}"; yang diizinkan: {allowed}.',
    en: 'The competition cannot move from "{from}" to "{to}"; allowed: {allowed}.',
  },
  COMPETITION_PLAN_FROZEN: {
    id: 'Rencana sudah dibekukan sejak penilaian dimulai; hanya tenggat yang dapat diubah.',
    en: 'The plan is frozen since judging started; only deadlines can change.',
  },
  COMPETITION_PLAN_INVALID: {
    id: 'Rencana kompetisi tidak valid; periksa kolom yang disebutkan.',
    en: 'The competition plan is invalid; check the fields named.',
  },
  COMPETITION_SLUG_TAKEN: { id: 'Sudah ada kompetisi dengan slug ini.', en: 'A competition with this slug already exists.' },
  COMPETITION_STAGE_IN_USE: {
    id: 'Tahap yang sudah dibuka tidak dapat dihapus atau diurutkan ulang.',
    en: 'Stages that have already opened cannot be removed or reordered.',
  },
  STAGE_NOT_FOUND: { id: 'Tahap tidak ditemukan dalam rencana kompetisi.', en: 'The stage is not part of this competition’s plan.' },
  STAGE_ILLEGAL_TRANSITION: {
    id: 'Status tahap tidak dapat diubah dari "{from}" ke "{to}"; yang diizinkan: {allowed}.',
    en: 'The stage cannot move from "{from}" to "{to}"; allowed: {allowed}.',
  },
  STAGE_NOT_SCORED: {
    id: 'Tahap ini tidak memiliki rubrik; tidak dinilai oleh juri.',
    en: 'This stage has no rubric; it is not scored by jurors.',
  },
  STAGE_CLOSED: { id: 'Tahap ini sudah ditutup.', en: 'This stage is closed.' },
  STAGE_EMPTY: {
    id: 'Belum ada inovasi yang mencapai tahap ini; tutup tahap sebelumnya terlebih dahulu.',
    en: 'No innovation has reached this stage yet: close the previous stage first.',
  },
  STAGE_NOT_OPEN: {
    id: 'Tahap ini sedang {status}; tindakan ini hanya dapat dilakukan saat tahap dibuka.',
    en: 'This stage is {status}; this is done while it is open.',
  },
  STAGE_FORCE_REASON: { id: 'Penutupan paksa memerlukan alasan.', en: 'A forced close needs a reason.' },
  STAGE_UNDECIDED: {
    id: '{count} inovasi belum memiliki keputusan pada tahap ini. Putuskan terlebih dahulu, atau tutup paksa dengan alasan.',
    en: '{count} innovation(s) have no decision in this stage yet. Decide them, or close with force and a reason.',
  },
  STAGE_SHEETS_OPEN: {
    id: '{count} lembar nilai belum dikirim. Tunggu juri, atau tutup paksa dengan alasan.',
    en: '{count} score sheet(s) are not submitted. Wait for them, or close with force and a reason.',
  },
  STAGE_RESULT_ILLEGAL_TRANSITION: {
    id: 'Hasil tahap tidak dapat diubah dari "{from}" ke "{to}".',
    en: 'The stage result cannot move from "{from}" to "{to}".',
  },
  // submissions
  INNOVATION_NOT_FOUND: { id: 'Inovasi tidak ditemukan.', en: 'Innovation not found.' },
  INNOVATION_NOT_OWNER: {
    id: 'Hanya OPD pemilik inovasi ini yang dapat melakukannya.',
    en: 'Only the OPD that owns this innovation does this.',
  },
  INNOVATION_INVALID: {
    id: 'Proposal tidak valid; periksa kolom yang disebutkan.',
    en: 'The proposal is invalid; check the fields named.',
  },
  INNOVATION_VERSION_CONFLICT: {
    id: 'Inovasi telah diubah di tempat lain (sekarang versi {current}); muat ulang lalu terapkan perubahan Anda lagi.',
    en: 'The innovation was changed elsewhere (now version {current}); reload it and apply your changes again.',
  },
  SUBMISSION_ILLEGAL_TRANSITION: {
    id: 'Inovasi berstatus "{from}" dan tidak dapat dipindah ke "{to}".',
    en: 'The innovation is "{from}" and cannot move to "{to}".',
  },
  SUBMISSION_NOT_EDITABLE: {
    id: 'Inovasi ini tidak dapat diubah lagi (status: {status}).',
    en: 'This innovation can no longer be edited (status: {status}).',
  },
  SUBMISSION_DEADLINE_PASSED: {
    id: 'Batas waktu pengajuan telah lewat ({deadline}); perubahan tidak diterima lagi.',
    en: 'The submission deadline has passed ({deadline}); changes are no longer accepted.',
  },
  SUBMISSION_INCOMPLETE: {
    id: 'Inovasi belum siap diajukan; lengkapi kolom yang disebutkan.',
    en: 'The innovation is not ready to submit; complete the fields named.',
  },
  SUBMISSION_INELIGIBLE: { id: 'Inovasi tidak memenuhi syarat kelayakan.', en: 'The innovation is not eligible.' },
  DOCUMENT_NOT_FOUND: { id: 'Dokumen tidak ditemukan.', en: 'Document not found.' },
  DOCUMENT_NO_FILE: { id: 'Lampirkan berkas di kolom "file".', en: 'Attach the file as the multipart field "file".' },
  DOCUMENT_INCOMPLETE: {
    id: 'Unggahan terputus sebelum berkas selesai; kirim lagi.',
    en: 'The upload ended before the file did; send it again.',
  },
  DOCUMENT_EMPTY: { id: 'Berkas kosong.', en: 'The file is empty.' },
  DOCUMENT_TOO_LARGE: { id: 'Berkas melebihi batas {maxBytes} bita.', en: 'The file is larger than the limit of {maxBytes} bytes.' },
  DOCUMENT_UNSUPPORTED_TYPE: {
    id: 'Hanya berkas PDF, JPEG dan PNG yang diterima (dikenali dari isinya, bukan namanya).',
    en: 'Only PDF, JPEG and PNG files are accepted (recognised by their content, not their name).',
  },
  DOCUMENT_LINK_INVALID: { id: 'Tautan unduhan tidak valid atau sudah kedaluwarsa.', en: 'The download link is not valid or has expired.' },
  // long operations (issue 23)
  OPERATION_NOT_FOUND: { id: 'Operasi tidak ditemukan.', en: 'Operation not found.' },
  OPERATION_ID_INVALID: { id: 'Header X-Operation-Id harus berupa UUID.', en: 'The X-Operation-Id header must be a UUID.' },
  OPERATION_FILE_NOT_FOUND: {
    id: 'Operasi ini tidak (atau belum) menghasilkan berkas.',
    en: 'This operation made no file (or has not finished yet).',
  },
  OPERATION_ID_TAKEN: {
    id: 'Sudah ada operasi dengan id ini; buat id baru untuk setiap permintaan.',
    en: 'An operation with this id exists; make a new id for every request.',
  },
  // judging
  JUDGING_CONFLICT: {
    id: 'Anda memiliki konflik kepentingan dengan inovasi ini.',
    en: 'You have a conflict of interest with this innovation.',
  },
  JUDGING_SHEET_LOCKED: {
    id: 'Lembar nilai sudah dikirim dan tidak dapat diubah lagi.',
    en: 'The score sheet is submitted and can no longer be changed.',
  },
  JUDGING_VERSION_CONFLICT: {
    id: 'Lembar nilai telah berubah: Anda mengedit versi {expectedVersion}, versi sekarang {currentVersion}.',
    en: 'The score sheet has changed: you edited version {expectedVersion}, the current version is {currentVersion}.',
  },
  JUDGING_INVALID_SCORES: {
    id: 'Nilai tidak sesuai rubrik; periksa kriteria yang disebutkan.',
    en: 'The scores do not fit the rubric; check the criteria named.',
  },
  JUDGING_INVALID_INPUT: { id: 'Masukan penilaian tidak valid.', en: 'The judging input is invalid.' },
  JUDGING_CONFIRM_NO_CONFLICT: {
    id: 'Nyatakan bahwa Anda tidak memiliki konflik kepentingan sebelum menilai.',
    en: 'Confirm that you have no conflict of interest before scoring.',
  },
  JUDGING_VERSION_REQUIRED: { id: 'Kirim versi lembar nilai yang Anda edit.', en: 'Send the version of the sheet you edited.' },
  JUDGING_SHEET_NOT_SUBMITTED: {
    id: 'Hanya lembar nilai yang sudah dikirim yang dapat dibuka kembali (sekarang: {status}).',
    en: 'Only a submitted sheet is reopened (it is {status}).',
  },
  ASSIGNMENT_NOT_FOUND: { id: 'Penugasan tidak ditemukan.', en: 'Assignment not found.' },
  ASSIGNMENT_EXISTS: { id: 'Juri ini sudah ditugaskan pada inovasi tersebut.', en: 'This juror is already assigned to this innovation.' },
  ASSIGNMENT_INVALID: { id: 'Penugasan tidak valid.', en: 'The assignment is invalid.' },
  ASSIGNMENT_NOT_IN_STAGE: { id: 'Inovasi ini tidak berada di tahap tersebut.', en: 'The innovation is not in this stage.' },
  SCHEDULE_INVALID: { id: 'Jadwal tidak valid; periksa kolom yang disebutkan.', en: 'The schedule is invalid; check the fields named.' },
  SCHEDULE_WRONG_STAGE: {
    id: 'Inovasi ini tidak berada di tahap yang dijadwalkan (status {status}, tahap {stage}).',
    en: 'The innovation is not in the scheduled stage (status {status}, stage {stage}).',
  },
  SCHEDULE_JUROR_OVERLAP: {
    id: '{count} juri sudah duduk di sesi lain pada waktu yang tumpang tindih.',
    en: '{count} juror(s) already sit in another slot at an overlapping time.',
  },
  SCHEDULE_JUROR_NOT_ASSIGNED: {
    id: 'Belum ditugaskan menilai inovasi ini pada tahap {stage}: {names}. Tugaskan juri dulu, lalu jadwalkan.',
    en: 'Not assigned to score this innovation at stage {stage}: {names}. Assign the jurors first, then schedule.',
  },
  FIELD_VISIT_NOT_SCHEDULED: {
    id: 'Jadwalkan kunjungan lapangan sebelum menambah foto.',
    en: 'Schedule the field visit before adding photos.',
  },
  SCREENING_NOT_IN_PLAN: {
    id: 'Kompetisi ini tidak memiliki tahap pemeriksaan administrasi.',
    en: 'This competition has no screening stage.',
  },
  SCREENING_NOT_OPEN: {
    id: 'Tahap pemeriksaan sedang {status}; keputusan diambil saat tahap dibuka.',
    en: 'The screening stage is {status}; decisions are taken while it is open.',
  },
  SCREENING_INVALID: {
    id: 'Keputusan pemeriksaan tidak valid; periksa kolom yang disebutkan.',
    en: 'The screening decisions are invalid; check the fields named.',
  },
  SCREENING_NOT_ENTERED: { id: 'Inovasi ini tidak berada di tahap pemeriksaan.', en: 'The innovation is not in the screening stage.' },
  // results
  RESULTS_INVALID: { id: 'Permintaan hasil tidak valid.', en: 'The results request is invalid.' },
  RESULTS_STAGES_OPEN: { id: 'Tutup semua tahap terlebih dahulu.', en: 'Close every stage first.' },
  RESULTS_OBJECTION_WINDOW_OPEN: {
    id: 'Masa sanggah masih dibuka sampai {closesAt}.',
    en: 'The objection window is open until {closesAt}.',
  },
  RESULTS_OBJECTIONS_UNANSWERED: { id: '{count} sanggahan belum dijawab.', en: '{count} objection(s) have no answer yet.' },
  RESULTS_REASON_REQUIRED: {
    id: 'Hasil sudah diterbitkan; sebutkan alasan penerbitan koreksi.',
    en: 'Results are already published; say why you publish a correction.',
  },
  RESULTS_NOT_PUBLISHED: {
    id: 'Rincian nilai tersedia setelah hasil diterbitkan.',
    en: 'The score breakdown is available once the results are published.',
  },
  RANKING_NOT_PUBLISHED: {
    id: 'Hasil kompetisi ini belum diterbitkan (atau versi tersebut tidak ada).',
    en: 'The results are not published yet (or that version does not exist).',
  },
  RANKED_INNOVATION_NOT_FOUND: {
    id: 'Inovasi ini tidak masuk peringkat pada versi hasil tersebut.',
    en: 'This innovation is not ranked in that snapshot.',
  },
  SNAPSHOT_NOT_FOUND: { id: 'Versi hasil tidak ditemukan.', en: 'Ranking snapshot not found.' },
  OBJECTION_WINDOW_CLOSED: {
    id: 'Masa sanggah sudah ditutup atau belum ada hasil sementara yang diumumkan.',
    en: 'The objection window is closed, or no provisional results were announced.',
  },
  OBJECTION_EXISTS: {
    id: 'Sanggahan untuk inovasi ini sudah diajukan pada masa sanggah ini.',
    en: 'An objection was already filed for this innovation in this window.',
  },
  OBJECTION_NOT_FOUND: { id: 'Sanggahan tidak ditemukan.', en: 'Objection not found.' },
  // notifications
  NOTIFICATION_NOT_FOUND: { id: 'Notifikasi tidak ditemukan.', en: 'Notification not found.' },
  NOTIFICATION_PAYLOAD_INVALID: { id: 'Isi notifikasi tidak valid.', en: 'The notification payload is invalid.' },
  NOTIFICATION_DEDUPE_KEY_INVALID: { id: 'Kunci deduplikasi notifikasi tidak valid.', en: 'The notification dedupe key is invalid.' },
  OUTBOX_MESSAGE_NOT_FOUND: { id: 'Pesan keluar tidak ditemukan.', en: 'Outbox message not found.' },
  OUTBOX_ILLEGAL_TRANSITION: {
    id: 'Status pesan keluar tidak dapat diubah dari "{from}" ke "{to}".',
    en: 'The outbox message cannot move from "{from}" to "{to}".',
  },
  // competition rules (issue 18)
  SUBMISSION_WINDOW_NOT_OPEN: {
    id: 'Masa pengiriman belum dibuka. Draf tetap dapat disiapkan dan dikirim setelah masa pengiriman dibuka.',
    en: 'Submissions are not open yet. You can prepare the draft and submit it once the window opens.',
  },
  SUBMISSION_NO_COORDINATOR: {
    id: 'Wilayah Anda belum memiliki koordinator aktif; panitia dapat meneruskan atau mengembalikan proposal atas nama koordinator.',
    en: 'Your region has no active coordinator; the organizer may forward or return the proposal on the coordinator’s behalf.',
  },
  SUBMISSION_COORDINATOR_PRESENT: {
    id: 'Wilayah inovasi ini memiliki koordinator aktif; koordinator yang meneruskan atau mengembalikannya.',
    en: 'This innovation’s region has an active coordinator; they forward or return it.',
  },
  COMPETITION_REGIONS_WITHOUT_COORDINATOR: {
    id: 'Beberapa wilayah belum memiliki koordinator aktif; proposalnya menunggu tindakan panitia.',
    en: 'Some regions have no active coordinator; their proposals wait for the organizer.',
  },
  COMPETITION_REASON_REQUIRED: {
    id: 'Perubahan jadwal tahap memerlukan alasan; alasan dicatat dalam jejak audit.',
    en: 'Moving a stage window needs a reason; it is kept in the audit trail.',
  },
  COMPETITION_STAGE_CLOSED_WINDOW: {
    id: 'Jadwal tahap yang sudah ditutup tidak diubah; geser jadwal tahap berikutnya.',
    en: 'A closed stage’s window is not rewritten; move the later stages instead.',
  },
  COMPETITION_ORGANIZER_INVALID: { id: 'Pilih akun panitia yang aktif.', en: 'Choose an active organizer account.' },
  COMPETITION_ORGANIZER_EXISTS: { id: 'Akun ini sudah menjadi panitia edisi ini.', en: 'This account already organizes this edition.' },
  RESULTS_WINDOW_TOO_SHORT: {
    id: 'Masa sanggah tidak boleh lebih singkat daripada yang ditetapkan dalam rencana.',
    en: 'The objection window cannot be shorter than the plan’s.',
  },
  RESULTS_NOT_ANNOUNCED: {
    id: 'Umumkan hasil sementara dan tunggu masa sanggah berakhir sebelum menerbitkan.',
    en: 'Announce the provisional results and let the objection window run out before publishing.',
  },
  RESULTS_CORRECTION_OPEN: {
    id: 'Koreksi karena sanggahan belum selesai: lembar nilai yang dibuka kembali belum dikirim ulang, atau keputusan pemeriksaan yang dibuka kembali belum diambil ulang.',
    en: 'A correction for an objection is still open: reopened score sheets are not submitted again, or a reopened screening decision is not taken again.',
  },
  OBJECTION_ALREADY_ANSWERED: {
    id: 'Sanggahan ini sudah dijawab; jawaban bersifat final.',
    en: 'This objection has been answered; an answer is final.',
  },
  OBJECTION_NOT_UPHELD: {
    id: 'Hanya sanggahan yang dikabulkan dapat membuka kembali penilaian.',
    en: 'Only an upheld objection reopens judging.',
  },
  OBJECTION_NOTHING_TO_REOPEN: {
    id: 'Tidak ada yang dapat dibuka kembali pada tahap tersebut: tidak ada lembar nilai terkirim, atau keputusan pemeriksaannya bukan "tidak lolos".',
    en: 'Nothing to reopen in that stage: no submitted score sheet, or its screening decision is not a fail.',
  },
  OBJECTION_NOTHING_TO_SETTLE: {
    id: 'Tidak ada koreksi sanggahan ini yang menunggu pada tahap {stage}: hanya inovasi yang dipulihkan setelah tahap itu ditutup yang ditetapkan di sana.',
    en: 'No correction of this objection waits in stage {stage}: only an innovation reinstated after that stage closed is settled there.',
  },
  CORRECTION_NOT_SCORED: {
    id: 'Inovasi ini belum memiliki lembar nilai terkirim pada tahap {stage}: tugaskan juri untuk menilainya di tahap itu terlebih dahulu.',
    en: 'This innovation has no submitted score sheet in stage {stage}: assign jurors to score it there first.',
  },
  CORRECTION_SHEETS_OPEN: {
    id: 'Lembar nilai inovasi ini pada tahap {stage} belum semuanya dikirim; tunggu juri.',
    en: 'Not every score sheet of this innovation in stage {stage} is submitted; wait for the jurors.',
  },
  ASSIGNMENT_STAGE_CLOSED: {
    id: 'Tahap {stage} sudah ditutup: juri hanya dapat ditugaskan untuk inovasi yang dipulihkan melalui sanggahan dan menunggu penilaian di tahap itu.',
    en: 'Stage {stage} is closed: jurors are assigned there only to an innovation reinstated by an objection and waiting to be judged in it.',
  },
  ASSIGNMENT_FIELD_VERIFIER: {
    id: 'Juri ini memverifikasi inovasi di lapangan sehingga tidak dapat menilai tahap verifikasi lapangannya.',
    en: 'This juror verifies the innovation in the field and cannot score its field stage.',
  },
  SCHEDULE_OUTSIDE_WINDOW: {
    id: 'Jadwal harus di masa depan dan berada dalam jadwal tahap.',
    en: 'The slot must be in the future and inside the stage’s window.',
  },
  // accounts, hostile input, storage, regional index, surveys and votes
  INVALID_TEXT: {
    id: 'Teks berisi karakter yang tidak valid (surrogate tunggal).',
    en: 'The text holds an invalid character (a lone surrogate).',
  },
  BODY_TOO_DEEP: { id: 'Isi permintaan bersarang terlalu dalam.', en: 'The request body is nested too deeply.' },
  AUTH_TOKEN_INVALID: {
    id: 'Tautan ini tidak berlaku, sudah dipakai, atau kedaluwarsa; minta tautan baru.',
    en: 'This link is invalid, already used or expired; ask for a new one.',
  },
  AUTH_PASSWORD_WEAK: {
    id: 'Kata sandi terlalu mudah ditebak; gunakan kalimat yang lebih panjang atau kata-kata yang tidak umum.',
    en: 'The password is too easy to guess; use a longer phrase or uncommon words.',
  },
  USER_ROLE_FORBIDDEN: {
    id: 'Hanya admin yang membuat atau melihat akun dengan peran ini; panitia hanya mengundang juri.',
    en: 'Only an admin creates or lists accounts of this role; organizers invite jurors.',
  },
  INDEX_REASON_REQUIRED: {
    id: 'Tindakan ini memerlukan alasan; alasan dicatat dalam jejak audit.',
    en: 'This needs a reason; it is kept in the audit trail.',
  },
  INDEX_SELF_ASSESSMENT_INCOMPLETE: {
    id: 'Penilaian mandiri belum lengkap: ada indikator yang belum dijawab atau bukti dukung yang belum dilampirkan.',
    en: 'The self-assessment is incomplete: some indicators are unanswered or lack their evidence.',
  },
  INDEX_FRAMEWORK_INVALID: {
    id: 'Kerangka indikator tidak valid; periksa kolom yang disebutkan.',
    en: 'The indicator framework is invalid; check the fields named.',
  },
  INDEX_WINDOW_CLOSED: {
    id: 'Jadwal tahap yang sudah dimulai atau berakhir tidak diubah; pindahkan jadwal tahap berikutnya.',
    en: 'A window whose phase has begun or ended is not rewritten; move the later windows instead.',
  },
  INDEX_WINDOWS_OUT_OF_ORDER: {
    id: 'Jadwal tumpang tindih atau tidak berurutan: penilaian mandiri dibuka lalu ditutup, kemudian verifikasi dibuka lalu ditutup.',
    en: 'The windows overlap or are out of order: the self-assessment opens then closes, then verification opens then closes.',
  },
  INDEX_FRAMEWORK_ANSWERED: {
    id: 'Indikator atau pilihan jawaban yang sudah dijawab daerah tidak dapat dihapus.',
    en: 'An indicator or option that regions have answered cannot be removed.',
  },
  OBJECTION_REOPEN_INVALID: {
    id: 'Tahap yang diminta tidak dapat dibuka kembali untuk sanggahan ini.',
    en: 'That stage cannot be reopened for this objection.',
  },
  DOCUMENT_FILE_MISSING: {
    id: 'Isi berkas ini tidak ada di penyimpanan. Hubungi panitia; pemilik dapat mengunggahnya lagi.',
    en: "This file's content is missing from storage. Contact the organizer; its owner can upload it again.",
  },
  SURVEY_PERIOD_INVALID: { id: 'Periode survei tidak valid; periksa tanggalnya.', en: 'The survey period is invalid; check its dates.' },
  SURVEY_PERIOD_NOT_OPEN: { id: 'Periode survei ini belum dibuka.', en: 'This survey period has not opened yet.' },
  SURVEY_PERIOD_CLOSED: { id: 'Periode survei ini sudah ditutup.', en: 'This survey period has closed.' },
  SURVEY_EVIDENCE_INVALID: {
    id: 'Periode sebelum dan sesudah harus milik unit yang sama dan mengapit tanggal mulai inovasi.',
    en: "The before and after periods must belong to the same unit and straddle the innovation's start date.",
  },
  SURVEY_RESPONSE_INVALID: {
    id: 'Jawaban survei tidak valid; setiap unsur dijawab 1 sampai 4.',
    en: 'The survey response is invalid; every element is answered 1 to 4.',
  },
  SURVEY_UNIT_NOT_FOUND: { id: 'Unit layanan tidak ditemukan.', en: 'Service unit not found.' },
  SURVEY_PERIOD_NOT_FOUND: { id: 'Periode survei tidak ditemukan.', en: 'Survey period not found.' },
  SURVEY_IMPORT_INVALID: {
    id: 'Berkas hasil survei ditolak; perbaiki baris yang disebutkan.',
    en: 'The survey file was refused; fix the rows named.',
  },
  SURVEY_EXCLUSION_INVALID: {
    id: 'Pengecualian tidak valid: sebutkan jawaban periode ini dan alasannya.',
    en: 'The exclusion is invalid: name responses of this period and a reason.',
  },
  SURVEY_ALREADY_RESPONDED: {
    id: 'Responden ini sudah mengisi survei pada periode ini.',
    en: 'This respondent has already answered in this period.',
  },
  // region awards (issue 17)
  AWARD_NOT_REGION_AWARD: {
    id: 'Edisi ini bukan penghargaan daerah; pesertanya inovasi, bukan daerah.',
    en: 'This edition is not a region award; its entries are innovations, not regions.',
  },
  AWARD_ALREADY_NOMINATED: {
    id: 'Nominasi edisi ini sudah diambil dari indeks.',
    en: 'The nominees of this edition are already taken from the index.',
  },
  AWARD_NOMINATION_CLOSED: {
    id: 'Nominasi hanya diambil selama tahap nominasi dibuka.',
    en: 'Nominees are taken only while the nomination stage is open.',
  },
  AWARD_NO_NOMINEES: {
    id: 'Tidak ada daerah dalam snapshot indeks yang masuk kategori atau kelompok penghargaan edisi ini.',
    en: 'No region of the index snapshot falls in a category or award group of this edition.',
  },
  AWARD_ENTRY_NOT_FOUND: { id: 'Peserta penghargaan daerah tidak ditemukan.', en: 'Region award entry not found.' },
  AWARD_ENTRY_LOCKED: {
    id: 'Presentasi sudah dimulai; persiapan peserta tidak dapat diubah lagi.',
    en: 'The presentation has started; the entry can no longer be changed.',
  },
  AWARD_ENTRY_VERSION_CONFLICT: {
    id: 'Persiapan peserta telah diubah orang lain; muat ulang lalu terapkan perubahan Anda.',
    en: 'Someone changed the entry meanwhile; reload it and apply your changes again.',
  },
  AWARD_INVALID: {
    id: 'Isian penghargaan daerah tidak valid; periksa kolom yang disebutkan.',
    en: 'The region award input is invalid; check the fields named.',
  },
  AWARD_NOT_PUBLISHED: { id: 'Hasil penghargaan daerah ini belum diumumkan.', en: 'The results of this region award are not published.' },
  AWARD_REGION_NOT_RANKED: { id: 'Daerah ini tidak berperingkat dalam penghargaan ini.', en: 'This region is not ranked in this award.' },
  VOTE_POLL_NOT_OPEN: { id: 'Pemungutan suara belum dibuka.', en: 'The vote has not opened yet.' },
  VOTE_POLL_CLOSED: { id: 'Pemungutan suara sudah ditutup.', en: 'The vote has closed.' },
  VOTE_INVALID: {
    id: 'Suara tidak valid: pilih salah satu finalis dan isi e-mail yang benar.',
    en: 'The vote is invalid: choose one of the finalists and give a valid e-mail.',
  },
  VOTE_POLL_INVALID: {
    id: 'Pemungutan suara tidak valid; periksa jadwal dan finalisnya.',
    en: 'The vote is invalid; check its window and finalists.',
  },
  VOTE_EMAIL_DISPOSABLE: {
    id: 'Alamat e-mail sekali pakai tidak dapat dipakai untuk memilih.',
    en: 'Disposable e-mail addresses cannot be used to vote.',
  },
  VOTE_ALREADY_CAST: {
    id: 'Alamat e-mail ini sudah memberikan suara di kategori ini.',
    en: 'This e-mail address has already voted in this category.',
  },
  VOTE_LINK_INVALID: { id: 'Tautan konfirmasi tidak berlaku.', en: 'The confirmation link is invalid.' },
  VOTE_LINK_EXPIRED: {
    id: 'Tautan konfirmasi sudah kedaluwarsa; pilih lagi untuk mendapat tautan baru.',
    en: 'The confirmation link has expired; vote again for a new one.',
  },
  VOTE_POLL_NOT_FOUND: { id: 'Pemungutan suara tidak ditemukan.', en: 'Vote not found.' },
};

/** Codes of single field errors (`details.fields[].code`). */
export const FIELD_CATALOG: Readonly<Record<string, ErrorTemplate>> = {
  FIELD_INVALID: { id: 'tidak valid', en: 'is not valid' },
  FIELD_REQUIRED: { id: 'wajib diisi', en: 'is required' },
  FIELD_NOT_ALLOWED: { id: 'bukan kolom yang diizinkan', en: 'is not an allowed field' },
  FIELD_TOO_LONG: { id: 'paling banyak {max} karakter', en: 'must be at most {max} characters' },
  FIELD_TOO_SHORT: { id: 'paling sedikit {min} karakter', en: 'must be at least {min} characters' },
  FIELD_TOO_SMALL: { id: 'paling kecil {min}', en: 'must not be less than {min}' },
  FIELD_TOO_LARGE: { id: 'paling besar {max}', en: 'must not be greater than {max}' },
  FIELD_NOT_TEXT: { id: 'harus berupa teks', en: 'must be text' },
  FIELD_NOT_NUMBER: { id: 'harus berupa angka', en: 'must be a number' },
  FIELD_NOT_INTEGER: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  FIELD_NOT_BOOLEAN: { id: 'harus ya atau tidak', en: 'must be yes or no' },
  FIELD_NOT_EMAIL: { id: 'harus berupa alamat email', en: 'must be an e-mail address' },
  FIELD_NOT_URL: { id: 'harus berupa alamat URL', en: 'must be a URL' },
  FIELD_NOT_ID: { id: 'harus berupa ID yang valid', en: 'must be a valid id' },
  FIELD_NOT_LIST: { id: 'harus berupa daftar', en: 'must be a list' },
  FIELD_NOT_OBJECT: { id: 'harus berupa objek', en: 'must be an object' },
  FIELD_NOT_DATE: { id: 'harus berupa tanggal (TTTT-BB-HH)', en: 'must be a date (YYYY-MM-DD)' },
  FIELD_NOT_IN_LIST: { id: 'harus salah satu dari: {allowed}', en: 'must be one of: {allowed}' },
  FIELD_BAD_FORMAT: { id: 'formatnya tidak sesuai', en: 'is not in the expected format' },
  FIELD_LIST_TOO_SHORT: { id: 'paling sedikit {min} butir', en: 'must hold at least {min} items' },
  FIELD_LIST_TOO_LONG: { id: 'paling banyak {max} butir', en: 'must hold at most {max} items' },
  FIELD_WORD_LIMIT: { id: 'paling banyak {max} kata (sekarang {words})', en: 'must be at most {max} words (now {words})' },
  SECTION_REQUIRED: { id: 'bagian ini wajib diisi', en: 'this section is required' },
  DOCUMENTS_REQUIRED: { id: 'paling sedikit satu dokumen bukti wajib diunggah', en: 'at least one evidence document is required' },
  SCORE_REQUIRED: { id: 'wajib diisi sebelum lembar nilai dikirim', en: 'is required to submit the sheet' },
  SCORE_NOT_NUMBER: { id: 'harus berupa angka', en: 'must be a finite number' },
  SCORE_OUT_OF_RANGE: { id: 'harus antara {min} dan {max}', en: 'must be between {min} and {max}' },
  SCORE_UNKNOWN_CRITERION: { id: 'bukan kriteria rubrik ini', en: 'is not a criterion of this rubric' },
  CONFIRM_NO_CONFLICT: {
    id: 'nyatakan bahwa Anda tidak memiliki konflik kepentingan dengan inovasi ini sebelum menilainya',
    en: 'confirm that you have no conflict of interest with this innovation before scoring it',
  },
  REASON_REQUIRED: { id: 'alasan wajib diisi', en: 'a reason is required' },
  ELIGIBILITY_MIN_MONTHS: {
    id: 'inovasi harus sudah diterapkan paling sedikit {months} bulan',
    en: 'the innovation must have been in use for at least {months} months',
  },
  ELIGIBILITY_DUPLICATE_TITLE: {
    id: 'inovasi lain di edisi ini sudah memakai judul ini',
    en: 'another innovation in this edition already has this title',
  },
  ELIGIBILITY_MAX_ENTRIES: {
    id: 'satu organisasi paling banyak mengajukan {max} inovasi di edisi ini',
    en: 'an organization may enter at most {max} innovations in this edition',
  },
};

/** The body's language from an `Accept-Language` header: English when it prefers `en`, else Indonesian. */
export function errorLocale(acceptLanguage: string | string[] | undefined): ErrorLocale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...attrs] = part.trim().toLowerCase().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((r) => r.lang === 'id' || r.lang === 'en')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'id';
}

/** `{name}` replaced by its parameter; a missing parameter leaves the placeholder out of sight as `…`. */
export function fillTemplate(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? '…' : String(params[name])));
}

/** True when `params` holds every parameter the template names. */
export function fillsTemplate(template: string, params: ErrorParams = {}): boolean {
  return [...template.matchAll(/\{(\w+)\}/g)].every((m) => params[m[1]] !== undefined);
}

/** An error code's text in `locale`, or undefined when the catalog does not know the code. */
export function errorText(code: string | undefined, params: ErrorParams | undefined, locale: ErrorLocale): string | undefined {
  const template = code ? ERROR_CATALOG[code] : undefined;
  return template && fillTemplate(template[locale], params);
}

/** A field code's text in `locale`, or undefined when the catalog does not know the code. */
export function fieldErrorText(code: string | undefined, params: ErrorParams | undefined, locale: ErrorLocale): string | undefined {
  const template = code ? FIELD_CATALOG[code] : undefined;
  return template && fillTemplate(template[locale], params);
}

/**
 * The parameters of an error, from its details: scalar values as they are, lists of scalars joined with
 * ", ", and the length of the first list as `count` (e.g. the innovations a stage close waits on).
 */
export function errorParams(details: Readonly<Record<string, unknown>> | undefined): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (key === 'fields') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
    else if (value instanceof Date) params[key] = value.toISOString();
    else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string' || typeof v === 'number')) params[key] = value.join(', ');
      if (params.count === undefined) params.count = value.length;
    }
  }
  return params;
}
