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
 * `path` (a site-relative link such as `/competitions/x`), or a choice with a label per locale.
 * A trailing `?` marks it optional; a template line that names a missing optional field is left out.
 */
export type FieldKind = 'text' | 'instant' | 'id' | 'path' | { choice: Record<string, LocalizedText> };
export type FieldSpec = FieldKind | `${'text' | 'instant' | 'id' | 'path'}?` | { choice: Record<string, LocalizedText>; optional: true };

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
const OUTCOME = {
  advanced: { id: 'lanjut ke tahap berikutnya', en: 'advances to the next stage' },
  eliminated: { id: 'tidak lanjut ke tahap berikutnya', en: 'does not advance to the next stage' },
};

/** The catalogue: every event that reaches a juror or an OPD (DESIGN §5), plus a free-form `message`. */
export const NOTIFICATION_TYPES = {
  juror_assigned: {
    fields: { competition: 'text', innovation: 'text', stage: 'text', assignmentId: 'id', dueAt: 'instant?' },
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
    fields: { competition: 'text', competitionId: 'id', stage: 'text', closesAt: 'instant?' },
    link: '/competitions/{competitionId}',
    id: { subject: 'Tahap {stage} dibuka — {competition}', lines: ['Tahap {stage} pada {competition} telah dibuka.', 'Tahap ini ditutup pada {closesAt}.'], action: 'Lihat kompetisi' },
    en: { subject: 'Stage {stage} is open — {competition}', lines: ['The {stage} stage of {competition} is now open.', 'It closes on {closesAt}.'], action: 'View the competition' },
  },
  presentation_scheduled: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', startsAt: 'instant', place: 'text?' },
    link: '/innovations/{innovationId}',
    id: { subject: 'Jadwal presentasi: {innovation}', lines: ['Presentasi inovasi "{innovation}" ({competition}) dijadwalkan pada {startsAt}.', 'Tempat: {place}.'], action: 'Lihat jadwal' },
    en: { subject: 'Presentation scheduled: {innovation}', lines: ['The presentation of "{innovation}" ({competition}) is scheduled for {startsAt}.', 'Place: {place}.'], action: 'View the schedule' },
  },
  presentation_moved: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', startsAt: 'instant', previousStartsAt: 'instant?', place: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal presentasi berubah: {innovation}',
      lines: ['Presentasi inovasi "{innovation}" ({competition}) dipindahkan ke {startsAt}.', 'Jadwal sebelumnya: {previousStartsAt}.', 'Tempat: {place}.'],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Presentation moved: {innovation}',
      lines: ['The presentation of "{innovation}" ({competition}) has moved to {startsAt}.', 'Previously: {previousStartsAt}.', 'Place: {place}.'],
      action: 'View the schedule',
    },
  },
  field_visit_scheduled: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', visitAt: 'instant', address: 'text?' },
    link: '/innovations/{innovationId}',
    id: { subject: 'Jadwal verifikasi lapangan: {innovation}', lines: ['Verifikasi lapangan inovasi "{innovation}" ({competition}) dijadwalkan pada {visitAt}.', 'Lokasi: {address}.'], action: 'Lihat jadwal' },
    en: { subject: 'Field visit scheduled: {innovation}', lines: ['The field visit for "{innovation}" ({competition}) is scheduled for {visitAt}.', 'Location: {address}.'], action: 'View the schedule' },
  },
  field_visit_moved: {
    fields: { competition: 'text', innovation: 'text', innovationId: 'id', visitAt: 'instant', previousVisitAt: 'instant?', address: 'text?' },
    link: '/innovations/{innovationId}',
    id: {
      subject: 'Jadwal verifikasi lapangan berubah: {innovation}',
      lines: ['Verifikasi lapangan inovasi "{innovation}" ({competition}) dipindahkan ke {visitAt}.', 'Jadwal sebelumnya: {previousVisitAt}.', 'Lokasi: {address}.'],
      action: 'Lihat jadwal',
    },
    en: {
      subject: 'Field visit moved: {innovation}',
      lines: ['The field visit for "{innovation}" ({competition}) has moved to {visitAt}.', 'Previously: {previousVisitAt}.', 'Location: {address}.'],
      action: 'View the schedule',
    },
  },
  scoring_reminder: {
    fields: { competition: 'text', innovation: 'text', stage: 'text', assignmentId: 'id', dueAt: 'instant' },
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
    id: { subject: 'Hasil seleksi administrasi: {innovation}', lines: ['Inovasi "{innovation}" ({competition}) dinyatakan {decision} seleksi administrasi.', 'Catatan: {reason}'], action: 'Lihat inovasi' },
    en: { subject: 'Screening result: {innovation}', lines: ['"{innovation}" ({competition}) has {decision} the administrative screening.', 'Note: {reason}'], action: 'View the innovation' },
  },
  stage_closed: {
    fields: { competition: 'text', competitionId: 'id', stage: 'text', innovation: 'text?', outcome: { choice: OUTCOME, optional: true } },
    link: '/competitions/{competitionId}',
    id: { subject: 'Tahap {stage} ditutup — {competition}', lines: ['Tahap {stage} pada {competition} telah ditutup.', 'Inovasi "{innovation}" {outcome}.'], action: 'Lihat kompetisi' },
    en: { subject: 'Stage {stage} closed — {competition}', lines: ['The {stage} stage of {competition} has closed.', '"{innovation}" {outcome}.'], action: 'View the competition' },
  },
  results_published: {
    fields: { competition: 'text', slug: 'id' },
    link: '/rankings/{slug}',
    id: { subject: 'Hasil {competition} telah diumumkan', lines: ['Peringkat akhir {competition} telah diterbitkan.'], action: 'Lihat peringkat' },
    en: { subject: '{competition} results are published', lines: ['The final ranking of {competition} has been published.'], action: 'View the ranking' },
  },
  index_verification_started: {
    fields: { edition: 'text', slug: 'id' },
    link: '/index/{slug}',
    id: { subject: 'Verifikasi {edition} dimulai', lines: ['Penilaian mandiri {edition} telah ditutup dan validator mulai memverifikasi jawaban daerah Anda.'], action: 'Lihat penilaian' },
    en: { subject: '{edition} verification has started', lines: ['The self-assessment of {edition} has closed and validators are verifying your region\'s answers.'], action: 'View the assessment' },
  },
  index_results_published: {
    fields: { edition: 'text', slug: 'id' },
    link: '/index/{slug}',
    id: { subject: 'Hasil {edition} telah diterbitkan', lines: ['Peringkat indeks {edition} telah diterbitkan.'], action: 'Lihat peringkat' },
    en: { subject: '{edition} results are published', lines: ['The index ranking of {edition} has been published.'], action: 'View the ranking' },
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
type ValueOf<S> = S extends { choice: infer C } ? keyof C & string : string;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends `${string}?` | { optional: true } ? never : K }[keyof F];
type OptionalKeys<F> = Exclude<keyof F, RequiredKeys<F>>;
/** The payload a type needs, e.g. `{competition, innovation, stage, assignmentId, dueAt?}`; extra keys are kept (guards read them). */
export type NotificationPayload<T extends NotificationType> = { [K in RequiredKeys<Fields<T>>]: ValueOf<Fields<T>[K]> } & {
  [K in OptionalKeys<Fields<T>>]?: ValueOf<Fields<T>[K]>;
} & Record<string, unknown>;

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_TYPES, value);
}

export function fieldKind(spec: FieldSpec): { kind: FieldKind; optional: boolean } {
  if (typeof spec === 'string') return { kind: spec.replace(/\?$/, '') as FieldKind, optional: spec.endsWith('?') };
  return { kind: { choice: spec.choice }, optional: 'optional' in spec };
}

const ID = /^[\w.-]{1,200}$/;
const PATH = /^\/(?!\/)[^\s\\]*$/;

function fieldProblem(kind: FieldKind, value: unknown): string | null {
  if (typeof kind === 'object') return typeof value === 'string' && Object.hasOwn(kind.choice, value) ? null : `must be one of ${Object.keys(kind.choice).join(', ')}`;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string';
    case 'instant':
      return isIsoInstant(value) ? null : 'must be an RFC 3339 timestamp with an offset';
    case 'id':
      return typeof value === 'string' && ID.test(value) ? null : 'must be an identifier (letters, digits, "_", "-", ".")';
    case 'path':
      return typeof value === 'string' && PATH.test(value) ? null : 'must be a site-relative path starting with "/"';
  }
}

/** The payload's problems against its type's fields (missing, wrong kind); empty when it is usable. */
export function payloadProblems(type: string, payload: unknown): FieldError[] {
  if (!isNotificationType(type)) return [{ field: 'type', message: `must be one of ${NOTIFICATION_TYPE_NAMES.join(', ')}` }];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [{ field: 'payload', message: 'must be an object' }];
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
