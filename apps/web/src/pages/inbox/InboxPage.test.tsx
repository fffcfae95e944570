import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/inbox';
import { json, renderWithProviders, seen } from '../../test/fixtures';
import { InboxPage } from './InboxPage';
import { targetOf } from './links';

describe('targetOf', () => {
  it.each([
    ['http://localhost:3000/rankings/iga-2024-demo', 'opd', '/kompetisi/iga-2024-demo'],
    ['http://localhost:3000/innovations/i1', 'opd', '/opd/innovations/i1'],
    ['http://localhost:3000/innovations/i1', 'coordinator', '/coordinator/innovations/i1'],
    ['http://localhost:3000/innovations/i1', 'juror', '/juri'],
    ['http://localhost:3000/innovations/i1', 'organizer', '/panitia/inovasi/i1'],
    ['http://localhost:3000/innovations/i1', 'admin', '/panitia/inovasi/i1'],
    ['https://inovasi.example.go.id/jury/assignments/a1', 'juror', '/juri/penilaian/a1'],
    ['http://localhost:3000/competitions/c1', 'organizer', '/panitia/edisi/c1'],
    ['http://localhost:3000/competitions/c1', 'opd', '/opd'],
    ['/katalog?q=sitaro', 'opd', '/katalog?q=sitaro'],
    [null, 'opd', null],
  ])('%s for %s → %s', (link, role, target) => expect(targetOf(link, role)).toBe(target));
});

const note = (id: string, title: string, link: string | null = null): Notification => ({
  id,
  type: 'message',
  title,
  body: `${title}.`,
  link,
  payload: {},
  readAt: null,
  createdAt: '2024-11-20T03:00:00Z',
});

describe('InboxPage', () => {
  it('lists the notifications, linked to their pages, and marks one or all read', async () => {
    const calls: string[] = [];
    const read = new Set(['n3']);
    const items = () =>
      [note('n1', 'Hasil diumumkan', 'http://localhost:3000/rankings/iga-2024-demo'), note('n2', 'Tahap ditutup'), note('n3', 'Lama')].map(
        (n) => ({ ...n, readAt: read.has(n.id) ? '2024-11-21T00:00:00Z' : null }),
      );
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { method, path } = await seen(request);
        calls.push(`${method} ${path}`);
        if (path === '/api/notifications/n1/read') read.add('n1');
        if (path === '/api/notifications/read-all') {
          read.add('n2');
          return json(200, { updated: 1 });
        }
        if (method === 'POST')
          return json(
            200,
            items().find((n) => path.includes(n.id)),
          );
        return json(200, { items: items(), total: 3, page: 1, pageSize: 20, unread: 3 - read.size });
      }),
    );
    renderWithProviders(<InboxPage />);
    expect(await screen.findByText('2 belum dibaca')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hasil diumumkan' }).getAttribute('href')).toBe('/kompetisi/iga-2024-demo');
    const cards = screen.getAllByRole('listitem').filter((li) => li.closest('.inbox'));
    expect(cards.map((li) => within(li).queryByText('Baru') !== null)).toEqual([true, true, false]);

    await userEvent.click(screen.getByRole('button', { name: 'Tandai “Hasil diumumkan” sudah dibaca' }));
    expect(await screen.findByText('1 belum dibaca')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tandai semua sudah dibaca' }));
    expect(await screen.findByText('1 pemberitahuan ditandai sudah dibaca.')).toBeTruthy();
    expect(await screen.findByText('0 belum dibaca')).toBeTruthy();
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /api/notifications/n1/read', 'POST /api/notifications/read-all']);
  });
});
