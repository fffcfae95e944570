import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_ROLES, guideAnchors, guideImages, renderGuide } from './guide';
import { HELP_LINKS, helpLinkOf } from './links';

const GUIDES = path.resolve(__dirname, '../../../../../docs/guides');
const read = (lang: string, role: string) => readFileSync(path.join(GUIDES, lang, `${role}.md`), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(GUIDES, 'img', 'manifest.json'), 'utf8')) as {
  shots: Record<string, { step: string; sha256: string }>;
};

describe('role guides (docs/guides)', () => {
  it.each(GUIDE_ROLES)('%s: Bahasa Indonesia and English have the same tasks, in the same order, and show the same pictures', (role) => {
    const id = read('id', role);
    const en = read('en', role);
    expect(guideAnchors(id).length).toBeGreaterThan(0);
    expect(guideAnchors(en)).toEqual(guideAnchors(id));
    expect(guideImages(en)).toEqual(guideImages(id));
  });

  it('every screen’s help link leads to a task of its guide', () => {
    for (const [, target] of HELP_LINKS) {
      const [role, task] = target.split('#');
      for (const lang of ['id', 'en'])
        expect({ target, lang, found: guideAnchors(read(lang, role)).includes(task) }).toEqual({ target, lang, found: true });
    }
    expect(helpLinkOf('/juri/penilaian/0b5f3c9e-2f4a-4c3e-9d7a-1a2b3c4d5e6f')).toBe('/bantuan/juror#menilai-proposal');
    expect(helpLinkOf('/bantuan')).toBeNull();
  });

  it('every picture a guide shows is the output of `npm run guides:screenshots` (in its manifest, with the same sha256), and the manifest holds no other', () => {
    const shown = new Set(GUIDE_ROLES.flatMap((role) => ['id', 'en'].flatMap((lang) => guideImages(read(lang, role)))));
    expect(shown.size).toBeGreaterThan(0);
    for (const name of shown) {
      const file = path.join(GUIDES, 'img', name);
      expect({ name, exists: existsSync(file) }).toEqual({ name, exists: true });
      const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
      expect({ name, sha256 }).toEqual({ name, sha256: manifest.shots[name]?.sha256 });
      expect(manifest.shots[name].step).toBeTruthy();
    }
    expect(Object.keys(manifest.shots).sort()).toEqual([...shown].sort());
    expect(
      readdirSync(path.join(GUIDES, 'img'))
        .filter((f) => f.endsWith('.png'))
        .sort(),
    ).toEqual([...shown].sort());
  });

  it('renders headings with their task anchors and pictures with their built URLs', () => {
    const html = renderGuide(
      '# Judul\n\n## Mengajukan *inovasi* {#mengajukan-inovasi}\n\n![Daftar](../img/opd-innovations.png)\n',
      (name) => `/assets/${name}`,
    );
    expect(html).toContain('<h2 id="mengajukan-inovasi">Mengajukan <em>inovasi</em></h2>');
    expect(html).toContain('<img src="/assets/opd-innovations.png" alt="Daftar" loading="lazy">');
    expect(html).toContain('<h1>Judul</h1>');
  });
});
