import { Marked } from 'marked';

/** The guides, one per role, in docs/guides/{id,en}/<role>.md. */
export const GUIDE_ROLES = ['opd', 'coordinator', 'juror', 'organizer', 'public'] as const;
export type GuideRole = (typeof GUIDE_ROLES)[number];
export const isGuideRole = (s: string): s is GuideRole => (GUIDE_ROLES as readonly string[]).includes(s);

/** A heading's anchor, written at its end as `{#mengajukan-inovasi}`: the same id in both languages. */
const ANCHOR = /\s*\{#([a-z0-9-]+)\}\s*$/;
const IMAGE = /!\[[^\]]*\]\((?:\.\.\/)?img\/([^)\s]+)\)/g;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The task anchors of a guide, in order. */
export function guideAnchors(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const m = /^#{2,3} .*\{#([a-z0-9-]+)\}\s*$/.exec(line);
    return m ? [m[1]] : [];
  });
}

/** The images a guide shows (file names in docs/guides/img). */
export function guideImages(markdown: string): string[] {
  return [...markdown.matchAll(IMAGE)].map((m) => m[1]);
}

/**
 * Markdown to HTML with marked (the guides are the project's own files, reviewed like code, so their HTML is
 * trusted): headings get their `{#id}` anchors, images their URL from `imageUrl` (the built asset, or a file).
 */
export function renderGuide(markdown: string, imageUrl: (name: string) => string | undefined): string {
  const marked = new Marked({ async: false, gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const m = ANCHOR.exec(inner);
        const text = m ? inner.slice(0, m.index) : inner;
        return m ? `<h${depth} id="${m[1]}">${text}</h${depth}>\n` : `<h${depth}>${text}</h${depth}>\n`;
      },
      image({ href, text }) {
        const name = /^(?:\.\.\/)?img\/(.+)$/.exec(href)?.[1];
        const src = (name && imageUrl(name)) ?? href;
        return `<img src="${escapeAttr(src)}" alt="${escapeAttr(text)}" loading="lazy">`;
      },
    },
  });
  return marked.parse(markdown) as string;
}
