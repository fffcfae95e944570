export const ROLES = ['admin', 'organizer', 'coordinator', 'opd', 'juror'] as const;
export type Role = (typeof ROLES)[number];

export type Affiliation = { type: 'organization'; organizationId: string } | { type: 'region'; regionId: string };

/** The signed-in user as the rest of the system sees it (from the access token). */
export interface Actor {
  id: string;
  role: Role;
  email: string;
  name: string;
  organizationId: string | null;
  regionId: string | null;
  sessionId: string;
}

/** Which binding each role needs: an OPD user belongs to one organization, a coordinator to one region. */
export function bindingError(
  role: Role,
  organizationId: string | null | undefined,
  regionId: string | null | undefined,
): { field: string; message: string } | null {
  if (role === 'opd' && !organizationId) return { field: 'organizationId', message: 'an opd user must belong to an organization' };
  if (role === 'coordinator' && !regionId) return { field: 'regionId', message: 'a coordinator must be bound to a region' };
  if (role !== 'opd' && organizationId)
    return { field: 'organizationId', message: `only opd users belong to an organization (role is ${role})` };
  if (role !== 'coordinator' && regionId)
    return { field: 'regionId', message: `only coordinators are bound to a region (role is ${role})` };
  return null;
}

/** Password policy (ASVS 2.1): at least 10 characters, not all one character class of digits, not the e-mail. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('must be at least 10 characters long');
  if (password.length > 200) problems.push('must be at most 200 characters long');
  if (/^\d+$/.test(password)) problems.push('must not be only digits');
  if (email && password.toLowerCase() === email.toLowerCase()) problems.push('must not be the e-mail address');
  return problems;
}
