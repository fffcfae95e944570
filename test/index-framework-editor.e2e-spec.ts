import { createTestApp, type TestApp } from './support/test-app';
import { bearer, idOf, login, seedDemo } from './support/factories';
import { MINI_FRAMEWORK } from './support/index-framework';

type Framework = typeof MINI_FRAMEWORK;
type Indicator = Framework['aspects'][number]['variables'][number]['indicators'][number];
const text = (id: string, en = id) => ({ id, en });

/** A copy of the mini framework with the first variable's indicators replaced. */
const withInstitusi = (indicators: Indicator[]): Framework => {
  const copy = structuredClone(MINI_FRAMEWORK);
  copy.aspects[0].variables[0].indicators = indicators;
  return copy;
};
const [regulasi, anggaran] = MINI_FRAMEWORK.aspects[0].variables[0].indicators;
const kajian: Indicator = {
  key: 'kajian',
  scope: 'region',
  label: text('Kajian inovasi', 'Innovation studies'),
  options: [
    { key: 'tidak_ada', score: 0, guidance: text('Tidak ada', 'None'), evidence: { type: 'none' } },
    { key: 'ada', score: 2, guidance: text('Ada kajian', 'A study exists'), evidence: { type: 'document', kinds: ['study'] } },
  ],
};

/**
 * The organizer's framework editor adds, removes and reorders indicators and their options while the edition is a
 * draft: validated by the domain (unique keys, at least one option, a maximum above 0), audited with what changed,
 * refused once frozen or when it would remove what regions have answered.
 */
describe('index editions: the framework editor adds, removes and reorders indicators and options (e2e)', () => {
  let t: TestApp;
  let org: string;
  let id: string;
  const put = (framework: object) => t.http().put(`/api/index-editions/${id}/framework`).set(bearer(org)).send({ framework });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    const created = await t
      .http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({ name: 'IID Kerangka', slug: 'iid-kerangka', year: 2026, framework: MINI_FRAMEWORK, categories: ['kota'] });
    id = created.body.id;
  });
  afterAll(async () => t?.close());

  it('adds an indicator, removes one and reorders options; the audit names what changed', async () => {
    const reversed = { ...regulasi, options: [...regulasi.options!].reverse() };
    const saved = await put(withInstitusi([reversed, kajian]));
    expect(saved.status).toBe(200);
    const indicators = saved.body.framework.aspects[0].variables[0].indicators;
    expect(indicators.map((i: { key: string }) => i.key)).toEqual(['regulasi', 'kajian']);
    expect(indicators[0].options.map((o: { key: string }) => o.key)).toEqual(['perda', 'perkada', 'tidak_ada']);
    expect((await t.http().get(`/api/index-editions/${id}`).set(bearer(org))).body.framework).toEqual(saved.body.framework);
    const [audit] = (await t.db.query(`SELECT after FROM audit_events WHERE action = 'index_edition.framework' AND entity_id = $1 `, [id]))
      .rows;
    expect(audit.after).toMatchObject({
      addedIndicators: ['kajian'],
      removedIndicators: ['anggaran'],
      addedOptions: [],
      removedOptions: [],
      reordered: true,
    });
  });

  it('refuses duplicate keys, an indicator without options and a framework worth nothing, naming the fields', async () => {
    const duplicate = await put(withInstitusi([regulasi, { ...kajian, key: 'regulasi' }]));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.code).toBe('INDEX_FRAMEWORK_INVALID');
    expect(duplicate.body.details.fields.map((f: { field: string }) => f.field)).toContain('aspects[0].variables[0].indicators[1].key');
    const noOptions = await put(withInstitusi([regulasi, { ...kajian, options: [] }]));
    expect(noOptions.status).toBe(400);
    expect(noOptions.body.details.fields.map((f: { field: string }) => f.field)).toContain('aspects[0].variables[0].indicators[1].options');
    const sameOption = await put(withInstitusi([regulasi, { ...kajian, options: [kajian.options![1], kajian.options![1]] }]));
    expect(sameOption.body.details.fields.map((f: { field: string }) => f.field)).toContain(
      'aspects[0].variables[0].indicators[1].options[1].key',
    );
    const empty = await put(withInstitusi([]));
    expect(empty.body.details.fields.map((f: { field: string }) => f.field)).toContain('aspects[0].variables[0].indicators');
    // Nothing of the refused edits was written.
    const kept = (await t.http().get(`/api/index-editions/${id}`).set(bearer(org))).body.framework.aspects[0].variables[0].indicators;
    expect(kept.map((i: { key: string }) => i.key)).toEqual(['regulasi', 'kajian']);
  });

  it('refuses to remove an indicator or an option that has answers (409 naming them)', async () => {
    const bekasi = await idOf(t, 'regions', 'code', '32.75');
    const [{ id: userId }] = (await t.db.query(`SELECT id FROM users WHERE email = 'organizer@demo.local'`)).rows;
    // A region's answer reaching the draft without the self-assessment (an import, a repaired row).
    await t.db.query(
      `INSERT INTO index_answers (edition_id, region_id, owner, indicator, self_option, updated_by) VALUES ($1, $2, $4, 'kajian', 'ada', $3)`,
      [id, bekasi, userId, bekasi],
    );
    const dropIndicator = await put(withInstitusi([regulasi]));
    expect(dropIndicator.status).toBe(409);
    expect(dropIndicator.body.code).toBe('INDEX_FRAMEWORK_ANSWERED');
    expect(dropIndicator.body.details.answered).toEqual(['kajian']);
    const dropOption = await put(
      withInstitusi([regulasi, { ...kajian, options: [kajian.options![0], { ...kajian.options![1], key: 'lengkap' }] }]),
    );
    expect(dropOption.status).toBe(409);
    expect(dropOption.body.details.answered).toEqual(['kajian.ada']);
    // Removing what nobody answered is fine.
    expect((await put(withInstitusi([regulasi, { ...kajian, options: [kajian.options![1]] }, anggaran]))).status).toBe(200);
    await t.db.query(`DELETE FROM index_answers WHERE edition_id = $1`, [id]);
  });

  it('is frozen once the self-assessment opens', async () => {
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'self_assessment' })).status).toBe(200);
    const frozen = await put(withInstitusi([regulasi, kajian, anggaran]));
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('INDEX_FRAMEWORK_FROZEN');
  });
});
