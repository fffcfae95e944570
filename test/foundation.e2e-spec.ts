import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './support/test-app';
import { acceptInvitation, bearer, idOf, login, seedDemo } from './support/factories';

describe('foundation: auth, roles, ownership, directory (e2e, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
  });
  afterAll(async () => t?.close());

  it('the migrated schema is what the entities declare: migration:generate would write nothing', async () => {
    // Drift here means a migration and an entity disagree (a constraint, an index, a column): the next generated
    // migration would silently drop what the migration made.
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every answer carries x-request-id: the caller’s when it is a plain token, else a new UUID', async () => {
    const mine = await t.http().get('/health').set('x-request-id', 'trace-42_a');
    expect(mine.headers['x-request-id']).toBe('trace-42_a');
    const fresh = await t.http().get('/api/public/competitions');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const other = await t.http().get('/api/public/competitions');
    expect(other.headers['x-request-id']).not.toBe(fresh.headers['x-request-id']);
    // Not a plain token (could forge log lines): replaced.
    const odd = await t.http().get('/health').set('x-request-id', 'a b"<x>');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Errors too.
    expect((await t.http().get('/api/me').set('x-request-id', 'e-1')).headers['x-request-id']).toBe('e-1');
  });

  it('GET /health reports the database up', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it('logs the demo admin in and answers /api/me', async () => {
    const { accessToken, refreshToken, user } = await login(t, 'admin@demo.local');
    expect(refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(user).toMatchObject({ email: 'admin@demo.local', role: 'admin' });
    const me = await t.http().get('/api/me').set(bearer(accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'admin@demo.local', role: 'admin' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password with 401 and the error shape', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'admin@demo.local', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'AUTH_INVALID_CREDENTIALS' });
  });

  it('answers a malformed login with 400 naming the field', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('email');
  });

  it('rotates refresh tokens: the new one works, the old one is refused and ends the session', async () => {
    const first = await login(t, 'organizer@demo.local');
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect((await t.http().get('/api/me').set(bearer(rotated.body.accessToken))).status).toBe(200);

    const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('AUTH_REFRESH_REUSED');
    // Reuse revoked the whole family: the rotated token and its access token are dead too.
    const after = await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
    expect(after.status).toBe(401);
    expect((await t.http().get('/api/me').set(bearer(rotated.body.accessToken))).status).toBe(401);
  });

  it('logout revokes the session: refresh and the access token stop working', async () => {
    const s = await login(t, 'juror2@demo.local');
    const out = await t.http().post('/api/auth/logout').set(bearer(s.accessToken)).send({});
    expect(out.status).toBe(204);
    expect((await t.http().get('/api/me').set(bearer(s.accessToken))).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'juror2@demo.local' AND t.revoked_at IS NULL`,
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('401 without a token, 401 with a forged token', async () => {
    const none = await t.http().get('/api/me');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const forged = await t.http().get('/api/me').set(bearer('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'));
    expect(forged.status).toBe(401);
  });

  it('403 for a role that may not use a route', async () => {
    const opd = await login(t, 'opd.rsud@demo.local');
    const res = await t.http().get('/api/users').set(bearer(opd.accessToken));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'AUTH_ROLE_FORBIDDEN' });
    const juror = await login(t, 'juror1@demo.local');
    expect((await t.http().post('/api/regions').set(bearer(juror.accessToken)).send({ name: 'X', kind: 'provinsi' })).status).toBe(403);
  });

  it('an OPD sees its own organization and gets 404 for another OPD’s', async () => {
    const opd = await login(t, 'opd.rsud@demo.local');
    const own = opd.user.organizationId!;
    const other = await idOf(t, 'organizations', 'code', 'DISDUKCAPIL-KOTA-BEKASI');
    const mine = await t.http().get(`/api/organizations/${own}`).set(bearer(opd.accessToken));
    expect(mine.status).toBe(200);
    expect(mine.body.code).toBe('RSUD-KOTA-BEKASI');
    const theirs = await t.http().get(`/api/organizations/${other}`).set(bearer(opd.accessToken));
    expect(theirs.status).toBe(404);
    expect(theirs.body.statusCode).toBe(404);
    const list = await t.http().get('/api/organizations').set(bearer(opd.accessToken));
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(own);
  });

  it('a coordinator sees only its region’s organizations', async () => {
    const c = await login(t, 'coordinator.bekasi@demo.local');
    const list = await t.http().get('/api/organizations?pageSize=100').set(bearer(c.accessToken));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(new Set(list.body.items.map((o: { regionName: string }) => o.regionName))).toEqual(new Set(['Kota Bekasi']));
  });

  it('400 naming the bad fields, also unknown ones', async () => {
    const admin = await login(t, 'admin@demo.local');
    const res = await t
      .http()
      .post('/api/organizations')
      .set(bearer(admin.accessToken))
      .send({ name: 'Dinas X', regionId: 'nope', color: 'red' });
    expect(res.status).toBe(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['regionId', 'color']));
  });

  it('creates regions with the parent rule and users bound to their organization', async () => {
    const admin = await login(t, 'admin@demo.local');
    const noParent = await t
      .http()
      .post('/api/regions')
      .set(bearer(admin.accessToken))
      .send({ name: 'Kota Sukabumi', kind: 'kota', code: '32.72' });
    expect(noParent.status).toBe(400);
    expect(noParent.body.details.fields[0].field).toBe('parentId');
    const jabar = await idOf(t, 'regions', 'code', '32');
    const created = await t
      .http()
      .post('/api/regions')
      .set(bearer(admin.accessToken))
      .send({ name: 'Kota Sukabumi', kind: 'kota', code: '32.72', parentId: jabar });
    expect(created.status).toBe(201);

    const unbound = await t.http().post('/api/users').set(bearer(admin.accessToken)).send({ email: 'x@opd.go.id', name: 'X', role: 'opd' });
    expect(unbound.status).toBe(400);
    expect(unbound.body.details.fields[0].field).toBe('organizationId');
    const org = await idOf(t, 'organizations', 'code', 'DPMPTSP-KOTA-BEKASI');
    const user = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: 'Staf@DPMPTSP.bekasikota.go.id', name: 'Staf DPMPTSP', role: 'opd', organizationId: org });
    expect(user.status).toBe(201);
    expect(user.body.email).toBe('staf@dpmptsp.bekasikota.go.id');
    // Nobody chose the password: the account signs in once its owner has set one through the invitation e-mail.
    expect(user.body.initialPassword).toBeUndefined();
    expect((await t.http().post('/api/auth/login').send({ email: 'staf@dpmptsp.bekasikota.go.id', password: '!invited' })).status).toBe(
      401,
    );
    await acceptInvitation(t, 'staf@dpmptsp.bekasikota.go.id', 'staf-dpmptsp-sandi-2025');
    const signIn = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'staf@dpmptsp.bekasikota.go.id', password: 'staf-dpmptsp-sandi-2025' });
    expect(signIn.status).toBe(200);
    const dup = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: 'staf@dpmptsp.bekasikota.go.id', name: 'Again', role: 'juror' });
    expect(dup.status).toBe(409);
    const organizer = await login(t, 'organizer@demo.local');
    const escalate = await t
      .http()
      .post('/api/users')
      .set(bearer(organizer.accessToken))
      .send({ email: 'boss@x.go.id', name: 'Boss', role: 'admin' });
    expect(escalate.status).toBe(403);
    expect(escalate.body.code).toBe('USER_ROLE_FORBIDDEN');
  });

  it('a CSV import with one bad row writes nothing and lists the error by line', async () => {
    const admin = await login(t, 'admin@demo.local');
    const before = (await t.db.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n;
    const csv = [
      'name,region,kind,code,email',
      'Dinas Sosial Kota Bekasi,32.75,opd,DINSOS-BKS,dinsos@bekasikota.go.id',
      'Dinas Perhubungan Kota Atlantis,Kota Atlantis,opd,,',
      'Dinas Pendidikan Kota Depok,Kota Depok,sekolah,,',
    ].join('\n');
    const res = await t.http().post('/api/imports/organizations').set(bearer(admin.accessToken)).set('content-type', 'text/csv').send(csv);
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toEqual([
      { row: 3, field: 'region', message: 'no region "Kota Atlantis"' },
      { row: 4, field: 'kind', message: expect.stringContaining('must be one of') },
    ]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n).toBe(before);

    const good = await t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(admin.accessToken))
      .set('content-type', 'text/csv')
      .send(csv.split('\n').slice(0, 2).join('\n'));
    expect(good.status).toBe(201);
    expect(good.body.created).toBe(1);
    expect((await t.db.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n).toBe(before + 1);
  });

  it('imports users from CSV all-or-nothing, with jurors’ affiliations', async () => {
    const admin = await login(t, 'admin@demo.local');
    const csv =
      'email;name;role;organization;region;affiliations\nj.baru@univ.ac.id;Dr. Baru;juror;;;Kota Depok|DINKES-JABAR\nkoord.depok@depok.go.id;Koordinator Depok;coordinator;;32.76;\nopd.x@depok.go.id;OPD X;opd;;;\n';
    const bad = await t.http().post('/api/imports/users').set(bearer(admin.accessToken)).set('content-type', 'text/csv').send(csv);
    expect(bad.status).toBe(400);
    expect(bad.body.details.errors).toEqual([{ row: 4, field: 'organization', message: 'an opd user must belong to an organization' }]);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email IN ('j.baru@univ.ac.id','koord.depok@depok.go.id')`)).rows[0].n,
    ).toBe(0);
    const ok = await t
      .http()
      .post('/api/imports/users')
      .set(bearer(admin.accessToken))
      .set('content-type', 'text/csv')
      .send(csv.split('\n').slice(0, 3).join('\n'));
    expect(ok.status).toBe(201);
    const juror = await t.db.query(`SELECT affiliations FROM users WHERE email = 'j.baru@univ.ac.id'`);
    expect(juror.rows[0].affiliations.map((a: { type: string }) => a.type)).toEqual(['region', 'organization']);
  });

  it('writes audit events for directory changes', async () => {
    const rows = await t.db.query(`SELECT action, count(*)::int AS n FROM audit_events GROUP BY action`);
    const actions = Object.fromEntries(rows.rows.map((r: { action: string; n: number }) => [r.action, r.n]));
    expect(actions['region.create']).toBeGreaterThanOrEqual(1);
    expect(actions['organization.import']).toBe(1);
    expect(actions['auth.refresh_reuse']).toBe(1);
  });

  it('serves the OpenAPI document with bearer auth', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/regions', '/api/imports/users']),
    );
  });
});

describe('login rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => t?.close());

  it('answers 429 after the configured number of attempts for one e-mail', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await t.http().post('/api/auth/login').send({ email: 'nobody@demo.local', password: 'wrong-password' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
