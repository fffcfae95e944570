import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, seen } from '../../test/fixtures';
import { FavouriteVotePage, VoteConfirmPage } from './FavouriteVotePage';

const poll = {
  id: 'p1',
  competition: 'IGA 2025',
  category: 'kota',
  opensAt: '2025-08-01T00:00:00Z',
  closesAt: '2025-08-10T00:00:00Z',
  open: true,
  candidates: [
    { innovationId: 'i-sitaro', title: 'SiTaro', organization: 'RSUD Kota Bekasi' },
    { innovationId: 'i-patriot', title: 'Patriot Mantap', organization: 'Disdukcapil Kota Bekasi' },
  ],
  results: null,
};

describe('FavouriteVotePage (/favorit/:id)', () => {
  it('sends the chosen innovation and e-mail, then asks the voter to open the confirmation link', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { method, path, body } = await seen(request);
        if (method === 'POST')
          return (posts.push([path, JSON.parse(body)]), json(202, { status: 'verification_sent', expiresAt: '2025-08-02T00:00:00Z' }));
        return json(200, poll);
      }),
    );
    renderWithProviders(<FavouriteVotePage id="p1" />);
    fireEvent.click(await screen.findByLabelText('Patriot Mantap — Disdukcapil Kota Bekasi'));
    fireEvent.change(screen.getByLabelText('E-mail Anda (tautan konfirmasi dikirim ke sini)'), { target: { value: 'ani@gmail.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim suara' }));
    await screen.findByText('Periksa e-mail Anda: suara dihitung setelah tautan konfirmasi dibuka.');
    expect(posts).toEqual([['/api/public/favourite-polls/p1/votes', { innovationId: 'i-patriot', email: 'ani@gmail.com' }]]);
  });

  it('after closing shows the tally and its fingerprint instead of the form', async () => {
    const results = {
      rows: [
        { innovationId: 'i-sitaro', votes: 2 },
        { innovationId: 'i-patriot', votes: 1 },
      ],
      hash: 'sha256:abc123',
      input: { poll: 'p1', candidates: {} },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { ...poll, open: false, results })),
    );
    renderWithProviders(<FavouriteVotePage id="p1" />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'SiTaro (RSUD Kota Bekasi) — 2 suara',
      'Patriot Mantap (Disdukcapil Kota Bekasi) — 1 suara',
    ]);
    expect(screen.getByText(/sha256:abc123/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim suara' })).toBeNull();
  });
});

describe('VoteConfirmPage (/v/:token)', () => {
  it('confirms the vote with the link token', async () => {
    const bodies: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async (request: Request) => (
          bodies.push((await seen(request)).body),
          json(200, { verified: true, innovationId: 'i-sitaro', verifiedAt: '2025-08-02T00:00:00Z' })
        ),
      ),
    );
    renderWithProviders(<VoteConfirmPage token="tok-123456789012345678901" />);
    await screen.findByText('Suara Anda sudah dihitung. Terima kasih!');
    expect(bodies).toEqual([JSON.stringify({ token: 'tok-123456789012345678901' })]);
  });
});
