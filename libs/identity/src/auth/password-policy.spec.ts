import { passwordFieldErrors } from './password-policy';

describe('password policy (length rules and zxcvbn strength, issue 19)', () => {
  it.each([
    ['aaaaaaaaaa', /too easy to guess/],
    ['password123', /too easy to guess/],
    ['qwertyuiop', /too easy to guess/],
    ['1234567890ab', /too easy to guess/],
    ['jakarta12345', /too easy to guess/],
    ['budi.santoso2024', /too easy to guess/], // the account's own name
    ['pendek-9', /at least 10 characters/],
    ['12345678901234', /only digits/],
  ])('refuses %j', (password, message) => {
    const errors = passwordFieldErrors(password, 'budi.santoso@bekasikota.go.id', 'Budi Santoso');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.field === 'password')).toBe(true);
    expect(errors.map((e) => e.message).join(' ')).toMatch(message);
  });

  it.each(['demo-pass-2024', 'kebijakan-sandi-2025', 'juri-ketik-2025-rahasia', 'Kopi tubruk & 7 ekor kucing'])(
    'accepts %j',
    (password) => {
      expect(passwordFieldErrors(password, 'budi.santoso@bekasikota.go.id', 'Budi Santoso')).toEqual([]);
    },
  );
});
