import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DeliveryService } from '@app/notifications';
import { createTestApp, type TestApp } from '../support/test-app';
import { accountLinkToken, bearer, idOf, login, seedDemo } from '../support/factories';

/**
 * Issue 19 (2): an organizer could create an `opd` account of any organization with a password of their
 * choice and so read that organization's innovations, and every organizer saw every account's e-mail. Now only
 * admins create opd, coordinator and organizer accounts; organizers invite jurors and list only jurors; nobody
 * sets another person's password: accounts get a one-time link by e-mail (invitation, password reset).
 */
describe('accounts: who creates whom, invitations and password resets (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '6' });
    await seedDemo(t);
    admin = (await login(t, 'admin@demo.local')).accessToken;
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
  });
  afterAll(async () => t?.close());

  const outboxOf = async (email: string) =>
    (
      await t.db.query(
        `SELECT o.id, o.type, o.channel, o.payload FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE u.email = $1 ORDER BY o.created_at`,
        [email],
      )
    ).rows as { id: string; type: string; channel: string; payload: Record<string, unknown> }[];
  /** Delivers the row as the worker would (unless the app's own dispatch is at it) and returns the .eml written (no SMTP_URL in tests). */
  const deliveredMail = async (outboxId: string) => {
    for (;;) {
      const outcome = await t.app
        .get(DeliveryService)
        .deliver(outboxId)
        .catch((err: Error) => (err.name === 'OutboxRowBusy' ? 'busy' : Promise.reject(err)));
      if (outcome === 'sent' || outcome === 'done') break;
      expect(outcome).toBe('busy');
      await new Promise((r) => setTimeout(r, 50));
    }
    return readFileSync(path.join(t.env.dataDir, 'mail', `${outboxId}.eml`), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
  };

  it('an organizer cannot create opd, coordinator, organizer or admin accounts (403, nothing written); the attack of the report fails', async () => {
    const org = await idOf(t, 'organizations', 'code', 'DISDUKCAPIL-KOTA-BEKASI');
    const region = await idOf(t, 'regions', 'code', '32.75');
    for (const body of [
      { email: 'penyusup@demo.local', name: 'Penyusup', role: 'opd', organizationId: org },
      { email: 'penyusup@demo.local', name: 'Penyusup', role: 'coordinator', regionId: region },
      { email: 'penyusup@demo.local', name: 'Penyusup', role: 'organizer' },
      { email: 'penyusup@demo.local', name: 'Penyusup', role: 'admin' },
    ]) {
      const res = await t.http().post('/api/users').set(bearer(organizer)).send(body);
      expect({ role: body.role, status: res.status, code: res.body.code }).toEqual({
        role: body.role,
        status: 403,
        code: 'USER_ROLE_FORBIDDEN',
      });
    }
    expect((await t.db.query(`SELECT 1 FROM users WHERE email = 'penyusup@demo.local'`)).rowCount).toBe(0);
    // The CSV import is the admin's too.
    const csv = await t
      .http()
      .post('/api/imports/users')
      .set(bearer(organizer))
      .set('content-type', 'text/csv')
      .send(`email,name,role,organization\npenyusup@demo.local,Penyusup,opd,DISDUKCAPIL-KOTA-BEKASI\n`);
    expect(csv.status).toBe(403);
    expect((await t.db.query(`SELECT 1 FROM users WHERE email = 'penyusup@demo.local'`)).rowCount).toBe(0);
  });

  it('organizers list only jurors (no other account or e-mail); another role is 403; admins list everyone', async () => {
    const list = await t.http().get('/api/users?pageSize=200').set(bearer(organizer));
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(list.body.items.map((u: { role: string }) => u.role))).toEqual(new Set(['juror']));
    expect(JSON.stringify(list.body)).not.toMatch(/opd\.rsud|admin@demo|coordinator\.bekasi/);
    expect((await t.http().get('/api/users?role=opd').set(bearer(organizer))).status).toBe(403);
    const all = await t.http().get('/api/users?pageSize=200').set(bearer(admin));
    expect(new Set(all.body.items.map((u: { role: string }) => u.role))).toEqual(
      new Set(['admin', 'organizer', 'coordinator', 'opd', 'juror']),
    );
  });

  it('an organizer invites a juror: the account has no usable password until its owner sets one through the e-mailed link, once', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set(bearer(organizer))
      .send({ email: 'juri.undangan@demo.local', name: 'Juri Undangan', role: 'juror', locale: 'en' });
    expect(created.status).toBe(201);
    expect(created.body.initialPassword).toBeUndefined();
    const [mail, ...more] = await outboxOf('juri.undangan@demo.local');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ type: 'account_invitation', channel: 'email' });
    const token = await accountLinkToken(t, 'juri.undangan@demo.local');
    // Neither the outbox nor the token table holds the link: only its row id and its hash.
    expect(JSON.stringify(mail.payload)).not.toContain(token);
    const stored = (await t.db.query(`SELECT token_hash, expires_at FROM account_tokens WHERE id = $1`, [mail.payload.tokenId])).rows[0];
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token.split('.')[1]);
    expect(new Date(stored.expires_at).getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);

    const eml = await deliveredMail(mail.id);
    expect(eml).toContain(`${t.env.publicUrl}/atur-sandi?token=${encodeURIComponent(token)}`);
    expect(eml).toMatch(/Subject: Your Kompetisi Inovasi Daerah account/);

    expect((await t.http().post('/api/auth/login').send({ email: 'juri.undangan@demo.local', password: '!invited' })).status).toBe(401);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [tampered, 'x', `${mail.payload.tokenId}.`]) {
      const res = await t.http().post('/api/auth/invitations/accept').send({ token: bad, password: 'undangan-sandi-2025' });
      expect({ bad, status: res.status, code: res.body.code, field: res.body.details?.fields?.[0]?.field }).toEqual({
        bad,
        status: 400,
        code: 'AUTH_TOKEN_INVALID',
        field: 'token',
      });
    }
    // An invitation link is not a reset link.
    expect((await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'undangan-sandi-2025' })).body.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
    expect((await t.http().post('/api/auth/invitations/accept').send({ token, password: 'undangan-sandi-2025' })).status).toBe(204);
    expect(
      (await t.http().post('/api/auth/login').send({ email: 'juri.undangan@demo.local', password: 'undangan-sandi-2025' })).status,
    ).toBe(200);
    // Single use.
    const again = await t.http().post('/api/auth/invitations/accept').send({ token, password: 'sandi-pengganti-2025' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('an expired invitation link is refused', async () => {
    expect(
      (
        await t
          .http()
          .post('/api/users')
          .set(bearer(admin))
          .send({
            email: 'opd.kedaluwarsa@demo.local',
            name: 'OPD Lama',
            role: 'opd',
            organizationId: await idOf(t, 'organizations', 'code', 'RSUD-KOTA-BEKASI'),
          })
      ).status,
    ).toBe(201);
    const token = await accountLinkToken(t, 'opd.kedaluwarsa@demo.local');
    await t.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [token.split('.')[0]]);
    const res = await t.http().post('/api/auth/invitations/accept').send({ token, password: 'kedaluwarsa-sandi-2025' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('password reset: 202 whether or not the account exists, one mail per account in the cooldown, the link sets the password once and ends every session', async () => {
    const unknown = await t.http().post('/api/auth/password-reset').send({ email: 'tidak.ada@demo.local' });
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe('');
    const session = await login(t, 'juror3@demo.local');
    const known = await t.http().post('/api/auth/password-reset').send({ email: 'Juror3@demo.local' });
    expect(known.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    expect((await t.http().post('/api/auth/password-reset').send({ email: 'juror3@demo.local' })).status).toBe(202);
    const mails = (await outboxOf('juror3@demo.local')).filter((m) => m.type === 'password_reset');
    expect(mails).toHaveLength(1);
    const token = await accountLinkToken(t, 'juror3@demo.local', 'password_reset');
    expect(await deliveredMail(mails[0].id)).toContain(`${t.env.publicUrl}/atur-ulang-sandi?token=${encodeURIComponent(token)}`);

    const weak = await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'aaaa' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields[0].field).toBe('password');
    expect((await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'sandi-baru-juri3-2025' })).status).toBe(204);
    // Every session of the account is over: the refresh token and (once its session check runs) the access token.
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: 'juror3@demo.local', password: 'demo-pass-2024' })).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: 'juror3@demo.local', password: 'sandi-baru-juri3-2025' })).status).toBe(
      200,
    );
    expect((await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'sandi-lagi-juri3-2025' })).body.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
  });

  it('password-reset requests are rate-limited per client address (429 with Retry-After)', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await t
            .http()
            .post('/api/auth/password-reset')
            .send({ email: `banjir${i}@demo.local` })
        ).status,
      );
    // The limit (LOGIN_RATE_LIMIT = 6 a minute) counts the previous test's three requests too.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(0);
    expect(statuses).toEqual([...Array(first).fill(202), ...Array(8 - first).fill(429)]);
    const limited = await t.http().post('/api/auth/password-reset').send({ email: 'juror4@demo.local' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
