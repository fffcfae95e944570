import { addressKey, FailedLogins, LOGIN_ADDRESS_WINDOW_MS } from './failed-logins';

describe('FailedLogins (per client address, any e-mail)', () => {
  const t0 = Date.UTC(2027, 0, 1);

  it('blocks an address at the limit until its oldest failure leaves the 15-minute window', () => {
    const log = new FailedLogins(3);
    for (const i of [0, 1]) log.record('203.0.113.7', t0 + i * 60_000);
    expect(log.retryAfterMs('203.0.113.7', t0 + 2 * 60_000)).toBe(0);
    log.record('203.0.113.7', t0 + 2 * 60_000);
    expect(log.retryAfterMs('203.0.113.7', t0 + 3 * 60_000)).toBe(LOGIN_ADDRESS_WINDOW_MS - 3 * 60_000);
    // Another address is not affected.
    expect(log.retryAfterMs('198.51.100.9', t0 + 3 * 60_000)).toBe(0);
    // The first failure ages out: one more try, and the window slides on.
    expect(log.retryAfterMs('203.0.113.7', t0 + LOGIN_ADDRESS_WINDOW_MS)).toBe(0);
    log.record('203.0.113.7', t0 + LOGIN_ADDRESS_WINDOW_MS);
    expect(log.retryAfterMs('203.0.113.7', t0 + LOGIN_ADDRESS_WINDOW_MS)).toBe(60_000);
  });

  it('counts IPv4-mapped IPv6 as IPv4 and IPv6 by its /64', () => {
    const log = new FailedLogins(2);
    log.record('::ffff:203.0.113.7', t0);
    log.record('203.0.113.7', t0);
    expect(log.retryAfterMs('203.0.113.7', t0)).toBeGreaterThan(0);
    log.record('2001:db8:1:2::1', t0);
    log.record('2001:db8:1:2:aaaa:bbbb:cccc:dddd', t0);
    expect(log.retryAfterMs('2001:0db8:0001:0002::ffff', t0)).toBeGreaterThan(0);
    expect(log.retryAfterMs('2001:db8:1:3::1', t0)).toBe(0);
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:DB8::', '2001:db8:0:0::/64'],
    ['2001:db8:a:b:c:d:e:f', '2001:db8:a:b::/64'],
  ])('addressKey(%s) = %s', (ip, key) => expect(addressKey(ip)).toBe(key));
});
