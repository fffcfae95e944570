import { redactLinkSecrets, redactPayload } from './link-secrets';

describe('one-time link secrets are kept out of logs and operator views', () => {
  it.each([
    ['/v/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab.SIGNATURE_abc-123', '/v/[redacted]'],
    ['/v/abc?x=1', '/v/[redacted]?x=1'],
    ['/atur-sandi?token=abc.def', '/atur-sandi?token=[redacted]'],
    ['/atur-ulang-sandi?lang=en&token=abc.def&x=2', '/atur-ulang-sandi?lang=en&token=[redacted]&x=2'],
    [
      'https://kid.example/v/tok and https://kid.example/atur-sandi?Token=t2',
      'https://kid.example/v/[redacted] and https://kid.example/atur-sandi?Token=[redacted]',
    ],
    ['/api/public/favourite-polls/1/votes', '/api/public/favourite-polls/1/votes'],
    ['/vote/abc', '/vote/abc'],
  ])('%s → %s', (url, want) => expect(redactLinkSecrets(url)).toBe(want));

  it('hides a payload token and leaves other payloads as they are', () => {
    expect(redactPayload({ tokenId: 'v1', token: 'secret' })).toEqual({ tokenId: 'v1', token: '[redacted]' });
    const p = { competition: 'IGA' };
    expect(redactPayload(p)).toBe(p);
  });
});
