import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '../api/client';
import { ProposalEditor } from '../pages/opd/ProposalEditor';
import { competition, draft, json, renderWithProviders, seen, user } from '../test/fixtures';
import { SignInDialog } from './SignInDialog';

const tokens = (access: string, refresh: string) => ({
  accessToken: access,
  refreshToken: refresh,
  tokenType: 'Bearer' as const,
  expiresIn: 900,
  user,
});

function renderEditorWithDialog() {
  return renderWithProviders(
    <>
      <ProposalEditor innovation={draft} competition={competition} onChange={() => undefined} evidence={() => null} />
      <SignInDialog />
    </>,
  );
}

async function fillForm() {
  await userEvent.clear(screen.getByRole('textbox', { name: /^Judul inovasi/ }));
  await userEvent.type(screen.getByRole('textbox', { name: /^Judul inovasi/ }), 'SiTaro Antar Obat');
  await userEvent.type(screen.getByRole('textbox', { name: /^Ringkasan\s*\(wajib\)$/ }), 'obat diantar ke rumah');
}

describe('token refresh under a half-filled form', () => {
  it('refreshes on a 401, retries the same save with the new token, and keeps the form values', async () => {
    session.signedIn(tokens('old-access', 'refresh-1'));
    const calls: Awaited<ReturnType<typeof seen>>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const call = await seen(request);
        calls.push(call);
        if (call.path === '/api/auth/refresh') return json(200, tokens('new-access', 'refresh-2'));
        if (call.auth === 'Bearer old-access') return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
        return json(200, { ...draft, title: 'SiTaro Antar Obat', version: 2 });
      }),
    );
    renderEditorWithDialog();
    await fillForm();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan draf' }));

    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Draf tersimpan.'));
    expect(calls.map((c) => `${c.method} ${c.path} ${c.auth ?? ''}`.trim())).toEqual([
      'PATCH /api/innovations/i1 Bearer old-access',
      'POST /api/auth/refresh',
      'PATCH /api/innovations/i1 Bearer new-access',
    ]);
    expect(JSON.parse(calls[1].body)).toEqual({ refreshToken: 'refresh-1' });
    expect(calls[2].body).toBe(calls[0].body);
    expect(JSON.parse(calls[2].body)).toMatchObject({ title: 'SiTaro Antar Obat', sections: { ringkasan: 'obat diantar ke rumah' } });
    expect((screen.getByRole('textbox', { name: /^Judul inovasi/ }) as HTMLInputElement).value).toBe('SiTaro Antar Obat');
    expect((screen.getByRole('textbox', { name: /^Ringkasan\s*\(wajib\)$/ }) as HTMLTextAreaElement).value).toBe('obat diantar ke rumah');
    expect(session.session).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when the refresh fails too, asks to sign in over the page and then sends the save, the form untouched', async () => {
    session.signedIn(tokens('old-access', 'dead-refresh'));
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const call = await seen(request);
        calls.push(`${call.method} ${call.path}`);
        if (call.path === '/api/auth/refresh')
          return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Refresh token revoked', code: 'AUTH_REFRESH_INVALID' });
        if (call.path === '/api/auth/login') return json(200, tokens('fresh-access', 'refresh-3'));
        if (call.auth === 'Bearer fresh-access') return json(200, { ...draft, version: 2 });
        return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
      }),
    );
    renderEditorWithDialog();
    await fillForm();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan draf' }));

    const dialog = await screen.findByRole('dialog', { name: 'Sesi Anda berakhir' });
    expect((screen.getByRole('textbox', { name: /^Email/ }) as HTMLInputElement).value).toBe('opd.rsud@demo.local');
    await userEvent.type(screen.getByLabelText('Kata sandi'), 'demo-pass-2024');
    await act(async () => userEvent.click(screen.getByRole('button', { name: 'Masuk' })));

    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Draf tersimpan.'));
    expect(calls).toEqual(['PATCH /api/innovations/i1', 'POST /api/auth/refresh', 'POST /api/auth/login', 'PATCH /api/innovations/i1']);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect((screen.getByRole('textbox', { name: /^Ringkasan\s*\(wajib\)$/ }) as HTMLTextAreaElement).value).toBe('obat diantar ke rumah');
  });

  it('refreshes once for concurrent 401s (the API rotates refresh tokens)', async () => {
    session.signedIn(tokens('old-access', 'refresh-1'));
    let refreshes = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const call = await seen(request);
        if (call.path === '/api/auth/refresh') return (refreshes++, json(200, tokens('new-access', 'refresh-2')));
        return call.auth === 'Bearer new-access'
          ? json(200, [])
          : json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
      }),
    );
    const { waiting, documentsOf } = await import('../api/endpoints');
    await Promise.all([waiting(), documentsOf('i1'), documentsOf('i2')]);
    expect(refreshes).toBe(1);
  });
});
