import { matchPath } from '../../router/router';

/**
 * Each screen's part of the guide: `role#task` (the task anchors are the same in both languages).
 * apps/web/src/pages/help/guides.test.ts checks that every target exists in both languages.
 */
export const HELP_LINKS: readonly (readonly [pattern: string, target: string])[] = [
  ['/opd', 'opd#mengajukan-inovasi'],
  ['/opd/innovations/:id', 'opd#melengkapi-proposal'],
  ['/coordinator', 'coordinator#memeriksa-proposal'],
  ['/coordinator/innovations/:id', 'coordinator#memeriksa-proposal'],
  ['/juri', 'juror#melihat-tugas'],
  ['/juri/penilaian/:id', 'juror#menilai-proposal'],
  ['/panitia', 'organizer#menyiapkan-edisi'],
  ['/panitia/direktori', 'organizer#impor-direktori'],
  ['/panitia/notifikasi-gagal', 'organizer#notifikasi-gagal'],
  ['/panitia/inovasi/:id', 'organizer#menjalankan-tahap'],
  ['/panitia/edisi/:id', 'organizer#menyiapkan-edisi'],
  ['/panitia/edisi/:id/rencana', 'organizer#menyiapkan-edisi'],
  ['/panitia/edisi/:id/inovasi', 'organizer#menjalankan-tahap'],
  ['/panitia/edisi/:id/tahap/:key', 'organizer#menugaskan-juri'],
  ['/panitia/edisi/:id/hasil', 'organizer#menerbitkan-hasil'],
  ['/hasil', 'public#melihat-hasil'],
  ['/kompetisi/:slug', 'public#memverifikasi-hasil'],
  ['/katalog', 'public#melihat-hasil'],
  ['/inovasi/:id', 'public#melihat-hasil'],
];

/** The guide link of the screen at `path` (`/bantuan/<role>#<task>`), or null. */
export function helpLinkOf(path: string): string | null {
  const hit = HELP_LINKS.find(([pattern]) => matchPath(pattern, path));
  if (!hit) return null;
  const [role, task] = hit[1].split('#');
  return `/bantuan/${role}#${task}`;
}
