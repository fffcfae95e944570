import type { User } from '../../api/types';
import { homeOf } from '../../components/Layout';
import { matchPath } from '../../router/router';
import { proposalPath } from '../organizer/paths';

/** Every role: the pages a session of any role may open (the inbox, an e-mail's link). */
export const SIGNED_IN: readonly User['role'][] = ['opd', 'coordinator', 'juror', 'organizer', 'admin'];

type Target = (params: Record<string, string>, role: string | undefined) => string;

const innovationPage: Target = (p, role) =>
  role === 'opd'
    ? `/opd/innovations/${p.id}`
    : role === 'coordinator'
      ? `/coordinator/innovations/${p.id}`
      : role === 'organizer' || role === 'admin'
        ? proposalPath(p.id)
        : homeOf(role);

/**
 * A notification's link is its e-mail's: PUBLIC_URL + a path of the API's templates (libs/notifications
 * notification-types). Each leads to the page of the web app that shows it to the recipient's role.
 */
export const EMAIL_PATHS: readonly (readonly [pattern: string, target: Target])[] = [
  ['/rankings/:slug', (p) => `/kompetisi/${encodeURIComponent(p.slug)}`],
  ['/innovations/:id', innovationPage],
  ['/jury/assignments/:id', (p, role) => (role === 'juror' ? `/juri/penilaian/${p.id}` : homeOf(role))],
  ['/competitions/:id', (p, role) => (role === 'organizer' || role === 'admin' ? `/panitia/edisi/${p.id}` : homeOf(role))],
];

/** Where a notification's link leads in the web app (its path as is when no template made it); null without a link. */
export function targetOf(link: string | null | undefined, role: string | undefined): string | null {
  if (!link) return null;
  const url = new URL(link, 'http://localhost'); // the base only serves a site-relative link
  for (const [pattern, target] of EMAIL_PATHS) {
    const params = matchPath(pattern, url.pathname);
    if (params) return target(params, role);
  }
  return `${url.pathname}${url.search}`;
}
