import { formatJakartaTime } from '@app/kernel';
import { fieldKind, labelIn, NOTIFICATION_TYPES, type FieldSpec, type Locale, type NotificationType } from './notification-types';

/** What one notification looks like in one language: the e-mail (subject, text, HTML) and the inbox item. */
export interface RenderedMessage {
  subject: string;
  /** Plain-text e-mail: the lines, the link, the footer. */
  text: string;
  /** HTML e-mail; every payload value is escaped. */
  html: string;
  /** The inbox item: the lines without link or footer. */
  body: string;
  /** Absolute link (PUBLIC_URL + the type's path), or null when the type has none. */
  link: string | null;
}

export interface DigestItem {
  type: NotificationType;
  payload: Record<string, unknown>;
}

const FOOTER: Record<Locale, string> = {
  id: 'Pesan otomatis dari Kompetisi Inovasi Daerah. Atur notifikasi Anda di',
  en: 'An automated message from Kompetisi Inovasi Daerah. Manage your notifications at',
};
const DIGEST: Record<Locale, { subject: (n: number) => string; intro: string }> = {
  id: { subject: (n) => `Ringkasan harian: ${n} notifikasi`, intro: 'Berikut notifikasi Anda sejak ringkasan terakhir:' },
  en: {
    subject: (n) => `Daily digest: ${n} notification${n === 1 ? '' : 's'}`,
    intro: 'Here are your notifications since the last digest:',
  },
};
const SETTINGS_PATH = '/settings/notifications';
const PLACEHOLDER = /\{(\w+)\}/g;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Payload values as shown to a reader of `locale`: instants in WIB, choices by their label. */
function displayValues(type: NotificationType, payload: Record<string, unknown>, locale: Locale): Map<string, string> {
  const shown = new Map<string, string>();
  for (const [name, spec] of Object.entries(NOTIFICATION_TYPES[type].fields as Record<string, FieldSpec>)) {
    const value = payload[name];
    if (value === undefined || value === null) continue;
    const { kind } = fieldKind(spec);
    if (typeof kind === 'object') shown.set(name, kind.choice[String(value)]?.[locale] ?? String(value));
    else if (kind === 'instant') shown.set(name, formatJakartaTime(new Date(String(value)), locale));
    else if (kind === 'label') shown.set(name, labelIn(value, locale));
    else shown.set(name, String(value));
  }
  return shown;
}

/** Fills `{name}` placeholders; null when one of them has no value (the line is then left out). */
function fill(template: string, values: Map<string, string>, encode: (value: string, name: string) => string = (v) => v): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = values.get(name);
    if (v === undefined) missing = true;
    return encode(v ?? '', name);
  });
  return missing ? null : out;
}

/** PUBLIC_URL + the type's link path; `path` fields go in as they are, the others URL-encoded. */
function buildLink(type: NotificationType, payload: Record<string, unknown>, publicUrl: string): string | null {
  const template = NOTIFICATION_TYPES[type].link;
  if (!template) return null;
  const fields = NOTIFICATION_TYPES[type].fields as Record<string, FieldSpec>;
  const raw = new Map(
    Object.entries(payload)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
  const path = fill(template, raw, (v, name) => (fieldKind(fields[name]).kind === 'path' ? v : encodeURIComponent(v)));
  return path === null ? null : `${publicUrl}${path}`;
}

function footer(locale: Locale, publicUrl: string): { text: string; html: string } {
  const url = `${publicUrl}${SETTINGS_PATH}`;
  return {
    text: `-- \n${FOOTER[locale]} ${url}`,
    html: `<hr><p style="color:#666;font-size:12px">${escapeHtml(FOOTER[locale])} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  };
}

function htmlDocument(locale: Locale, inner: string): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${inner}</body></html>`;
}

/** Renders a notification in `locale` (payload checked beforehand with `assertPayload`). */
export function renderMessage(
  type: NotificationType,
  payload: Record<string, unknown>,
  locale: Locale,
  publicUrl: string,
): RenderedMessage {
  const wording = NOTIFICATION_TYPES[type][locale];
  const values = displayValues(type, payload, locale);
  const escaped = new Map([...values].map(([k, v]) => [k, escapeHtml(v)]));
  const subject = fill(wording.subject, values) ?? wording.subject;
  const lines = wording.lines.map((l) => fill(l, values)).filter((l): l is string => l !== null);
  const htmlLines = wording.lines.map((l) => fill(escapeHtml(l), escaped)).filter((l): l is string => l !== null);
  const link = buildLink(type, payload, publicUrl);
  const foot = footer(locale, publicUrl);
  const body = lines.join('\n\n');
  return {
    subject,
    body,
    link,
    text: [body, ...(link ? [`${wording.action}: ${link}`] : []), foot.text].join('\n\n'),
    html: htmlDocument(
      locale,
      [
        ...htmlLines.map((l) => `<p>${l}</p>`),
        ...(link ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(wording.action)}</a></p>`] : []),
        foot.html,
      ].join(''),
    ),
  };
}

/** One mail that lists the day's notifications, each by its subject and link. */
export function renderDigest(items: readonly DigestItem[], locale: Locale, publicUrl: string): RenderedMessage {
  const rendered = items.map((i) => renderMessage(i.type, i.payload, locale, publicUrl));
  const subject = DIGEST[locale].subject(items.length);
  const { intro } = DIGEST[locale];
  const foot = footer(locale, publicUrl);
  const textItems = rendered.map((r) => `- ${r.subject}${r.link ? `\n  ${r.link}` : ''}`);
  const htmlItems = rendered.map(
    (r) => `<li>${r.link ? `<a href="${escapeHtml(r.link)}">${escapeHtml(r.subject)}</a>` : escapeHtml(r.subject)}</li>`,
  );
  const body = [intro, ...textItems].join('\n');
  return {
    subject,
    body,
    link: null,
    text: [body, foot.text].join('\n\n'),
    html: htmlDocument(locale, `<p>${escapeHtml(intro)}</p><ul>${htmlItems.join('')}</ul>${foot.html}`),
  };
}
