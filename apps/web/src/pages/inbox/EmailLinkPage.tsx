import { useEffect } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { navigate, usePath } from '../../router/router';
import { targetOf } from './links';

/** At the path of an e-mail's link (`/rankings/:slug`, `/innovations/:id` …): on to the page that shows it to this role. */
export function EmailLinkPage() {
  const role = useAuth().session?.user.role;
  const path = usePath();
  useEffect(() => navigate(targetOf(`${path}${location.search}`, role) ?? '/', { replace: true }), [path, role]);
  return null;
}
