import type { RankingView } from '../rankings-read-model';
import { escapeHtml, rankingsPage } from './rankings-html';

const view: RankingView = {
  competition: { id: 'c', slug: 'iga-2024', name: 'IGA <2024>', year: 2024 },
  snapshot: {
    id: 's1',
    version: 2,
    hash: 'sha256:abc',
    inputsDigest: 'sha256:def',
    publishedAt: new Date('2024-11-20T03:00:00Z'),
    reason: 'Koreksi "nilai"',
  },
  categories: {
    kota: [
      {
        rank: 1,
        innovationId: 'i1',
        title: 'SiTaro <script>alert(1)</script>',
        organization: 'RSUD & Co',
        region: 'Kota Bekasi',
        final: 92.7967,
        band: 'Sangat Inovatif',
        stages: { desk: 91.65 },
      },
    ],
  },
  unranked: [],
  unrankedCounts: { kota: { total: 1200, byStage: { none: 200, desk: 1000 } } },
  stages: [{ key: 'desk', label: { id: 'Penilaian proposal', en: 'Desk review' }, weight: 40 }],
  versions: [],
};

describe('rankingsPage', () => {
  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    [null, ''],
    [42, '42'],
  ])('escapeHtml(%j) → %j', (input, out) => expect(escapeHtml(input)).toBe(out));

  it('fills the shell’s root and title, escaping every value from the snapshot', () => {
    const shell =
      '<html><head><title>App</title></head><body><div id="root"></div><script type="module" src="/assets/a.js"></script></body></html>';
    const html = rankingsPage(view, shell);
    expect(html).toContain('<title>IGA &lt;2024&gt; 2024 — Peringkat / Rankings</title>');
    expect(html).toContain('<div id="root"><main class="prerendered-rankings"');
    expect(html).toContain('<script type="module" src="/assets/a.js"></script>');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('SiTaro &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('RSUD &amp; Co');
    expect(html).toContain('Koreksi &quot;nilai&quot;');
    expect(html).toContain('<td>1</td><td><a href="/inovasi/i1">');
    expect(html).toContain('<td>91,65</td><td>92,7967</td><td>Sangat Inovatif</td>');
    expect(html).toContain('Kota (City): 1.200 (Belum dinilai / not scored: 200, Penilaian proposal: 1.000)');
    expect(html).toContain('/api/public/competitions/iga-2024/rankings.csv?version=2');
  });

  it("a name with replacement patterns ($', $&, $`, $$) is written as typed, not expanded (issue 19)", () => {
    const shell = '<html><head><title>App</title></head><body><div id="root"></div></body></html>';
    const name = "IGA $' $& $` $$ $1";
    const html = rankingsPage({ ...view, competition: { ...view.competition, name } }, shell);
    expect(html).toContain(`<title>${escapeHtml(name)} 2024 — Peringkat / Rankings</title>`);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"><main class="prerendered-rankings"');
  });

  it('stands alone without a shell (or with one it cannot fill)', () => {
    for (const shell of [null, '<html><body><div id="app"></div></body></html>']) {
      const html = rankingsPage(view, shell);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<main class="prerendered-rankings"');
    }
  });
});
