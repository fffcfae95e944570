import { isIsoInstant, ValidationFailed, type FieldError, type LocalizedText } from '@app/kernel';
import { NotificationErrorCode } from './notifications.errors';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CHANNELS = ['email', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIGEST_MODES = ['immediate', 'daily'] as const;
/** How a user wants e-mail: one mail per event, or held and combined into one mail a day. */
export type DigestMode = (typeof DIGEST_MODES)[number];

/**
 * A payload field: `text` (non-empty string), `instant` (RFC 3339, shown in WIB), `id` (used in links),
 * `path` (a site-relative link such as `/competitions/x`), `label` (text per locale `{id, en}`, e.g. a stage's
 * label, shown in the reader's language; a plain string is shown as is), or a choice with a label per locale.
 * A trailing `?` marks it optional; a template line that names a missing optional field is left out.
 */
export type FieldKind = 'text' | 'instant' | 'id' | 'path' | 'label' | { choice: Record<string, LocalizedText> };
export type FieldSpec =
  FieldKind | `${'text' | 'instant' | 'id' | 'path' | 'label'}?` | { choice: Record<string, LocalizedText>; optional: true };

/** One language's wording; `{field}` placeholders are filled from the payload. */
export interface Wording {
  subject: string;
  lines: readonly string[];
  /** Label of the link to the platform. */
  action: string;
}

export interface NotificationTypeSpec {
  fields: Readonly<Record<string, FieldSpec>>;
  /** Site-relative link; `{field}` placeholders are URL-encoded (a `path` field is inserted as is). */
  link: string | null;
  id: Wording;
  en: Wording;
}

const DECISION = { pass: { id: 'LOLOS', en: 'PASSED' }, fail: { id: 'TIDAK LOLOS', en: 'NOT PASSED' } };
const OBJECTION_DECISION = { upheld: { id: 'DIKABULKAN', en: 'UPHELD' }, rejected: { id: 'DITOLAK', en: 'REJECTED' } };
const OUTCOME = {
  advanced: { id: 'lanjut ke tahap berikutnya', en: 'advances to the next stage' },
  eliminated: { id: 'tidak lanjut ke tahap berikutnya', en: 'does not advance to the next stage' },
  /** The plan's last stage: there is no next one, judging has ended. */
  completed: {
    id: 'telah selesai dinilai; penjurian berakhir dan peringkat akhir diumumkan setelah diterbitkan',
    en: 'has been judged in full; judging has ended and the final ranking follows once it is published',
  },
};

/** The catalogue: every event that reaches a juror or an OPD (DESIGN §5), plus a free-form `message`. */
export const NOTIFICATION_TYPES = {
  juror_assigned: {
    fields: { competition: 'text', innovation: 'text', stage: 'label', assignmentId: 'id', dueAt: 'instant?' },
    link: '/jury/assignments/{assignmentId}',
    id: {
      subject: 'Penugasan penilaian: {innovation}',
      lines: ['Anda ditugaskan menilai inovasi "{innovation}" pada tahap {stage}, {competition}.', 'Batas penilaian: {dueAt}.'],
      action: 'Buka penugasan',
    },
    en: {
      subject: 'New scoring assignment: {innovation}',
      lines: ['You have been assigned to score "{innovation}" in the {stage} stage of {competition}.', 'Scoring deadline: {dueAt}.'],
      action: 'Open the assignment',
    },
  },
  stage_opened: {
    fields: { competition: 'text', competitionId: 'id', stage: 'label', closesAt: 'instant?' },
    link: '/competitions/{competitionId}',
    id: {
      subject: 'Tahap {stage} dibuka — {competition}',
      lines: ['Tahap {stage} pada {competition} telah dibuka.', 'Tahap ini ditutup pada {closesAt}.'],
      action: 'Lihat kompetisi',
    },
    en: {
      subject: 'Stage {stage} is open — {competition}',
      lines: ['The {stage} stage of {competition} is now open.', 'It closes on {closesAt}.'],
      action: 'View the competition',
    },
  },
  presentation_scheduled: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', startsAt: 'instant', place: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal presentasi: {innovation}',
      lines: ['Presentasi inovasi "{innovation}" ({competition}) dijadwalkan pada {startsAt}.', 'Tempat: {place}.'],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Presentation scheduled: {innovation}',
      lines: ['The presentation of "{innovation}" ({competition}) is scheduled for {startsAt}.', 'Place: {place}.'],
      action: 'View the schedule',
    },
  },
  presentation_moved: {
    fields: {
      competition: 'text',
      innovation: 'text',
      innovationId: 'id',
      startsAt: 'instant',
      previousStartsAt: 'instant?',
      place: 'text?',
    },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal presentasi berubah: {innovation}',
      lines: [
        'Presentasi inovasi "{innovation}" ({competition}) dipindahkan ke {startsAt}.',
        'Jadwal sebelumnya: {previousStartsAt}.',
        'Tempat: {place}.',
      ],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Presentation moved: {innovation}',
      lines: [
        'The presentation of "{innovation}" ({competition}) has moved to {startsAt}.',
        'Previously: {previousStartsAt}.',
        'Place: {place}.',
      ],
      action: 'View the schedule',
    },
  },
  field_visit_scheduled: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', visitAt: 'instant', address: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal verifikasi lapangan: {innovation}',
      lines: ['Verifikasi lapangan inovasi "{innovation}" ({competition}) dijadwalkan pada {visitAt}.', 'Lokasi: {address}.'],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Field visit scheduled: {innovation}',
      lines: ['The field visit for "{innovation}" ({competition}) is scheduled for {visitAt}.', 'Location: {address}.'],
      action: 'View the schedule',
    },
  },
  field_visit_moved: {
    fields: {
      competition: 'text',
      innovation: 'text',
      innovationId: 'id',
      visitAt: 'instant',
      previousVisitAt: 'instant?',
      address: 'text?',
    },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal verifikasi lapangan berubah: {innovation}',
      lines: [
        'Verifikasi lapangan inovasi "{innovation}" ({competition}) dipindahkan ke {visitAt}.',
        'Jadwal sebelumnya: {previousVisitAt}.',
        'Lokasi: {address}.',
      ],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Field visit moved: {innovation}',
      lines: [
        'The field visit for "{innovation}" ({competition}) has moved to {visitAt}.',
        'Previously: {previousVisitAt}.',
        'Location: {address}.',
      ],
      action: 'View the schedule',
    },
  },
  scoring_reminder: {
    fields: { competition: 'text', innovation: 'text', stage: 'label', assignmentId: 'id', dueAt: 'instant' },
    link: '/jury/assignments/{assignmentId}',
    id: {
      subject: 'Pengingat: nilai "{innovation}" sebelum {dueAt}',
      lines: ['Lembar nilai Anda untuk inovasi "{innovation}" pada tahap {stage} ({competition}) belum dikirim.', 'Batas waktu: {dueAt}.'],
      action: 'Isi lembar nilai',
    },
    en: {
      subject: 'Reminder: score "{innovation}" before {dueAt}',
      lines: ['Your score sheet for "{innovation}" in the {stage} stage ({competition}) has not been submitted yet.', 'Deadline: {dueAt}.'],
      action: 'Fill in the score sheet',
    },
  },
  screening_result: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', decision: { choice: DECISION }, reason: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Hasil seleksi administrasi: {innovation}',
      lines: ['Inovasi "{innovation}" ({competition}) dinyatakan {decision} seleksi administrasi.', 'Catatan: {reason}'],
      action: 'Lihat inovasi',
    },
    en: {
      subject: 'Screening result: {innovation}',
      lines: ['"{innovation}" ({competition}) has {decision} the administrative screening.', 'Note: {reason}'],
      action: 'View the innovation',
    },
  },
  stage_closed: {
    fields: { competition: 'text', competitionId: 'id', stage: 'label', innovation: 'text?', outcome: { choice: OUTCOME, optional: true } },
    link: '/competitions/{competitionId}',
    id: {
      subject: 'Tahap {stage} ditutup — {competition}',
      lines: ['Tahap {stage} pada {competition} telah ditutup.', 'Inovasi "{innovation}" {outcome}.'],
      action: 'Lihat kompetisi',
    },
    en: {
      subject: 'Stage {stage} closed — {competition}',
      lines: ['The {stage} stage of {competition} has closed.', '"{innovation}" {outcome}.'],
      action: 'View the competition',
    },
  },
  results_published: {
    fields: { competition: 'text', slug: 'id' },
    link: '/rankings/{slug}',
    id: {
      subject: 'Hasil {competition} telah diumumkan',
      lines: ['Peringkat akhir {competition} telah diterbitkan.'],
      action: 'Lihat peringkat',
    },
    en: {
      subject: '{competition} results are published',
      lines: ['The final ranking of {competition} has been published.'],
      action: 'View the ranking',
    },
  },
  // Account e-mails (e-mail channel only). The payload holds the link's row id; `token` is worked out again at
  // delivery from it and the server secret (see accountToken in @app/common), never stored.
  account_invitation: {
    fields: { name: 'text', tokenId: 'id', expiresAt: 'instant', token: 'id?' },
    link: '/atur-sandi?token={token}',
    id: {
      subject: 'Undangan akun Kompetisi Inovasi Daerah',
      lines: [
        'Halo {name}, akun Anda di Kompetisi Inovasi Daerah telah dibuat.',
        'Buat kata sandi Anda melalui tautan di bawah. Tautan berlaku sampai {expiresAt} dan hanya dapat dipakai sekali.',
      ],
      action: 'Buat kata sandi',
    },
    en: {
      subject: 'Your Kompetisi Inovasi Daerah account',
      lines: [
        'Hello {name}, an account has been created for you on Kompetisi Inovasi Daerah.',
        'Choose your password with the link below. It works once, until {expiresAt}.',
      ],
      action: 'Choose a password',
    },
  },
  password_reset: {
    fields: { name: 'text', tokenId: 'id', expiresAt: 'instant', token: 'id?' },
    link: '/atur-ulang-sandi?token={token}',
    id: {
      subject: 'Atur ulang kata sandi',
      lines: [
        'Halo {name}, kami menerima permintaan untuk mengatur ulang kata sandi akun Anda.',
        'Tautan di bawah berlaku sampai {expiresAt} dan hanya dapat dipakai sekali. Abaikan e-mail ini bila Anda tidak memintanya.',
      ],
      action: 'Atur ulang kata sandi',
    },
    en: {
      subject: 'Reset your password',
      lines: [
        'Hello {name}, we received a request to reset the password of your account.',
        'The link below works once, until {expiresAt}. Ignore this e-mail if you did not ask for it.',
      ],
      action: 'Reset the password',
    },
  },
  proposal_returned: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', comment: 'text' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Proposal dikembalikan untuk perbaikan: {innovation}',
      lines: [
        'Proposal inovasi "{innovation}" ({competition}) dikembalikan oleh koordinator wilayah untuk diperbaiki.',
        'Catatan: {comment}',
        'Perbaiki lalu kirim kembali sebelum batas waktu.',
      ],
      action: 'Perbaiki proposal',
    },
    en: {
      subject: 'Proposal returned for revision: {innovation}',
      lines: [
        'The proposal "{innovation}" ({competition}) was returned for revision by the region\'s coordinator.',
        'Comment: {comment}',
        'Revise it and submit it again before the deadline.',
      ],
      action: 'Revise the proposal',
    },
  },
  proposal_forwarded: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', comment: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Proposal diteruskan ke panitia: {innovation}',
      lines: [
        'Proposal inovasi "{innovation}" ({competition}) telah diteruskan koordinator wilayah ke panitia dan kini terdaftar sebagai peserta.',
        'Catatan: {comment}',
      ],
      action: 'Lihat inovasi',
    },
    en: {
      subject: 'Proposal forwarded to the organizer: {innovation}',
      lines: [
        'The proposal "{innovation}" ({competition}) was forwarded by the region\'s coordinator to the organizer and is now entered.',
        'Comment: {comment}',
      ],
      action: 'View the innovation',
    },
  },
  results_announced: {
    fields: { competition: 'text', competitionId: 'id', closesAt: 'instant' },
    link: '/competitions/{competitionId}',
    id: {
      subject: 'Hasil sementara {competition} diumumkan: masa sanggah dibuka',
      lines: ['Hasil sementara {competition} telah diumumkan.', 'Sanggahan dapat diajukan dari halaman inovasi Anda sampai {closesAt}.'],
      action: 'Lihat kompetisi',
    },
    en: {
      subject: 'Provisional results of {competition}: the objection window is open',
      lines: [
        'The provisional results of {competition} have been announced.',
        "You may file an objection from your innovation's page until {closesAt}.",
      ],
      action: 'View the competition',
    },
  },
  objection_answered: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', decision: { choice: OBJECTION_DECISION }, answer: 'text' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Sanggahan dijawab: {innovation}',
      lines: ['Sanggahan atas inovasi "{innovation}" ({competition}) {decision}.', 'Jawaban panitia: {answer}'],
      action: 'Lihat inovasi',
    },
    en: {
      subject: 'Objection answered: {innovation}',
      lines: ['The objection about "{innovation}" ({competition}) was {decision}.', "The organizer's answer: {answer}"],
      action: 'View the innovation',
    },
  },
  innovation_disqualified: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', reason: 'text' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Inovasi didiskualifikasi: {innovation}',
      lines: ['Inovasi "{innovation}" ({competition}) didiskualifikasi oleh panitia.', 'Alasan: {reason}'],
      action: 'Lihat inovasi',
    },
    en: {
      subject: 'Innovation disqualified: {innovation}',
      lines: ['"{innovation}" ({competition}) was disqualified by the organizer.', 'Reason: {reason}'],
      action: 'View the innovation',
    },
  },
  sheet_reopened: {
    fields: { competition: 'text', innovation: 'text', stage: 'label', assignmentId: 'id', reason: 'text', dueAt: 'instant?' },
    link: '/jury/assignments/{assignmentId}',
    id: {
      subject: 'Lembar nilai dibuka kembali: {innovation}',
      lines: [
        'Panitia membuka kembali lembar nilai Anda untuk inovasi "{innovation}" pada tahap {stage} ({competition}).',
        'Alasan: {reason}',
        'Periksa, lalu kirim kembali sebelum {dueAt}.',
      ],
      action: 'Buka lembar nilai',
    },
    en: {
      subject: 'Score sheet reopened: {innovation}',
      lines: [
        'The organizer reopened your score sheet for "{innovation}" in the {stage} stage ({competition}).',
        'Reason: {reason}',
        'Review it and submit it again before {dueAt}.',
      ],
      action: 'Open the score sheet',
    },
  },
  screening_reopened: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', stage: 'label', reason: 'text' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Keputusan pemeriksaan dibuka kembali: {innovation}',
      lines: [
        'Sanggahan atas inovasi "{innovation}" ({competition}) dikabulkan: keputusan tahap {stage} dibuka kembali dan akan diputuskan ulang oleh panitia.',
        'Alasan: {reason}',
        'Hasil akhir diterbitkan setelah keputusan baru diambil.',
      ],
      action: 'Lihat inovasi',
    },
    en: {
      subject: 'Screening decision reopened: {innovation}',
      lines: [
        'The objection about "{innovation}" ({competition}) was upheld: its {stage} decision is reopened and will be taken again by the organizer.',
        'Reason: {reason}',
        'The results are published once the new decision is taken.',
      ],
      action: 'View the innovation',
    },
  },
  conflict_declared: {
    fields: { competition: 'text', competitionId: 'id', innovation: 'text', juror: 'text', stage: 'label?', reason: 'text?' },
    link: '/competitions/{competitionId}',
    id: {
      subject: 'Konflik kepentingan dinyatakan: {innovation}',
      lines: [
        'Juri {juror} menyatakan konflik kepentingan dengan inovasi "{innovation}" ({competition}).',
        'Penugasannya pada tahap {stage} dilepas dan perlu juri pengganti.',
        'Alasan: {reason}',
      ],
      action: 'Atur penugasan',
    },
    en: {
      subject: 'Conflict of interest declared: {innovation}',
      lines: [
        'Juror {juror} declared a conflict of interest with "{innovation}" ({competition}).',
        'Their assignment in the {stage} stage was released and needs another juror.',
        'Reason: {reason}',
      ],
      action: 'Manage assignments',
    },
  },
  favourite_vote_verify: {
    fields: { competition: 'text', category: 'text', innovation: 'text', tokenId: 'id', expiresAt: 'instant', token: 'id?' },
    link: '/v/{token}',
    id: {
      subject: 'Konfirmasi suara Juara Favorit: {innovation}',
      lines: [
        'Anda memilih "{innovation}" sebagai Juara Favorit kategori {category}, {competition}.',
        'Suara dihitung setelah Anda membuka tautan konfirmasi sebelum {expiresAt}. Abaikan e-mail ini jika Anda tidak memilih.',
      ],
      action: 'Konfirmasi suara saya',
    },
    en: {
      subject: 'Confirm your favourite vote: {innovation}',
      lines: [
        'You voted for "{innovation}" as the favourite in the {category} category of {competition}.',
        'The vote counts once you open the confirmation link before {expiresAt}. Ignore this e-mail if you did not vote.',
      ],
      action: 'Confirm my vote',
    },
  },
  index_verification_started: {
    // To the regions' coordinators: their self-assessment of the edition (the page shows the verification).
    fields: { edition: 'text', slug: 'id', editionId: 'id' },
    link: '/coordinator/indeks/{editionId}',
    id: {
      subject: 'Verifikasi {edition} dimulai',
      lines: ['Penilaian mandiri {edition} telah ditutup dan validator mulai memverifikasi jawaban daerah Anda.'],
      action: 'Lihat penilaian',
    },
    en: {
      subject: '{edition} verification has started',
      lines: ["The self-assessment of {edition} has closed and validators are verifying your region's answers."],
      action: 'View the assessment',
    },
  },
  index_window_moved: {
    fields: {
      edition: 'text',
      window: {
        choice: {
          self_assessment: { id: 'penilaian mandiri', en: 'self-assessment' },
          verification: { id: 'verifikasi', en: 'verification' },
        },
      },
      opensAt: 'instant?',
      closesAt: 'instant?',
      reason: 'text?',
      link: 'path',
    },
    link: '{link}',
    id: {
      subject: 'Jadwal {window} {edition} berubah',
      lines: ['Panitia memindahkan jadwal {window} {edition}.', 'Dibuka: {opensAt}.', 'Ditutup: {closesAt}.', 'Alasan: {reason}'],
      action: 'Buka edisi',
    },
    en: {
      subject: '{edition}: the {window} window has moved',
      lines: ['The organizer moved the {window} window of {edition}.', 'Opens: {opensAt}.', 'Closes: {closesAt}.', 'Reason: {reason}'],
      action: 'Open the edition',
    },
  },
  index_results_published: {
    fields: { edition: 'text', slug: 'id' },
    link: '/indeks/{slug}',
    id: {
      subject: 'Hasil {edition} telah diterbitkan',
      lines: ['Peringkat indeks {edition} telah diterbitkan.'],
      action: 'Lihat peringkat',
    },
    en: {
      subject: '{edition} results are published',
      lines: ['The index ranking of {edition} has been published.'],
      action: 'View the ranking',
    },
  },
  message: {
    fields: { title: 'text', body: 'text', link: 'path?' },
    link: '{link}',
    id: { subject: '{title}', lines: ['{body}'], action: 'Buka' },
    en: { subject: '{title}', lines: ['{body}'], action: 'Open' },
  },
} as const satisfies Record<string, NotificationTypeSpec>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];
/** The outbox also carries the combined daily mail, which no module emits itself. */
export const DIGEST_TYPE = 'digest';
export type OutboxType = NotificationType | typeof DIGEST_TYPE;

type Fields<T extends NotificationType> = (typeof NOTIFICATION_TYPES)[T]['fields'];
type ValueOf<S> = S extends { choice: infer C } ? keyof C & string : S extends 'label' | 'label?' ? string | LocalizedText : string;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends `${string}?` | { optional: true } ? never : K }[keyof F];
type OptionalKeys<F> = Exclude<keyof F, RequiredKeys<F>>;
/** The payload a type needs, e.g. `{competition, innovation, stage, assignmentId, dueAt?}`; extra keys are kept (guards read them). */
export type NotificationPayload<T extends NotificationType> = { [K in RequiredKeys<Fields<T>>]: ValueOf<Fields<T>[K]> } & {
  [K in OptionalKeys<Fields<T>>]?: ValueOf<Fields<T>[K]>;
} & Record<string, unknown>;

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_TYPES, value);
}

function isLocalizedText(value: unknown): value is LocalizedText {
  const v = value as Partial<LocalizedText> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.id === 'string' && v.id.trim() !== '' && typeof v.en === 'string' && v.en.trim() !== ''
  );
}

/** A `label` field's text for a reader of `locale`. */
export function labelIn(value: unknown, locale: Locale): string {
  return isLocalizedText(value) ? value[locale] : String(value);
}

export function fieldKind(spec: FieldSpec): { kind: FieldKind; optional: boolean } {
  if (typeof spec === 'string') return { kind: spec.replace(/\?$/, '') as FieldKind, optional: spec.endsWith('?') };
  return { kind: { choice: spec.choice }, optional: 'optional' in spec };
}

const ID = /^[\w.-]{1,200}$/;
const PATH = /^\/(?!\/)[^\s\\]*$/;

function fieldProblem(kind: FieldKind, value: unknown): string | null {
  if (typeof kind === 'object')
    return typeof value === 'string' && Object.hasOwn(kind.choice, value) ? null : `must be one of ${Object.keys(kind.choice).join(', ')}`;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string';
    case 'instant':
      return isIsoInstant(value) ? null : 'must be an RFC 3339 timestamp with an offset';
    case 'id':
      return typeof value === 'string' && ID.test(value) ? null : 'must be an identifier (letters, digits, "_", "-", ".")';
    case 'path':
      return typeof value === 'string' && PATH.test(value) ? null : 'must be a site-relative path starting with "/"';
    case 'label':
      return (typeof value === 'string' && value.trim() !== '') || isLocalizedText(value)
        ? null
        : 'must be a non-empty string or {id, en} texts';
  }
}

/** The payload's problems against its type's fields (missing, wrong kind); empty when it is usable. */
export function payloadProblems(type: string, payload: unknown): FieldError[] {
  if (!isNotificationType(type)) return [{ field: 'type', message: `must be one of ${NOTIFICATION_TYPE_NAMES.join(', ')}` }];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return [{ field: 'payload', message: 'must be an object' }];
  const values = payload as Record<string, unknown>;
  return Object.entries(NOTIFICATION_TYPES[type].fields as Record<string, FieldSpec>).flatMap(([name, spec]) => {
    const { kind, optional } = fieldKind(spec);
    if (values[name] === undefined || values[name] === null) return optional ? [] : [{ field: `payload.${name}`, message: 'is required' }];
    const problem = fieldProblem(kind, values[name]);
    return problem ? [{ field: `payload.${name}`, message: problem }] : [];
  });
}

/** Throws 400 NOTIFICATION_PAYLOAD_INVALID naming each bad field. */
export function assertPayload(type: string, payload: unknown): void {
  const problems = payloadProblems(type, payload);
  if (problems.length) throw new ValidationFailed(problems, NotificationErrorCode.PayloadInvalid, `Invalid ${type} notification`);
}
