import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '../api/client';
import { json, renderWithProviders, user } from '../test/fixtures';
import { DocumentList } from './DocumentList';

const doc = { id: 'd1', innovationId: 'i1', kind: 'evidence', fileName: 'sk-inovasi.pdf', mediaType: 'application/pdf', size: 2048, sha256: 'ab'.repeat(32), createdAt: '2026-12-01T08:00:00Z' };

describe('DocumentList', () => {
  it('explains a download whose file is missing from storage (404 DOCUMENT_FILE_MISSING) in the reader’s language', async () => {
    session.signedIn({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, user });
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { statusCode: 404, error: 'Not Found', message: 'the file of document d1 is missing from storage', code: 'DOCUMENT_FILE_MISSING' })));
    renderWithProviders(<DocumentList documents={[doc] as never} />);
    await userEvent.click(screen.getByRole('link', { name: /sk-inovasi\.pdf/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Data tidak ditemukan');
    expect(alert.textContent).toContain('Isi berkas ini tidak ada di penyimpanan');
    vi.unstubAllGlobals();
  });
});
