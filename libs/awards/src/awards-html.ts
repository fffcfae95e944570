import { escapeHtml as esc, pageInShell } from '@app/results';
import type { AwardResultsView } from './dto/awards.dto';

const score = (n: number | undefined) =>
  n === undefined ? '—' : n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/**
 * The published award results as plain HTML, readable without JavaScript: one table per category and per award
 * group (rank, region linked to its index page, flagship innovations, stage scores, final score), and how to
 * verify the snapshot. Bahasa Indonesia first, English after.
 */
export function awardsBody(view: AwardResultsView): string {
  const { competition, snapshot, stages, index } = view;
  const published = new Date(snapshot.publishedAt);
  const parts: string[] = [
    `<main class="prerendered-rankings" data-prerendered="awards">`,
    `<p><a href="/hasil">Hasil kompetisi / Results</a></p>`,
  ];
  parts.push(`<h1>${esc(competition.name)}</h1>`);
  parts.push(
    `<p>Penghargaan daerah versi ${snapshot.version} (region award, version ${snapshot.version}), diumumkan / published ` +
      `<time datetime="${published.toISOString()}">${esc(published.toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }))} WIB</time>. ` +
      `Nominasi dari / nominated from ${esc(index.name)} (versi / version ${index.version}).</p>`,
  );
  for (const section of view.sections) {
    if (!section.rows.length) continue;
    parts.push(`<section><h2>${esc(section.label.id)} / ${esc(section.label.en)}</h2>`);
    parts.push(
      `<table><caption>${esc(section.label.id)} (${section.rows.length} daerah / regions)</caption><thead><tr><th scope="col">Peringkat / rank</th><th scope="col">Daerah / region</th><th scope="col">Inovasi unggulan / flagship innovations</th>` +
        stages.map((st) => `<th scope="col">${esc(st.label.id)} / ${esc(st.label.en)} (${esc(st.weight)}%)</th>`).join('') +
        `<th scope="col">Nilai akhir / final</th></tr></thead><tbody>`,
    );
    for (const r of section.rows) {
      parts.push(
        `<tr><td>${r.rank}</td><td><a href="${esc(r.indexUrl)}">${esc(r.region)}</a></td><td>${r.flagship.map((f) => esc(f.title)).join('; ') || '—'}</td>` +
          stages.map((st) => `<td>${score(r.stages[st.key])}</td>`).join('') +
          `<td>${score(r.final)}</td></tr>`,
      );
    }
    parts.push(`</tbody></table></section>`);
  }
  parts.push(
    `<section><h2>Verifikasi / verify</h2><p>Hash snapshot: <code>${esc(snapshot.hash)}</code> · <a href="/api/public/rankings/${esc(snapshot.id)}">snapshot JSON</a></p>` +
      `<p>Unduh snapshot JSON lalu jalankan / download the snapshot JSON, then run: <code>npm run -s cli -- verify FILE</code></p></section>`,
    `</main>`,
  );
  return parts.join('\n');
}

/** The page: the web app's index.html with the results inside its root element, or a standalone document. */
export function awardsPage(view: AwardResultsView, shell: string | null): string {
  return pageInShell(`${view.competition.name} — Penghargaan daerah / Region awards`, awardsBody(view), shell);
}
