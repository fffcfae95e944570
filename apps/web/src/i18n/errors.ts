/**
 * What an error code of the API means, in both languages (the API's `message` is English and technical). The
 * codes are stable (`CONTEXT_REASON`); a code without an entry here shows the API's message alone.
 */
export const errorCodesId = {
  'error.code.SUBMISSION_INELIGIBLE': 'Inovasi belum memenuhi syarat kepesertaan yang disebutkan di bawah.',
  'error.code.SUBMISSION_WINDOW_NOT_OPEN': 'Masa pengiriman belum dibuka. Draf tetap dapat disiapkan dan dikirim setelah masa pengiriman dibuka.',
  'error.code.SUBMISSION_NO_COORDINATOR': 'Wilayah Anda belum memiliki koordinator aktif; panitia dapat meneruskan atau mengembalikan proposal atas nama koordinator.',
  'error.code.SUBMISSION_COORDINATOR_PRESENT': 'Wilayah inovasi ini memiliki koordinator aktif; koordinator yang meneruskan atau mengembalikannya.',
  'error.code.COMPETITION_REGIONS_WITHOUT_COORDINATOR': 'Beberapa wilayah belum memiliki koordinator aktif; proposalnya menunggu tindakan panitia.',
  'error.code.COMPETITION_REASON_REQUIRED': 'Perubahan jadwal tahap memerlukan alasan; alasan dicatat dalam jejak audit.',
  'error.code.COMPETITION_STAGE_CLOSED_WINDOW': 'Jadwal tahap yang sudah ditutup tidak diubah; geser jadwal tahap berikutnya.',
  'error.code.COMPETITION_ORGANIZER_INVALID': 'Pilih akun panitia yang aktif.',
  'error.code.COMPETITION_ORGANIZER_EXISTS': 'Akun ini sudah menjadi panitia edisi ini.',
  'error.code.RESULTS_WINDOW_TOO_SHORT': 'Masa sanggah tidak boleh lebih singkat daripada yang ditetapkan dalam rencana.',
  'error.code.RESULTS_NOT_ANNOUNCED': 'Umumkan hasil sementara dan tunggu masa sanggah berakhir sebelum menerbitkan.',
  'error.code.RESULTS_OBJECTION_WINDOW_OPEN': 'Masa sanggah masih berjalan; hasil dapat diterbitkan setelah masa ini berakhir.',
  'error.code.RESULTS_OBJECTIONS_UNANSWERED': 'Masih ada sanggahan yang belum dijawab.',
  'error.code.RESULTS_CORRECTION_OPEN': 'Lembar nilai yang dibuka kembali karena sanggahan belum dikirim ulang oleh juri.',
  'error.code.OBJECTION_ALREADY_ANSWERED': 'Sanggahan ini sudah dijawab; jawaban bersifat final.',
  'error.code.OBJECTION_NOT_UPHELD': 'Hanya sanggahan yang dikabulkan dapat membuka kembali penilaian.',
  'error.code.OBJECTION_NOTHING_TO_REOPEN': 'Inovasi ini tidak memiliki lembar nilai terkirim pada tahap tersebut.',
  'error.code.ASSIGNMENT_FIELD_VERIFIER': 'Juri ini memverifikasi inovasi di lapangan sehingga tidak dapat menilai tahap verifikasi lapangannya.',
  'error.code.SCHEDULE_OUTSIDE_WINDOW': 'Jadwal harus di masa depan dan berada dalam jadwal tahap.',
} as const;

export const errorCodesEn: Record<keyof typeof errorCodesId, string> = {
  'error.code.SUBMISSION_INELIGIBLE': 'The innovation does not meet the eligibility rules named below.',
  'error.code.SUBMISSION_WINDOW_NOT_OPEN': 'Submissions are not open yet. You can prepare the draft and submit it once the window opens.',
  'error.code.SUBMISSION_NO_COORDINATOR': 'Your region has no active coordinator; the organizer may forward or return the proposal on the coordinator’s behalf.',
  'error.code.SUBMISSION_COORDINATOR_PRESENT': 'This innovation’s region has an active coordinator; they forward or return it.',
  'error.code.COMPETITION_REGIONS_WITHOUT_COORDINATOR': 'Some regions have no active coordinator; their proposals wait for the organizer.',
  'error.code.COMPETITION_REASON_REQUIRED': 'Moving a stage window needs a reason; it is kept in the audit trail.',
  'error.code.COMPETITION_STAGE_CLOSED_WINDOW': 'A closed stage’s window is not rewritten; move the later stages instead.',
  'error.code.COMPETITION_ORGANIZER_INVALID': 'Choose an active organizer account.',
  'error.code.COMPETITION_ORGANIZER_EXISTS': 'This account already organizes this edition.',
  'error.code.RESULTS_WINDOW_TOO_SHORT': 'The objection window cannot be shorter than the plan’s.',
  'error.code.RESULTS_NOT_ANNOUNCED': 'Announce the provisional results and let the objection window run out before publishing.',
  'error.code.RESULTS_OBJECTION_WINDOW_OPEN': 'The objection window is still open; publish once it has ended.',
  'error.code.RESULTS_OBJECTIONS_UNANSWERED': 'Some objections have no answer yet.',
  'error.code.RESULTS_CORRECTION_OPEN': 'Score sheets reopened for an objection have not been submitted again by their jurors.',
  'error.code.OBJECTION_ALREADY_ANSWERED': 'This objection has been answered; an answer is final.',
  'error.code.OBJECTION_NOT_UPHELD': 'Only an upheld objection reopens judging.',
  'error.code.OBJECTION_NOTHING_TO_REOPEN': 'The innovation has no submitted score sheet in that stage.',
  'error.code.ASSIGNMENT_FIELD_VERIFIER': 'This juror verifies the innovation in the field and cannot score its field stage.',
  'error.code.SCHEDULE_OUTSIDE_WINDOW': 'The slot must be in the future and inside the stage’s window.',
};
