import { VerifiedTokens, type VerifyToken } from './access-tokens';

const claims = { sub: 'u', sid: 's', role: 'organizer' as const, email: 'a@b.c', name: 'A', org: null, reg: null };

/** A verify that accepts tokens named "good-<exp>[-<nbf>]", as jsonwebtoken would check exp and nbf, and counts its calls. */
function fakeVerify() {
  const calls: string[] = [];
  const verify: VerifyToken = (token, now) => {
    calls.push(token);
    const m = /^good-(\d+)(?:-(\d+))?$/.exec(token);
    if (!m) throw new Error('invalid signature');
    const exp = Number(m[1]);
    const nbf = m[2] === undefined ? undefined : Number(m[2]);
    if (nbf !== undefined && nbf > now) throw new Error('jwt not active');
    if (now >= exp) throw new Error('jwt expired');
    return { ...claims, exp, ...(nbf === undefined ? {} : { nbf }) };
  };
  return { verify, calls };
}

describe('VerifiedTokens (access tokens kept once verified)', () => {
  it('verifies a token once and answers its claims again from what it kept', () => {
    const { verify, calls } = fakeVerify();
    const tokens = new VerifiedTokens(verify);
    expect(tokens.claims('good-100', 10)).toMatchObject({ sub: 'u', role: 'organizer' });
    expect(tokens.claims('good-100', 11)).toMatchObject({ sub: 'u', role: 'organizer' });
    expect(calls).toEqual(['good-100']);
  });

  it('refuses a kept token from its exp on, and one not yet valid (nbf), as jsonwebtoken does', () => {
    const { verify } = fakeVerify();
    const tokens = new VerifiedTokens(verify);
    tokens.claims('good-100', 99);
    expect(() => tokens.claims('good-100', 100)).toThrow('jwt expired');
    tokens.claims('good-100-50', 60);
    expect(() => tokens.claims('good-100-50', 49)).toThrow('jwt not active');
  });

  it('keeps no refused token: every use of a bad one is verified (and refused) again', () => {
    const { verify, calls } = fakeVerify();
    const tokens = new VerifiedTokens(verify);
    expect(() => tokens.claims('forged', 1)).toThrow('invalid signature');
    expect(() => tokens.claims('forged', 1)).toThrow('invalid signature');
    expect(calls).toEqual(['forged', 'forged']);
    expect(tokens.size).toBe(0);
  });

  it('holds at most maxEntries, dropping expired ones first', () => {
    const { verify } = fakeVerify();
    const tokens = new VerifiedTokens(verify, 2);
    tokens.claims('good-20', 10);
    tokens.claims('good-100', 10);
    tokens.claims('good-101', 30); // good-20 has expired: it goes, the others stay
    expect(tokens.size).toBe(2);
    tokens.claims('good-102', 30); // none expired: all go
    expect(tokens.size).toBe(1);
  });
});
