import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Competition, Innovation, User } from '../api/types';
import { AuthProvider } from '../auth/AuthContext';
import { I18nProvider } from '../i18n/I18nContext';

export const user: User = {
  id: 'u1',
  email: 'opd.rsud@demo.local',
  name: 'Tim RSUD',
  role: 'opd',
  organizationId: null,
  regionId: null,
  affiliations: [],
  locale: 'id',
  active: true,
};

export const competition = {
  id: 'c1',
  slug: 'kipp-2027',
  name: 'KIPP 2027',
  year: 2027,
  status: 'open',
  stages: [],
  createdAt: '2026-11-01T00:00:00Z',
  plan: {
    categories: [{ key: 'kota', label: { id: 'Kota', en: 'City' }, regionKinds: ['kota'] }],
    stages: [],
    bands: [],
    tieBreak: [],
    objectionWindowDays: 5,
    requireCoordinator: false,
    eligibility: { noDuplicateTitle: true, minMonthsImplemented: 12 },
    proposalForm: {
      sections: [
        { key: 'ringkasan', label: { id: 'Ringkasan', en: 'Summary' }, required: true, maxWords: 5 },
        { key: 'catatan', label: { id: 'Catatan', en: 'Notes' }, required: false, maxWords: 10 },
      ],
    },
  },
} as unknown as Competition;

export const draft: Innovation = {
  id: 'i1',
  competitionId: 'c1',
  organizationId: 'o1',
  regionId: 'r1',
  category: 'kota',
  status: 'draft',
  title: 'SiTaro',
  currentStage: null,
  phase: null,
  digital: null,
  submittedAt: null,
  summary: null,
  governmentAffair: null,
  startDate: null,
  problem: null,
  approach: null,
  results: null,
  replicability: null,
  sustainability: null,
  sections: {},
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  version: 1,
};

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** What a test's fetch stub saw: method, path, bearer token and body text. */
export async function seen(request: Request) {
  return {
    method: request.method,
    path: new URL(request.url).pathname,
    auth: request.headers.get('authorization'),
    body: await request.clone().text(),
  };
}

export const renderWithProviders = (ui: ReactElement) =>
  render(
    <I18nProvider>
      <AuthProvider>{ui}</AuthProvider>
    </I18nProvider>,
  );
