import type { EntityManager } from 'typeorm';

/**
 * SiTaro's evidence of impact for the demo: RSUD Kota Bekasi's outpatient pharmacy surveyed its users in the
 * first half of 2021, before SiTaro started (25 Oct 2021), and again in the first half of 2022. Waiting time
 * (U3) was the weak element before; after, medicine is delivered home. Idempotent (skipped when the unit exists).
 */
export async function ensureDemoSurveys(tx: EntityManager, creatorId: string): Promise<void> {
  const [org] = await tx.query(`SELECT id FROM organizations WHERE code = 'RSUD-KOTA-BEKASI'`);
  if (!org) return;
  const name = 'Instalasi Farmasi Rawat Jalan';
  if ((await tx.query(`SELECT 1 FROM survey_units WHERE organization_id = $1 AND name = $2`, [org.id, name])).length) return;
  const [unit] = await tx.query(
    `INSERT INTO survey_units (organization_id, name, population, created_by) VALUES ($1, $2, 1000, $3) RETURNING id`,
    [org.id, name, creatorId],
  );
  const period = async (code: string, label: string, opensAt: string, closesAt: string) =>
    (
      await tx.query(
        `INSERT INTO survey_periods (unit_id, code, label, opens_at, closes_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [unit.id, code, label, opensAt, closesAt, creatorId],
      )
    )[0].id as string;
  const before = await period('sitaro21', 'SKM Semester I 2021', '2021-01-01T00:00:00+07:00', '2021-07-01T00:00:00+07:00');
  const after = await period('sitaro22', 'SKM Semester I 2022', '2022-01-01T00:00:00+07:00', '2022-07-01T00:00:00+07:00');
  // Deterministic answers from the row number g: mostly 3 ("baik"), U3 (waiting time) 2 before and 4 after.
  const responses = (periodId: string, n: number, u3: string, rest: string) =>
    tx.query(
      `INSERT INTO survey_responses (period_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, sex, submitted_at)
       SELECT $1, ${rest}, ${rest}, ${u3}, ${rest}, ${rest}, ${rest}, ${rest}, CASE WHEN g % 4 = 0 THEN 2 ELSE 3 END, ${rest}, 'import',
              CASE WHEN g % 2 = 0 THEN 'p' ELSE 'l' END, (SELECT opens_at FROM survey_periods WHERE id = $1) + g * interval '10 hours'
         FROM generate_series(1, $2) AS g`,
      [periodId, n],
    );
  await responses(before, 290, `CASE WHEN g % 5 = 0 THEN 3 WHEN g % 7 = 0 THEN 1 ELSE 2 END`, `CASE WHEN g % 10 = 0 THEN 4 ELSE 3 END`);
  await responses(after, 310, `CASE WHEN g % 6 = 0 THEN 3 ELSE 4 END`, `CASE WHEN g % 3 = 0 THEN 4 ELSE 3 END`);
  await tx.query(
    `INSERT INTO survey_evidence (innovation_id, unit_id, before_period_id, after_period_id, created_by)
     SELECT i.id, $1, $2, $3, $4 FROM innovations i JOIN competitions c ON c.id = i.competition_id
      WHERE c.slug = 'iga-2024-demo' AND i.title = 'SiTaro (Siap Antar Obat)' ON CONFLICT DO NOTHING`,
    [unit.id, before, after, creatorId],
  );
}
