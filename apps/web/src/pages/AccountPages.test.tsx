import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, seen } from '../test/fixtures';
import { ForgotPasswordPage, SetPasswordPage } from './AccountPages';

function stubFetch(answer: () => Response) {
  const calls: Awaited<ReturnType<typeof seen>>[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    calls.push(await seen(input));
    return answer();
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('account pages (issue 19: invitations and password resets)', () => {
  it('the invitation link sets the password with its token and says so', async () => {
    history.replaceState(null, '', '/atur-sandi?token=abc.def');
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    renderWithProviders(<SetPasswordPage purpose="invitation" />);
    await userEvent.type(screen.getByLabelText('Kata sandi baru'), 'sandi-juri-baru-2025');
    await userEvent.type(screen.getByLabelText('Ulangi kata sandi baru'), 'sandi-juri-baru-2025');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringContaining('Kata sandi tersimpan'));
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/auth/invitations/accept',
        body: JSON.stringify({ token: 'abc.def', password: 'sandi-juri-baru-2025' }),
      }),
    ]);
  });

  it('a spent or expired reset link is explained in the reader’s language; two different passwords are caught before sending', async () => {
    history.replaceState(null, '', '/atur-ulang-sandi?token=abc.def');
    const calls = stubFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'AUTH_TOKEN_INVALID',
        message: 'This link is not valid any more',
        details: { fields: [{ field: 'token', message: 'the link is not valid, has expired or was already used' }] },
      }),
    );
    renderWithProviders(<SetPasswordPage purpose="reset" />);
    await userEvent.type(screen.getByLabelText('Kata sandi baru'), 'sandi-juri-baru-2025');
    await userEvent.type(screen.getByLabelText('Ulangi kata sandi baru'), 'sandi-lain-2025');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(screen.getByText('Kedua kata sandi tidak sama.')).toBeTruthy();
    expect(calls).toEqual([]);
    await userEvent.clear(screen.getByLabelText('Ulangi kata sandi baru'));
    await userEvent.type(screen.getByLabelText('Ulangi kata sandi baru'), 'sandi-juri-baru-2025');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByText(/Tautan ini tidak berlaku lagi/)).toBeTruthy();
    expect(calls[0]).toMatchObject({ path: '/api/auth/password-reset/confirm' });
  });

  it('“Lupa kata sandi?” asks for a link and answers the same whatever the address', async () => {
    const calls = stubFetch(() => new Response(null, { status: 202 }));
    renderWithProviders(<ForgotPasswordPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'opd.rsud@demo.local');
    await userEvent.click(screen.getByRole('button', { name: 'Kirim tautan' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringContaining('Jika email tersebut terdaftar'));
    expect(calls).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/auth/password-reset', body: JSON.stringify({ email: 'opd.rsud@demo.local' }) }),
    ]);
  });
});
