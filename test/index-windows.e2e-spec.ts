import { createTestApp, type TestApp } from './support/test-app';
import { bearer, idOf, login, seedDemo } from './support/factories';
import { MINI_FRAMEWORK } from './support/index-framework';

/**
 * An index edition's windows move after it is created, like a competition's stage deadlines: a reason past
 * draft, audited, never rewriting a phase that has begun or ended, always in order, and the coordinators
 * (self-assessment) or the assigned validators (verification) hear of it through the outbox.
 */
describe('index editions: the organizer moves the windows (e2e)', () => {
  let t: TestApp;
  let org: string;
  let coord: string;
  let bekasi: string;
  let id: string;

  const move = (body: object, token = org) => t.http().put(`/api/index-editions/${id}/windows`).set(bearer(token)).send(body);
  const status = (to: string) => t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to });
  const moved = async (recipient: string) =>
    (
      await t.db.query(
        `SELECT payload FROM outbox_messages WHERE type = 'index_window_moved' AND recipient_id = $1 AND channel = 'inbox' ORDER BY created_at`,
        [recipient],
      )
    ).rows.map((r: { payload: Record<string, unknown> }) => r.payload);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    coord = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    bekasi = await idOf(t, 'regions', 'code', '32.75');
    const created = await t
      .http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({
        name: 'IID Jadwal',
        slug: 'iid-jadwal',
        year: 2026,
        framework: MINI_FRAMEWORK,
        categories: ['kota'],
        selfAssessmentOpensAt: '2030-05-01T00:00:00Z',
        selfAssessmentClosesAt: '2030-06-01T00:00:00Z',
        verificationOpensAt: '2030-06-02T00:00:00Z',
        verificationClosesAt: '2030-07-01T00:00:00Z',
      });
    expect(created.status).toBe(201);
    id = created.body.id;
  });
  afterAll(async () => t?.close());

  it('a draft moves and clears windows without a reason; bad dates are 400 naming the field; order is kept', async () => {
    const draft = await move({ selfAssessmentClosesAt: '2030-05-30T00:00:00Z', verificationClosesAt: null });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      selfAssessmentOpensAt: '2030-05-01T00:00:00.000Z',
      selfAssessmentClosesAt: '2030-05-30T00:00:00.000Z',
      verificationOpensAt: '2030-06-02T00:00:00.000Z',
      verificationClosesAt: null,
    });
    const bad = await move({ verificationOpensAt: 'next tuesday' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('verificationOpensAt');
  });

  it('refuses overlapping or out-of-order windows with 409 naming the fields', async () => {
    const overlap = await move({ verificationOpensAt: '2030-05-20T00:00:00Z' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('INDEX_WINDOWS_OUT_OF_ORDER');
    expect(overlap.body.details.windows).toEqual(['verificationOpensAt']);
    expect(overlap.body.details.messages.id).toContain('tumpang tindih');
    const [row] = (await t.db.query(`SELECT verification_opens_at FROM index_editions WHERE id = $1`, [id])).rows;
    expect(row.verification_opens_at.toISOString()).toBe('2030-06-02T00:00:00.000Z');
    expect((await move({ verificationOpensAt: '2030-06-11T00:00:00Z' })).status).toBe(200);
  });

  it('past draft a move needs a reason, is audited, and tells the coordinators; the begun self-assessment keeps its start', async () => {
    expect((await status('self_assessment')).status).toBe(200);
    const noReason = await move({ selfAssessmentClosesAt: '2030-06-10T00:00:00Z' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields[0].field).toBe('reason');
    const extended = await move({ selfAssessmentClosesAt: '2030-06-10T00:00:00Z', reason: 'Banjir di beberapa daerah' });
    expect(extended.status).toBe(200);
    expect(extended.body.selfAssessmentClosesAt).toBe('2030-06-10T00:00:00.000Z');
    const audit = await t.db.query(
      `SELECT before, after, reason FROM audit_events WHERE action = 'index_edition.window_moved' AND entity_id = $1 AND reason IS NOT NULL`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        before: { selfAssessmentClosesAt: '2030-05-30T00:00:00.000Z' },
        after: { selfAssessmentClosesAt: '2030-06-10T00:00:00.000Z' },
        reason: 'Banjir di beberapa daerah',
      },
    ]);
    const coordinatorId = (await login(t, 'coordinator.bekasi@demo.local')).user.id;
    expect(await moved(coordinatorId)).toEqual([
      {
        edition: 'IID Jadwal',
        window: 'self_assessment',
        opensAt: '2030-05-01T00:00:00.000Z',
        closesAt: '2030-06-10T00:00:00.000Z',
        reason: 'Banjir di beberapa daerah',
        link: `/coordinator/indeks/${id}`,
      },
    ]);
    const restart = await move({ selfAssessmentOpensAt: '2030-05-02T00:00:00Z', reason: 'x' });
    expect(restart.status).toBe(409);
    expect(restart.body.code).toBe('INDEX_WINDOW_CLOSED');
    expect(restart.body.details.windows).toEqual(['selfAssessmentOpensAt']);
    // Only the edition's organizers move its windows.
    expect((await move({ verificationClosesAt: '2030-07-01T00:00:00Z', reason: 'x' }, coord)).status).toBe(403);
  });

  it('during verification the ended self-assessment is history; extending verification tells its validators', async () => {
    const answer = (indicator: string) =>
      t.http().put(`/api/index-editions/${id}/regions/${bekasi}/answers`).set(bearer(coord)).send({ indicator, option: 'tidak_ada' });
    expect((await answer('regulasi')).status).toBe(200);
    expect((await answer('anggaran')).status).toBe(200);
    expect((await t.http().post(`/api/index-editions/${id}/regions/${bekasi}/submit`).set(bearer(coord))).status).toBe(200);
    const assigned = await t.http().post(`/api/index-editions/${id}/validators`).set(bearer(org)).send({ perRegion: 1 });
    expect(assigned.body.assignments).toHaveLength(1);
    const validatorId = assigned.body.assignments[0].validatorId;
    expect((await status('verification')).status).toBe(200);

    const rewrite = await move({ selfAssessmentClosesAt: '2030-06-12T00:00:00Z', reason: 'x' });
    expect(rewrite.status).toBe(409);
    expect(rewrite.body.code).toBe('INDEX_WINDOW_CLOSED');
    const extended = await move({ verificationClosesAt: '2030-07-15T00:00:00Z', reason: 'Validator tambahan' });
    expect(extended.status).toBe(200);
    expect(await moved(validatorId)).toEqual([
      expect.objectContaining({
        window: 'verification',
        closesAt: '2030-07-15T00:00:00.000Z',
        reason: 'Validator tambahan',
        link: `/juri/indeks/${id}`,
      }),
    ]);
    // Moving on and back again is news each time.
    expect((await move({ verificationClosesAt: '2030-07-20T00:00:00Z', reason: 'Tambah waktu' })).status).toBe(200);
    expect((await move({ verificationClosesAt: '2030-07-15T00:00:00Z', reason: 'Kembali ke jadwal sebelumnya' })).status).toBe(200);
    expect((await moved(validatorId)).map((p) => [p.closesAt, p.reason])).toEqual([
      ['2030-07-15T00:00:00.000Z', 'Validator tambahan'],
      ['2030-07-20T00:00:00.000Z', 'Tambah waktu'],
      ['2030-07-15T00:00:00.000Z', 'Kembali ke jadwal sebelumnya'],
    ]);
    expect((await status('closed')).status).toBe(200);
    expect((await move({ verificationClosesAt: '2030-07-20T00:00:00Z', reason: 'x' })).body.code).toBe('INDEX_WINDOW_CLOSED');
  });
});
