import fc from 'fast-check';
import { JudgingRepository } from '@app/judging';
import { conflictReasons, type Affiliation, type InnovationConflictProfile, type JurorConflictProfile } from '../libs/judging/src/domain';
import { createTestApp, type TestApp } from './support/test-app';
import { acceptInvitation, bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';

/**
 * Issue 20: the conflict-of-interest rule is defined once, in TypeScript (`conflictReasons`, libs/judging
 * domain). A juror's draft save takes a fast path that does not evaluate it: the rule is checked on the
 * context read once (JuryService.trySaveDraft), and the conditional write (JudgingRepository.writeDrafts) goes
 * through only while the rule's inputs are what was read (`DRAFT_BASIS`) and no conflict is declared;
 * otherwise the locked path decides with the rule itself. This property test runs that SQL against the domain
 * function on generated cases: a state the context is read in, then the state the write meets (the juror's
 * affiliations, a declaration, the innovation's organization, region and province), and asserts the save's
 * verdict — the fast write, else the domain over what the locked path reads — is the domain's on the generated
 * state, and that an unchanged state always takes the fast path.
 */
describe('one conflict rule: the draft-save fast path agrees with the domain (property, real PostgreSQL)', () => {
  let t: TestApp;
  let repo: JudgingRepository;
  let assignmentId: string;
  let innovationId: string;
  let jurorId: string;
  let organizations: string[];
  /** Regions of the demo directory with the province that contains each (a province contains itself). */
  let regions: { id: string; provinceId: string; isProvince: boolean }[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    const org = (await login(t, 'organizer@demo.local')).accessToken;
    const cid = (await openCompetition(t, org, { slug: 'satu-aturan' })).id;
    innovationId = (await seedSubmitted(t, cid, [{ code: 'DINKES-KOTA-BEKASI', title: 'Satu aturan' }]))['Satu aturan'];
    const post = (path: string, token: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);
    expect((await post(`/api/competitions/${cid}/stages/submission/close`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/screening/open`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/screening`, org, { decisions: [{ innovationId, decision: 'pass' }] })).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/screening/close`, org)).status).toBe(200);
    const csv = ['email,name,role,organization,region,affiliations,password,locale', 'juri@aturan.local,Juri Aturan,juror,,,,,id'].join(
      '\n',
    );
    const imported = await t.http().post('/api/imports/users').set(bearer(admin)).set('content-type', 'text/csv').send(csv);
    expect(imported.status).toBe(201);
    jurorId = imported.body.items[0].id;
    await acceptInvitation(t, 'juri@aturan.local', 'juri-aturan-2025-rahasia');
    const juror = (await login(t, 'juri@aturan.local', 'juri-aturan-2025-rahasia')).accessToken;
    const assigned = await post(`/api/competitions/${cid}/stages/desk_review/assignments/manual`, org, { jurorId, innovationId });
    expect(assigned.status).toBe(201);
    assignmentId = assigned.body.id;
    expect((await post(`/api/competitions/${cid}/stages/desk_review/open`, org)).status).toBe(200);
    const first = await t
      .http()
      .put(`/api/assignments/${assignmentId}/sheet`)
      .set(bearer(juror))
      .send({ scores: {}, confirmNoConflict: true });
    expect(first.status).toBe(200);
    repo = t.app.get(JudgingRepository);
    organizations = (await t.db.query(`SELECT id FROM organizations ORDER BY code LIMIT 4`)).rows.map((r: { id: string }) => r.id);
    // A second province with a kota of its own beside the demo's (a province's innovations, a kota elsewhere).
    const province = (await t.db.query(`INSERT INTO regions (name, kind) VALUES ('Provinsi Uji', 'provinsi') RETURNING id`)).rows[0].id;
    await t.db.query(`INSERT INTO regions (name, kind, parent_id) VALUES ('Kota Uji', 'kota', $1)`, [province]);
    regions = (
      await t.db.query(
        `SELECT id, COALESCE(parent_id, id) AS "provinceId", kind = 'provinsi' AS "isProvince" FROM regions
          WHERE kind = 'provinsi' OR parent_id IS NOT NULL ORDER BY code NULLS FIRST LIMIT 6`,
      )
    ).rows;
    // The generator needs kota in at least two provinces, and a province, to reach every rule.
    expect(new Set(regions.map((r) => r.provinceId)).size).toBeGreaterThanOrEqual(2);
    expect(regions.some((r) => r.isProvince) && regions.some((r) => !r.isProvince)).toBe(true);
  });
  afterAll(async () => t?.close());

  interface State {
    affiliations: Affiliation[];
    declared: boolean;
    innovation: Omit<InnovationConflictProfile, 'id'>;
  }

  const state = (): fc.Arbitrary<State> =>
    fc.record({
      affiliations: fc.uniqueArray(
        fc.oneof(
          fc.constantFrom(...organizations).map((organizationId): Affiliation => ({ type: 'organization', organizationId })),
          fc.constantFrom(...regions).map((r): Affiliation => ({ type: 'region', regionId: r.id })),
        ),
        { maxLength: 3, selector: (a) => JSON.stringify(a) },
      ),
      declared: fc.boolean(),
      innovation: fc
        .record({
          organizationId: fc.constantFrom(...organizations),
          region: fc.constantFrom(...regions),
          provinceOfProvinceIsNull: fc.boolean(),
        })
        .map(({ organizationId, region, provinceOfProvinceIsNull }) => ({
          organizationId,
          regionId: region.id,
          // A province's own innovations carry either their own id or null as province (both occur in the data).
          provinceId: region.isProvince && provinceOfProvinceIsNull ? null : region.provinceId,
        })),
    });

  /** The state the write meets: the one read, one input changed, or anything. */
  const change = (before: State): fc.Arbitrary<State> =>
    fc.oneof(
      fc.constant(before),
      state().map((s) => ({ ...before, affiliations: s.affiliations })),
      fc.boolean().map((declared) => ({ ...before, declared })),
      state().map((s) => ({ ...before, innovation: s.innovation })),
      state(),
    );

  async function put(s: State): Promise<void> {
    await t.db.query(`UPDATE users SET affiliations = $2 WHERE id = $1`, [jurorId, JSON.stringify(s.affiliations)]);
    await t.db.query(`UPDATE innovations SET organization_id = $2, region_id = $3, province_id = $4 WHERE id = $1`, [
      innovationId,
      s.innovation.organizationId,
      s.innovation.regionId,
      s.innovation.provinceId,
    ]);
    await t.db.query(`DELETE FROM conflict_declarations WHERE juror_id = $1 AND innovation_id = $2`, [jurorId, innovationId]);
    if (s.declared)
      await t.db.query(`INSERT INTO conflict_declarations (juror_id, innovation_id) VALUES ($1, $2)`, [jurorId, innovationId]);
  }

  /** The rule, on the generated state alone. */
  const inConflict = (s: State): boolean => {
    const juror: JurorConflictProfile = { affiliations: s.affiliations, declarations: s.declared ? [{ innovationId }] : [] };
    return conflictReasons(juror, { id: innovationId, ...s.innovation }).length > 0;
  };

  it('the save is refused exactly when the rule finds a conflict, and an unchanged state takes the fast path', async () => {
    const seen = { fast: 0, locked: 0, refused: 0, conflictAtRead: 0 };
    await fc.assert(
      fc.asyncProperty(
        state().chain((before) => change(before).map((after) => ({ before, after }))),
        async ({ before, after }) => {
          await put(before);
          const ctx = await repo.draftSaveContext(assignmentId, jurorId);
          if (!ctx?.juror) throw new Error('no draft-save context');
          // What trySaveDraft checks on the context it read is the rule on the state it was read in.
          const conflictAtRead = conflictReasons(ctx.juror, ctx.innovation).length > 0;
          expect(conflictAtRead).toBe(inConflict(before));
          if (conflictAtRead) {
            seen.conflictAtRead++;
            return; // no fast path: the locked path decides with the rule itself
          }
          await put(after);
          const [written] = await repo.writeDrafts([
            { sheetId: ctx.sheet.id, scores: {}, comment: null, version: ctx.sheet.version, jurorId, basis: ctx.basis },
          ]);
          let refused: boolean;
          if (written) {
            seen.fast++;
            refused = false;
          } else {
            // The locked path (JuryService.assertNoConflictNow): the rule over the rows as they are now.
            const now = await t.app
              .get(JudgingRepository)
              .m()
              .transaction((tx) => repo.conflictContext(tx, jurorId, innovationId));
            refused = conflictReasons(now!.juror!, now!.innovation).length > 0;
            seen.locked++;
          }
          if (refused) seen.refused++;
          expect(refused).toBe(inConflict(after));
          if (JSON.stringify(after) === JSON.stringify(before)) expect(written).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
    // The generator reached every branch: fast writes, fallbacks, refusals, and contexts refused at read.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  }, 120_000);
});
