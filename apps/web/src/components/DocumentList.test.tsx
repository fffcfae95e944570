import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { session } from '../api/client';
import { DocumentPage } from '../pages/DocumentPage';
import { json, renderWithProviders, seen } from '../test/fixtures';
import { DocumentList } from './DocumentList';

const doc = {
  id: 'd1',
  innovationId: 'i1',
  kind: 'evidence',
  fileName: 'SK Inovasi.pdf',
  mediaType: 'application/pdf',
  size: 2048,
  sha256: 'x',
  createdAt: '2026-11-01T00:00:00Z',
};

describe('evidence documents open in a new tab', () => {
  it('links each document to the web app’s document page, not to the API (which needs the bearer token)', () => {
    renderWithProviders(<DocumentList documents={[doc as never]} />);
    const link = screen.getByRole('link', { name: 'Unduh SK Inovasi.pdf' });
    expect(link.getAttribute('href')).toBe('/dokumen/d1?name=SK%20Inovasi.pdf');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('the document page fetches the file with the session’s token and shows it', async () => {
    session.signedIn({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      user: {
        id: 'u1',
        email: 'organizer@demo.local',
        name: 'Panitia',
        role: 'organizer',
        organizationId: null,
        regionId: null,
        affiliations: [],
        locale: 'id',
        active: true,
      },
    } as never);
    const calls: Awaited<ReturnType<typeof seen>>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        calls.push(await seen(request));
        return request.headers.get('authorization') === 'Bearer access-1'
          ? new Response('%PDF-1.4', { status: 200, headers: { 'content-type': 'application/pdf' } })
          : json(401, { statusCode: 401 });
      }),
    );
    URL.createObjectURL = vi.fn(() => 'blob:http://localhost/abc');
    history.replaceState(null, '', '/dokumen/d1?name=SK%20Inovasi.pdf');
    renderWithProviders(<DocumentPage id="d1" />);
    expect((await screen.findByRole('link', { name: 'Unduh SK Inovasi.pdf' })).getAttribute('href')).toBe('blob:http://localhost/abc');
    expect(calls.map((c) => [c.path, c.auth])).toEqual([['/api/documents/d1', 'Bearer access-1']]);
    session.signOut();
  });
});
