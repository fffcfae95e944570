import type { RankingView } from '../rankings-read-model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML content and attribute values (everything from the snapshot is data, never markup). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CATEGORY: Record<string, string> = { kota: 'Kota (City)', kabupaten: 'Kabupaten (Regency)', provinsi: 'Provinsi (Province)' };
const categoryLabel = (key: string) => CATEGORY[key] ?? key;
const score = (n: number | undefined) =>
  n === undefined ? '—' : n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const count = (n: number) => n.toLocaleString('id-ID');

/**
 * The public rankings of a snapshot as plain HTML, readable without JavaScript: one table per category
 * (rank, innovation, organization, region, stage scores, final score and band), the unranked counts, and how
 * to verify the snapshot. Labels are Bahasa Indonesia first, English after.
 */
export function rankingsBody(view: RankingView): string {
  const { competition, snapshot, stages } = view;
  const slug = encodeURIComponent(competition.slug);
  const published = new Date(snapshot.publishedAt);
  const parts: string[] = [];
  parts.push(`<main class="prerendered-rankings" data-prerendered="rankings">`);
  parts.push(`<p><a href="/hasil">Hasil kompetisi / Results</a></p>`);
  parts.push(`<h1>${escapeHtml(competition.name)} ${escapeHtml(competition.year)}</h1>`);
  parts.push(
    `<p>Peringkat resmi versi ${snapshot.version} (official ranking, version ${snapshot.version}), diumumkan / published ` +
      `<time datetime="${published.toISOString()}">${escapeHtml(published.toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }))} WIB</time>.` +
      (snapshot.reason ? ` Koreksi / correction: ${escapeHtml(snapshot.reason)}` : '') +
      `</p>`,
  );
  parts.push(
    `<p>Unduh / download: <a href="/api/public/competitions/${slug}/rankings.csv?version=${snapshot.version}">CSV</a> · ` +
      `<a href="/api/public/competitions/${slug}/rankings.xlsx?version=${snapshot.version}">XLSX</a> · ` +
      `<a href="/api/public/rankings/${escapeHtml(snapshot.id)}">snapshot JSON</a></p>`,
  );
  for (const [category, rows] of Object.entries(view.categories)) {
    parts.push(`<section><h2>Kategori / category ${escapeHtml(categoryLabel(category))}</h2>`);
    parts.push(
      `<table><caption>Peringkat kategori ${escapeHtml(categoryLabel(category))} (${count(rows.length)} inovasi / innovations)</caption>`,
    );
    parts.push(
      `<thead><tr><th scope="col">Peringkat / rank</th><th scope="col">Inovasi / innovation</th><th scope="col">Perangkat daerah / agency</th><th scope="col">Daerah / region</th>` +
        stages
          .map((st) => `<th scope="col">${escapeHtml(st.label.id)} / ${escapeHtml(st.label.en)} (${escapeHtml(st.weight)}%)</th>`)
          .join('') +
        `<th scope="col">Nilai akhir / final</th><th scope="col">Predikat / band</th></tr></thead><tbody>`,
    );
    for (const r of rows) {
      parts.push(
        `<tr><td>${r.rank}</td><td><a href="/inovasi/${escapeHtml(r.innovationId)}">${escapeHtml(r.title)}</a></td><td>${escapeHtml(r.organization)}</td><td>${escapeHtml(r.region)}</td>` +
          stages.map((st) => `<td>${score(r.stages[st.key])}</td>`).join('') +
          `<td>${score(r.final)}</td><td>${escapeHtml(r.band ?? '—')}</td></tr>`,
      );
    }
    parts.push(`</tbody></table></section>`);
  }
  const unranked = Object.entries(view.unrankedCounts);
  if (unranked.length) {
    parts.push(
      `<section><h2>Tidak berperingkat / not ranked</h2><p>Inovasi yang tidak dinilai di semua tahap berbobot tidak diberi peringkat. / Innovations not scored in every weighted stage get no rank.</p><ul>`,
    );
    for (const [category, c] of unranked) {
      const byStage = Object.entries(c.byStage)
        .map(
          ([stage, n]) =>
            `${stage === 'none' ? 'Belum dinilai / not scored' : escapeHtml(stages.find((s) => s.key === stage)?.label.id ?? stage)}: ${count(n)}`,
        )
        .join(', ');
      parts.push(`<li>${escapeHtml(categoryLabel(category))}: ${count(c.total)} (${byStage})</li>`);
    }
    parts.push(`</ul></section>`);
  }
  parts.push(
    `<section><h2>Verifikasi / verify</h2><p>Hash snapshot: <code>${escapeHtml(snapshot.hash)}</code><br>Inputs digest: <code>${escapeHtml(snapshot.inputsDigest)}</code></p>` +
      `<p>Unduh snapshot JSON lalu jalankan / download the snapshot JSON, then run: <code>npm run -s cli -- verify FILE</code></p></section>`,
  );
  parts.push(`</main>`);
  return parts.join('\n');
}

/**
 * The page: the web app's index.html with the rankings inside its root element (the app replaces them when
 * its script runs) and the competition in the title. Without a shell, a standalone document.
 */
export function rankingsPage(view: RankingView, shell: string | null): string {
  return pageInShell(`${view.competition.name} ${view.competition.year} — Peringkat / Rankings`, rankingsBody(view), shell);
}

/** A server-rendered body inside the web app's index.html (its title replaced), or a standalone document without one. */
export function pageInShell(title: string, body: string, shell: string | null): string {
  if (shell && shell.includes('<div id="root"></div>')) {
    // Function replacers: a replacement string would read `$'`, `$&`, `$`` in a competition's name as patterns.
    return shell
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
      .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`);
  }
  return `<!doctype html>\n<html lang="id">\n<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}
