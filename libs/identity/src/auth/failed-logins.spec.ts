import { addressKey, LOGIN_ADDRESS_WINDOW_MS, retryAfterMs } from './failed-logins';

describe('retryAfterMs (failed sign-ins per client address, any e-mail)', () => {
  const t0 = Date.UTC(2027, 0, 1);
  const min = 60_000;

  it.each([
    ['below the limit', [t0, t0 + min], 3, t0 + 2 * min, 0],
    [
      'at the limit: until the oldest failure leaves the window',
      [t0, t0 + min, t0 + 2 * min],
      3,
      t0 + 3 * min,
      LOGIN_ADDRESS_WINDOW_MS - 3 * min,
    ],
    ['the oldest aged out: one more try', [t0, t0 + min, t0 + 2 * min], 3, t0 + LOGIN_ADDRESS_WINDOW_MS, 0],
    ['the window slides on', [t0 + min, t0 + 2 * min, t0 + LOGIN_ADDRESS_WINDOW_MS], 3, t0 + LOGIN_ADDRESS_WINDOW_MS, min],
    [
      'more kept than the limit: the limit-th newest decides',
      [t0, t0 + min, t0 + 2 * min],
      2,
      t0 + 3 * min,
      LOGIN_ADDRESS_WINDOW_MS - 2 * min,
    ],
    ['none', [], 1, t0, 0],
  ])('%s', (_name, hits, limit, now, wait) => expect(retryAfterMs(hits, limit, LOGIN_ADDRESS_WINDOW_MS, now)).toBe(wait));

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:DB8::', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['2001:db8:a:b:c:d:e:f', '2001:db8:a:b::/64'],
  ])('addressKey(%s) = %s', (ip, key) => expect(addressKey(ip)).toBe(key));
});
