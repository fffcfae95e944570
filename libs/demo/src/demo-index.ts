import type { DataSource, EntityManager } from 'typeorm';
import { loadNationalAreas } from '@app/directory';
import { IndexEditionsService } from '@app/index-editions';
import { defaultIidFramework } from '@app/regional-index';
import { DEMO_INDEX_PROFILES, demoIndexPlan } from './demo-index-data';

export const DEMO_INDEX_SLUG = 'iid-2024-demo';

const uuids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * "IID 2024 (demo)", published: Jawa Barat and its 18 kabupaten and 9 kota (created from the national data
 * package when missing), each region's innovations (Kota Bekasi's SiTaro, Patriot Mantap and more, the
 * ones entered in IGA 2024 (demo) reported by reference), self-assessed and verified answers (lower options
 * with a note, ineligible innovations with a reason), validators from the demo jurors, and snapshot v1
 * published by the demo organizer through the index editions service (hash, labels, notifications).
 * Needs the base demo (organizer, jurors, Jawa Barat); idempotent: an existing edition is published if it
 * was not yet, and its ids are returned. Bulk SQL, a fraction of a second.
 */
export async function seedIndexDemo(db: DataSource, editions: IndexEditionsService): Promise<{ editionId: string; snapshotId: string }> {
  const [organizer] = await db.query(`SELECT id, role, email, name FROM users WHERE email = 'organizer@demo.local'`);
  if (!organizer) throw new Error('seedIndexDemo needs the base demo seed (organizer@demo.local)');
  const existing: { id: string }[] = await db.query(`SELECT id FROM index_editions WHERE slug = $1`, [DEMO_INDEX_SLUG]);
  const editionId = existing[0]?.id ?? (await db.transaction((tx) => createEdition(tx, organizer.id)));
  const [snapshot] = await db.query(`SELECT id FROM index_snapshots WHERE edition_id = $1 ORDER BY version DESC LIMIT 1`, [editionId]);
  if (snapshot) return { editionId, snapshotId: snapshot.id };
  const published = await editions.publish(
    {
      id: organizer.id,
      role: 'organizer',
      email: organizer.email,
      name: organizer.name,
      organizationId: null,
      regionId: null,
      sessionId: 'demo-seed',
    },
    editionId,
    undefined,
  );
  return { editionId, snapshotId: published.id };
}

async function createEdition(tx: EntityManager, organizerId: string): Promise<string> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('demo:index'))`);
  const [raced] = await tx.query(`SELECT id FROM index_editions WHERE slug = $1`, [DEMO_INDEX_SLUG]);
  if (raced) return raced.id as string;
  const regions = await ensureJawaBarat(tx);
  const framework = defaultIidFramework();
  const plan = demoIndexPlan(framework, new Map([...regions.values()].map((r) => [r.code, r.name])));
  const [edition] = await tx.query(
    `INSERT INTO index_editions (slug, name, year, status, framework, categories, self_assessment_opens_at, self_assessment_closes_at, verification_opens_at, verification_closes_at, created_by)
     VALUES ($1, 'IID 2024 (demo)', 2024, 'closed', $2, '["provinsi","kabupaten","kota"]', '2024-03-01T00:00:00+07:00', '2024-05-31T23:59:00+07:00', '2024-06-03T00:00:00+07:00', '2024-07-15T23:59:00+07:00', $3)
     RETURNING id`,
    [DEMO_INDEX_SLUG, JSON.stringify(framework), organizerId],
  );
  const id: string = edition.id;
  const regionId = (code: string) => regions.get(code)!.id;
  const [coordinator] = await tx.query(`SELECT id, region_id FROM users WHERE email = 'coordinator.bekasi@demo.local'`);

  // Organizations: the demo's by code, the others made once per region and name.
  const wanted = plan.innovations.flatMap((i) =>
    'name' in i.organization ? [{ region: regionId(i.regionCode), name: i.organization.name }] : [],
  );
  const unique = [...new Map(wanted.map((w) => [`${w.region}|${w.name}`, w])).values()];
  await tx.query(
    `INSERT INTO organizations (name, region_id, kind) SELECT u.name, u.region, 'opd' FROM unnest($1::uuid[], $2::text[]) AS u(region, name) ON CONFLICT DO NOTHING`,
    [unique.map((u) => u.region), unique.map((u) => u.name)],
  );
  const orgRows: { id: string; code: string | null; name: string; region_id: string }[] = await tx.query(
    `SELECT id, code, name, region_id FROM organizations WHERE region_id = ANY($1::uuid[])`,
    [uuids([...regions.values()])],
  );
  const orgOf = (o: { code: string } | { name: string }, region: string) =>
    ('code' in o ? orgRows.find((r) => r.code === o.code) : orgRows.find((r) => r.name === o.name && r.region_id === region))!.id;
  // IGA 2024 (demo)'s entries are reported by reference (their profile is not typed again).
  const entered: { id: string; title: string; organization_id: string }[] = await tx.query(
    `SELECT i.id, i.title, i.organization_id FROM innovations i JOIN competitions c ON c.id = i.competition_id WHERE c.slug = 'iga-2024-demo'`,
  );
  const reporter: { id: string; organization_id: string }[] = await tx.query(
    `SELECT id, organization_id FROM users WHERE role = 'opd' AND organization_id IS NOT NULL`,
  );

  const innovationRows = plan.innovations.map((i) => {
    const org = orgOf(i.organization, regionId(i.regionCode));
    return {
      key: i.key,
      region: regionId(i.regionCode),
      org,
      title: i.title,
      innovation: entered.find((e) => e.title === i.title && e.organization_id === org)?.id ?? null,
      eligible: i.eligible,
      reason: i.reason,
      by: reporter.find((r) => r.organization_id === org)?.id ?? organizerId,
    };
  });
  const inserted: { id: string; title: string; region_id: string }[] = await tx.query(
    `INSERT INTO index_innovations (edition_id, region_id, organization_id, title, innovation_id, eligible, eligibility_reason, created_by)
     SELECT $1, u.region, u.org, u.title, u.innovation, u.eligible, u.reason, u.by
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::boolean[], $7::text[], $8::uuid[]) AS u(region, org, title, innovation, eligible, reason, by)
     RETURNING id, title, region_id`,
    [
      id,
      innovationRows.map((r) => r.region),
      innovationRows.map((r) => r.org),
      innovationRows.map((r) => r.title),
      innovationRows.map((r) => r.innovation),
      innovationRows.map((r) => r.eligible),
      innovationRows.map((r) => r.reason),
      innovationRows.map((r) => r.by),
    ],
  );
  const idOfKey = new Map(innovationRows.map((r) => [r.key, inserted.find((x) => x.title === r.title && x.region_id === r.region)!.id]));

  // Validators: the demo jurors, round robin, never a region they are affiliated with.
  const jurors: { id: string; affiliations: { type: string; regionId?: string; organizationId?: string }[] }[] = await tx.query(
    `SELECT id, affiliations FROM users WHERE role = 'juror' AND email LIKE '%@demo.local' ORDER BY email`,
  );
  const conflicted = (j: (typeof jurors)[number], region: string) =>
    (j.affiliations ?? []).some(
      (a) => a.regionId === region || (a.organizationId && orgRows.find((o) => o.id === a.organizationId)?.region_id === region),
    );
  const validatorOf = new Map<string, string>();
  DEMO_INDEX_PROFILES.forEach((p, n) => {
    const region = regionId(p.code);
    const free = jurors.filter((j) => !conflicted(j, region));
    if (free.length) validatorOf.set(region, free[n % free.length].id);
  });
  await tx.query(
    `INSERT INTO index_validators (edition_id, region_id, validator_id) SELECT $1, u.region, u.validator FROM unnest($2::uuid[], $3::uuid[]) AS u(region, validator)`,
    [id, [...validatorOf.keys()], [...validatorOf.values()]],
  );

  const answers = plan.answers.map((a) => ({
    ...a,
    region: regionId(a.regionCode),
    innovation: a.innovation ? idOfKey.get(a.innovation)! : null,
  }));
  await tx.query(
    `INSERT INTO index_answers (edition_id, region_id, index_innovation_id, owner, indicator, self_option, verified_option, verified_note, verified_by, version, updated_by)
     SELECT $1, u.region, u.innovation, COALESCE(u.innovation, u.region)::text, u.indicator, u.self, u.verified, u.note, u.validator, 2, u.validator
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[]) AS u(region, innovation, indicator, self, verified, note, validator)`,
    [
      id,
      answers.map((a) => a.region),
      answers.map((a) => a.innovation),
      answers.map((a) => a.indicator),
      answers.map((a) => a.self),
      answers.map((a) => a.verified),
      answers.map((a) => a.note),
      answers.map((a) => validatorOf.get(a.region) ?? organizerId),
    ],
  );
  // Every region submitted its self-assessment before the window closed.
  await tx.query(
    `INSERT INTO index_participants (edition_id, region_id, submitted_at, submitted_by)
     SELECT $1, u.region, TIMESTAMPTZ '2024-05-20T10:00:00+07:00' + (u.n || ' hours')::interval, CASE WHEN u.region = $3 THEN $4::uuid END
       FROM unnest($2::uuid[]) WITH ORDINALITY AS u(region, n)`,
    [id, DEMO_INDEX_PROFILES.map((p) => regionId(p.code)), coordinator?.region_id ?? null, coordinator?.id ?? null],
  );
  return id;
}

/** Jawa Barat (32) and its kabupaten and kota with their official codes: the demo's, plus the missing ones. */
async function ensureJawaBarat(tx: EntityManager): Promise<Map<string, { id: string; code: string; name: string }>> {
  const codes = DEMO_INDEX_PROFILES.map((p) => p.code);
  const missing = (await loadNationalAreas()).filter((a) => codes.includes(a.code));
  await tx.query(
    `INSERT INTO regions (code, name, kind, parent_id)
     SELECT a.code, a.name, a.kind, (SELECT id FROM regions WHERE code = '32')
       FROM unnest($1::text[], $2::text[], $3::text[]) AS a(code, name, kind)
      WHERE a.kind <> 'provinsi' AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = a.code)`,
    [missing.map((a) => a.code), missing.map((a) => a.name), missing.map((a) => a.kind)],
  );
  const rows: { id: string; code: string; name: string }[] = await tx.query(
    `SELECT id, code, name FROM regions WHERE code = ANY($1::text[])`,
    [codes],
  );
  if (rows.length !== codes.length)
    throw new Error(`seedIndexDemo: Jawa Barat's regions are incomplete (${rows.length} of ${codes.length})`);
  return new Map(rows.map((r) => [r.code, r]));
}
