/** Evidence files are recognised by their first bytes, never by their name or the client's content type. */
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

const SIGNATURES: { type: EvidenceMediaType; bytes: number[]; extension: string }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: 'pdf' }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: 'png' },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extension: 'jpg' },
];

/** The media type whose signature starts `head`, or null. */
export function sniffMediaType(head: Uint8Array): EvidenceMediaType | null {
  const hit = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b));
  return hit?.type ?? null;
}

export function extensionOf(type: EvidenceMediaType): string {
  return SIGNATURES.find((s) => s.type === type)!.extension;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, bounded. */
export function safeFileName(name: string | undefined, type: EvidenceMediaType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  const ext = extensionOf(type);
  if (!cleaned) return `dokumen.${ext}`;
  return cleaned.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && /\.jpe?g$/i.test(cleaned)) ? cleaned : `${cleaned}.${ext}`;
}
