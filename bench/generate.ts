// Generates a national-scale edition straight into PostgreSQL, from a seed: 550 regions (38 provinces, the
// rest kabupaten/kota under them), 5,000 OPDs with one OPD account each, an organizer and 300 jurors, one
// competition from the IGA/KIPP default template and 50,000 innovations across its three categories, with
// their status history and evidence metadata, in the state "judging, field verification open": desk review
// and presentation closed (top 45, then top 15 per category advanced), every earlier decision recorded,
// every sheet submitted (the organizer has yet to close field verification).
// The jury sheets of those three scored stages are planned here too and written once the jury tables exist.
//
// Usage (after `npm run -s build`):
//   node dist/bench/generate.js [--tiny] [--innovations N] [--seed S] [--method copy|unnest] [--keep-indexes] [--drop]
// It creates a fresh bench_* database on BENCH_DATABASE_URL / DATABASE_URL's server (else an embedded
// PostgreSQL under ./data/bench-pg), prints each phase's time and the database URL, and keeps it for psql
// unless --drop is given.
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { defaultTemplate, type CompetitionPlan, type StagePlan } from '@app/competitions';
import {
  createBenchDatabase,
  dropBenchDatabase,
  dropStaleBenchDatabases,
  markKept,
  migrate,
  openBenchServer,
  redact,
} from './lib/database';
import { AGENCIES, PROVINCES, innovationTitle, paragraph, personName, placeName } from './lib/indonesian';
import { Rng } from './lib/random';
import { loadRows, withoutSecondaryIndexes, type LoadMethod, type Row, type TableSpec } from './lib/rows';
import {
  JURY_COLUMNS,
  planSheets,
  writeSheets,
  type ScoredStage,
  type SheetContext,
  type SheetInnovation,
  type SheetJuror,
  type SheetWriteResult,
  type UnscoredResult,
} from './sheets';

export interface GenerateScale {
  regions: number;
  organizations: number;
  jurors: number;
  innovations: number;
}

/** The issue's national-scale edition. */
export const NATIONAL: GenerateScale = { regions: 550, organizations: 5_000, jurors: 300, innovations: 50_000 };
/** For the smoke test. */
export const TINY: GenerateScale = { regions: 20, organizations: 50, jurors: 12, innovations: 200 };

export interface GenerateOptions {
  scale?: GenerateScale;
  seed?: number;
  method?: LoadMethod;
  year?: number;
  /** Password of every generated account. */
  password?: string;
  /** Drop secondary indexes of the big tables during the load and rebuild them after (default true). */
  dropIndexesDuringLoad?: boolean;
  log?: (line: string) => void;
}

export interface Phase {
  name: string;
  ms: number;
  rows?: number;
  note?: string;
}

export interface Edition {
  databaseUrl: string;
  competitionId: string;
  slug: string;
  year: number;
  password: string;
  adminEmail: string;
  organizerEmail: string;
  jurorEmails: string[];
  opdEmails: string[];
  method: LoadMethod;
  seed: number;
  scale: GenerateScale;
  counts: {
    regions: number;
    provinces: number;
    organizations: number;
    users: number;
    innovations: number;
    statusHistory: number;
    documents: number;
    byCategory: Record<string, number>;
    byStatus: Record<string, number>;
    plannedSheets: number;
    sheetsByStage: Record<string, { innovations: number; sheets: number }>;
    writtenSheetRows: number;
  };
  sheetsMessage: string;
  phases: Phase[];
  totalMs: number;
}

const WIB_OFFSET_MS = 7 * 3600_000;
const DAY = 86_400_000;

interface RegionRow {
  id: string;
  code: string;
  name: string;
  kind: 'provinsi' | 'kabupaten' | 'kota';
  parentId: string | null;
}
interface OrgRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  affair: string;
  region: RegionRow;
  userId: string;
}
interface InnovationMeta {
  id: string;
  org: OrgRow;
  category: string;
  createdAt: Date;
  submittedAt: Date | null;
  /** Before the scored stages: draft, withdrawn, screening_failed, disqualified, or in (desk review onwards). */
  early: 'draft' | 'withdrawn' | 'screening_failed' | 'disqualified' | 'in';
  quality: number;
}

function stamp(year: number, month: number, day: number, hour = 9): Date {
  return new Date(Date.UTC(year, month - 1, day, hour) - WIB_OFFSET_MS);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Creates a fresh bench database on the server, migrates it and fills it (see the file's head). */
export async function generateBenchDatabase(adminUrl: string, options: GenerateOptions = {}): Promise<{ name: string; edition: Edition }> {
  const log = options.log ?? (() => undefined);
  const phases: Phase[] = [];
  const t0 = performance.now();
  let t = performance.now();
  await dropStaleBenchDatabases(adminUrl, log);
  const { name, url } = await createBenchDatabase(adminUrl);
  phases.push({ name: 'create database', ms: performance.now() - t, note: name });
  t = performance.now();
  const migrations = await migrate(url);
  phases.push({ name: 'migrate', ms: performance.now() - t, note: `${migrations} migrations` });
  log(`generator: database ${name} created and migrated (${(performance.now() - t0).toFixed(0)} ms)`);
  try {
    const edition = await generateEdition(url, { ...options, log });
    edition.phases.unshift(...phases);
    edition.totalMs = performance.now() - t0;
    return { name, edition };
  } catch (err) {
    await dropBenchDatabase(adminUrl, name).catch(() => undefined);
    throw err;
  }
}

/** Fills an empty, migrated database with a generated edition. */
export async function generateEdition(databaseUrl: string, options: GenerateOptions = {}): Promise<Edition> {
  const scale = options.scale ?? NATIONAL;
  const seed = options.seed ?? 2024;
  const method = options.method ?? 'copy';
  const year = options.year ?? 2025;
  const password = options.password ?? 'bench-pass-2024';
  const log = options.log ?? (() => undefined);
  const rng = new Rng(seed);
  const textRng = new Rng(seed ^ 0x5eed);
  const phases: Phase[] = [];
  const t0 = performance.now();
  let t = performance.now();
  const phase = (name: string, rows?: number, note?: string) => {
    const p = { name, ms: performance.now() - t, rows, note };
    phases.push(p);
    log(
      `generator: ${name.padEnd(22)} ${p.ms.toFixed(0).padStart(6)} ms${rows !== undefined ? `  ${rows.toLocaleString('en-US')} rows` : ''}${note ? `  (${note})` : ''}`,
    );
    t = performance.now();
  };

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // ---- regions: 38 provinces (fewer when scaled down), the rest kabupaten (≈ 81 %) and kota under them
    const provinceCount = Math.max(1, Math.min(PROVINCES.length, Math.round((scale.regions * PROVINCES.length) / NATIONAL.regions)));
    const lower = scale.regions - provinceCount;
    const kotaCount = Math.round((lower * 96) / 512);
    const regions: RegionRow[] = PROVINCES.slice(0, provinceCount).map(([code, name]) => ({
      id: rng.uuid(),
      code,
      name: `Provinsi ${name}`,
      kind: 'provinsi',
      parentId: null,
    }));
    const weights = regions.map(() => 0.4 + rng.float() * 1.2);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const perProvince = weights.map((w) => Math.floor((w / totalWeight) * lower));
    for (let i = 0, left = lower - perProvince.reduce((a, b) => a + b, 0); left > 0; i++, left--) perProvince[i % perProvince.length]++;
    const kotaFlags = rng.shuffle(Array.from({ length: lower }, (_, i) => i < kotaCount));
    const taken = new Set<string>();
    let flag = 0;
    for (const [p, province] of regions.slice(0, provinceCount).entries()) {
      let kab = 0;
      let kota = 0;
      for (let n = 0; n < perProvince[p]; n++) {
        const kind = kotaFlags[flag++] ? 'kota' : 'kabupaten';
        let name = `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${placeName(rng)}`;
        for (let tries = 0; taken.has(name) && tries < 50; tries++) name = `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${placeName(rng)}`;
        if (taken.has(name)) name = `${name} ${taken.size}`;
        taken.add(name);
        const code = `${province.code}.${kind === 'kota' ? 71 + kota++ : String(1 + kab++).padStart(2, '0')}`;
        regions.push({ id: rng.uuid(), code, name, kind, parentId: province.id });
      }
    }
    const regionCount = await loadRows(
      client,
      {
        table: 'regions',
        columns: [
          ['id', 'uuid'],
          ['code', 'text'],
          ['name', 'text'],
          ['kind', 'text'],
          ['parent_id', 'uuid'],
        ],
      },
      regions.map((r) => [r.id, r.code, r.name, r.kind, r.parentId]),
      method,
    );
    phase('regions', regionCount, `${provinceCount} provinsi, ${lower - kotaCount} kabupaten, ${kotaCount} kota`);

    // ---- organizations: ≈ 9 % at provincial level, the rest spread over kabupaten/kota; one OPD account each
    const provincial = Math.max(provinceCount, Math.round(scale.organizations * 0.09));
    const counts = regions.map((r, i) =>
      r.kind === 'provinsi' ? Math.floor(provincial / provinceCount) + (i < provincial % provinceCount ? 1 : 0) : 0,
    );
    const lowerRegions = regions.filter((r) => r.kind !== 'provinsi');
    const rest = scale.organizations - counts.reduce((a, b) => a + b, 0);
    regions.forEach((r, i) => {
      if (r.kind !== 'provinsi' && lowerRegions.length) counts[i] = Math.floor(rest / lowerRegions.length);
    });
    for (let left = scale.organizations - counts.reduce((a, b) => a + b, 0); left > 0; left--)
      counts[lowerRegions.length ? regions.indexOf(rng.pick(lowerRegions)) : 0]++;
    const orgs: OrgRow[] = [];
    for (const [i, region] of regions.entries()) {
      const agencies = rng.shuffle([...AGENCIES]);
      const names = new Set<string>();
      for (let n = 0; n < counts[i]; n++) {
        const [agency, kind, affair] = n < agencies.length ? agencies[n] : AGENCIES.find(([a]) => a === 'Puskesmas')!;
        let name: string;
        if (kind === 'puskesmas') name = `Puskesmas ${placeName(rng)}`;
        else if (kind === 'rsud') name = `RSUD ${placeName(rng)} ${region.name}`;
        else if (agency === 'PDAM Tirta') name = `PDAM Tirta ${placeName(rng)} ${region.name}`;
        else name = `${agency} ${region.name}`;
        while (names.has(name)) name = `${name} ${names.size}`;
        names.add(name);
        orgs.push({
          id: rng.uuid(),
          code: `ORG-${region.code}-${String(n + 1).padStart(3, '0')}`,
          name,
          kind,
          affair,
          region,
          userId: rng.uuid(),
        });
      }
    }
    const orgCount = await loadRows(
      client,
      {
        table: 'organizations',
        columns: [
          ['id', 'uuid'],
          ['code', 'text'],
          ['name', 'text'],
          ['kind', 'text'],
          ['region_id', 'uuid'],
          ['email', 'text'],
        ],
      },
      orgs.map((o) => [o.id, o.code, o.name, o.kind, o.region.id, `${o.code.toLowerCase()}@daerah.go.id`]),
      method,
    );
    phase('organizations', orgCount);

    // ---- users: an admin, an organizer, the jurors (each affiliated with a province), one OPD user per organization
    const passwordHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const provinces = regions.filter((r) => r.kind === 'provinsi');
    const adminId = rng.uuid();
    const organizerId = rng.uuid();
    const jurors: (SheetJuror & { email: string; name: string })[] = Array.from({ length: scale.jurors }, (_, j) => ({
      id: rng.uuid(),
      email: `juror${String(j + 1).padStart(3, '0')}@bench.local`,
      name: `Dr. ${personName(rng)}`,
      provinceId: rng.pick(provinces).id,
      bias: rng.normal() * 5,
    }));
    const created = stamp(year - 1, 12, 1);
    const userRows: Row[] = [
      [adminId, 'admin@bench.local', 'Admin Bench', passwordHash, 'admin', null, null, [], created],
      [organizerId, 'organizer@bench.local', 'Panitia Kompetisi Inovasi', passwordHash, 'organizer', null, null, [], created],
      ...jurors.map((j) => [
        j.id,
        j.email,
        j.name,
        passwordHash,
        'juror',
        null,
        null,
        [{ type: 'region', regionId: j.provinceId }],
        created,
      ]),
      ...orgs.map((o, n) => [
        o.userId,
        `opd.${String(n + 1).padStart(5, '0')}@bench.local`,
        personName(rng),
        passwordHash,
        'opd',
        o.id,
        null,
        [],
        created,
      ]),
    ];
    const userCount = await loadRows(
      client,
      {
        table: 'users',
        columns: [
          ['id', 'uuid'],
          ['email', 'text'],
          ['name', 'text'],
          ['password_hash', 'text'],
          ['role', 'text'],
          ['organization_id', 'uuid'],
          ['region_id', 'uuid'],
          ['affiliations', 'jsonb'],
          ['created_at', 'timestamptz'],
        ],
      },
      userRows,
      method,
    );
    phase('users', userCount, `${scale.jurors} jurors, ${orgs.length} OPD accounts, one argon2 hash shared`);

    // ---- the competition, from the default template, judging with field verification open
    const plan: CompetitionPlan = defaultTemplate(year);
    const competitionId = rng.uuid();
    const slug = `bench-iga-${year}`;
    await client.query(
      `INSERT INTO competitions (id, slug, name, year, description, status, plan, created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, 'judging', $6, $7, $8, $8, 1)`,
      [
        competitionId,
        slug,
        `Kompetisi Inovasi Pelayanan Publik ${year} (bench)`,
        year,
        'Generated national-scale edition for `npm run bench`.',
        JSON.stringify(plan),
        organizerId,
        created,
      ],
    );
    await client.query(`INSERT INTO competition_organizers (competition_id, user_id) VALUES ($1, $2)`, [competitionId, organizerId]);
    const fieldIndex = plan.stages.findIndex((s) => s.kind === 'field_verification');
    for (const [position, s] of plan.stages.entries()) {
      const status = position < fieldIndex ? 'closed' : position === fieldIndex ? 'open' : 'scheduled';
      await client.query(
        `INSERT INTO competition_stages (competition_id, key, position, status, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [competitionId, s.key, position, status, status === 'scheduled' ? null : s.opensAt, status === 'closed' ? s.closesAt : null],
      );
    }
    phase('competition', 1 + plan.stages.length, `${slug}, ${plan.stages.length} stages`);

    // ---- innovations (metadata first: the sheet plan decides who advanced)
    const deadline = new Date(plan.stages[0].closesAt!);
    const metas: InnovationMeta[] = [];
    const start = stamp(year, 1, 2).getTime();
    const span = deadline.getTime() - 5 * DAY - start;
    for (let i = 0; i < scale.innovations; i++) {
      const org = orgs[Math.floor(rng.float() * orgs.length)];
      const createdAt = new Date(start + Math.floor(rng.float() * span));
      const r = rng.float();
      const early: InnovationMeta['early'] =
        r < 0.04 ? 'draft' : r < 0.05 ? 'withdrawn' : r < 0.13 ? 'screening_failed' : r < 0.132 ? 'disqualified' : 'in';
      const submittedAt =
        early === 'draft' ? null : new Date(Math.min(deadline.getTime() - 3600_000, createdAt.getTime() + rng.int(1, 40) * DAY));
      metas.push({
        id: rng.uuid(),
        org,
        category: org.region.kind,
        createdAt,
        submittedAt,
        early,
        quality: Math.max(10, Math.min(95, 60 + rng.normal() * 12)),
      });
    }
    const scored: ScoredStage[] = plan.stages
      .filter((s) => s.rubric.length > 0)
      .map((s: StagePlan) => ({
        key: s.key,
        rubric: s.rubric,
        jurorsPerInnovation: s.jurorsPerInnovation,
        advanceTop: s.advance?.type === 'top' ? s.advance.n : null,
      }));
    const sheetInnovations: SheetInnovation[] = metas.map((m) => ({
      id: m.id,
      category: m.category,
      provinceId: m.org.region.kind === 'provinsi' ? m.org.region.id : m.org.region.parentId,
      quality: m.quality,
    }));
    const participants = metas.flatMap((m, i) => (m.early === 'in' ? [i] : []));
    const sheetPlan = planSheets(rng, sheetInnovations, participants, jurors, scored);
    phase(
      'sheet plan (in memory)',
      sheetPlan.sheets.length,
      Object.entries(sheetPlan.byStage)
        .map(([k, v]) => `${k}: ${v.innovations} × ${v.sheets / Math.max(1, v.innovations)}`)
        .join(', '),
    );

    const stageOf = (key: string) => plan.stages.find((s) => s.key === key)!;
    const closeOf = (key: string) => new Date(stageOf(key).closesAt!);
    const screening = plan.stages.find((s) => s.kind === 'screening')!;
    const outcome = (i: number): { status: string; stage: string } => {
      const m = metas[i];
      if (m.early === 'draft' || m.early === 'withdrawn') return { status: m.early, stage: plan.stages[0].key };
      if (m.early === 'screening_failed') return { status: 'eliminated', stage: screening.key };
      if (m.early === 'disqualified') return { status: 'disqualified', stage: screening.key };
      const reached = scored[sheetPlan.reached[i]];
      return { status: sheetPlan.advanced[i] ? 'submitted' : 'eliminated', stage: reached.key };
    };
    const byCategory: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (let i = 0; i < metas.length; i++) {
      byCategory[metas[i].category] = (byCategory[metas[i].category] ?? 0) + 1;
      const o = outcome(i);
      byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    }

    const sections = plan.proposalForm.sections;
    const affairs = [...new Set(AGENCIES.map(([, , a]) => a))];
    function* innovationRows(): Generator<Row> {
      for (let i = 0; i < metas.length; i++) {
        const m = metas[i];
        const o = outcome(i);
        const { title, service } = innovationTitle(textRng);
        const full = m.early !== 'draft';
        const startDate = new Date(Date.UTC(year - textRng.int(2, 6), textRng.int(0, 11), textRng.int(1, 28))).toISOString().slice(0, 10);
        const updatedAt = o.status === 'eliminated' || o.status === 'disqualified' ? closeOf(o.stage) : (m.submittedAt ?? m.createdAt);
        yield [
          m.id,
          competitionId,
          m.org.id,
          m.org.region.id,
          m.org.region.kind === 'provinsi' ? m.org.region.id : m.org.region.parentId,
          m.category,
          o.status,
          o.stage,
          title,
          paragraph(textRng, service, textRng.int(25, 45)),
          textRng.weighted([
            ['penerapan', 6],
            ['uji_coba', 3],
            ['inisiatif', 1],
          ] as const),
          textRng.bool(0.7),
          textRng.bool(0.8) ? m.org.affair : textRng.pick(affairs),
          startDate,
          full ? paragraph(textRng, service, 20) : null,
          full ? paragraph(textRng, service, 20) : null,
          full ? paragraph(textRng, service, 20) : null,
          full ? paragraph(textRng, service, 12) : null,
          full ? paragraph(textRng, service, 12) : null,
          full ? Object.fromEntries(sections.map((s) => [s.key, paragraph(textRng, service, textRng.int(25, 50))])) : {},
          m.submittedAt,
          m.org.userId,
          m.createdAt,
          updatedAt,
          full ? 2 : 1,
        ];
      }
    }
    const innovationSpec: TableSpec = {
      table: 'innovations',
      columns: [
        ['id', 'uuid'],
        ['competition_id', 'uuid'],
        ['organization_id', 'uuid'],
        ['region_id', 'uuid'],
        ['province_id', 'uuid'],
        ['category', 'text'],
        ['status', 'text'],
        ['current_stage', 'text'],
        ['title', 'text'],
        ['summary', 'text'],
        ['phase', 'text'],
        ['digital', 'bool'],
        ['government_affair', 'text'],
        ['start_date', 'date'],
        ['problem', 'text'],
        ['approach', 'text'],
        ['results', 'text'],
        ['replicability', 'text'],
        ['sustainability', 'text'],
        ['sections', 'jsonb'],
        ['submitted_at', 'timestamptz'],
        ['created_by', 'uuid'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
        ['version', 'int'],
      ],
    };

    function* historyRows(): Generator<Row> {
      for (let i = 0; i < metas.length; i++) {
        const m = metas[i];
        const o = outcome(i);
        yield [m.id, null, 'draft', plan.stages[0].key, m.org.userId, 'opd', null, m.createdAt];
        if (!m.submittedAt) continue;
        yield [m.id, 'draft', 'submitted', plan.stages[0].key, m.org.userId, 'opd', null, m.submittedAt];
        if (o.status === 'withdrawn')
          yield [
            m.id,
            'submitted',
            'withdrawn',
            plan.stages[0].key,
            m.org.userId,
            'opd',
            'Inovasi akan diajukan pada edisi berikutnya.',
            new Date(m.submittedAt.getTime() + 2 * DAY),
          ];
        else if (o.status === 'disqualified')
          yield [
            m.id,
            'submitted',
            'disqualified',
            o.stage,
            organizerId,
            'organizer',
            'Inovasi telah menjadi pemenang pada edisi sebelumnya.',
            closeOf(o.stage),
          ];
        else if (o.status === 'eliminated')
          yield [
            m.id,
            'submitted',
            'eliminated',
            o.stage,
            o.stage === screening.key ? organizerId : null,
            o.stage === screening.key ? 'organizer' : 'system',
            o.stage === screening.key ? 'Dokumen bukti tidak lengkap.' : 'Tidak masuk peringkat yang lolos ke tahap berikutnya.',
            closeOf(o.stage),
          ];
      }
    }
    const historySpec: TableSpec = {
      table: 'innovation_status_history',
      columns: [
        ['innovation_id', 'uuid'],
        ['from_status', 'text'],
        ['to_status', 'text'],
        ['stage', 'text'],
        ['actor_id', 'uuid'],
        ['actor_role', 'text'],
        ['reason', 'text'],
        ['at', 'timestamptz'],
      ],
    };

    function* documentRows(): Generator<Row> {
      for (const m of metas) {
        if (!m.submittedAt) continue;
        const digest = sha256(m.id);
        yield [
          textRng.uuid(),
          m.id,
          'evidence',
          'data-dukung.pdf',
          'application/pdf',
          40_000 + textRng.int(0, 4_000_000),
          digest,
          `${digest.slice(0, 2)}/${m.id}.pdf`,
          m.org.userId,
          m.submittedAt,
        ];
      }
    }
    const documentSpec: TableSpec = {
      table: 'documents',
      columns: [
        ['id', 'uuid'],
        ['innovation_id', 'uuid'],
        ['kind', 'text'],
        ['file_name', 'text'],
        ['media_type', 'text'],
        ['size', 'bigint'],
        ['sha256', 'text'],
        ['storage_key', 'text'],
        ['uploaded_by', 'uuid'],
        ['created_at', 'timestamptz'],
      ],
    };

    const unscoredResults: UnscoredResult[] = [];
    const submissionStage = plan.stages[0];
    metas.forEach((m, i) => {
      if (m.early === 'draft' || m.early === 'withdrawn') return;
      unscoredResults.push({
        stage: submissionStage.key,
        innovation: i,
        status: 'passed',
        reason: 'submitted before the deadline',
        details: null,
        decidedAt: closeOf(submissionStage.key),
      });
      const checklist = Object.fromEntries(
        (screening.checklist ?? []).map((c) => [c.key, m.early !== 'screening_failed' || c.key !== 'complete']),
      );
      unscoredResults.push(
        m.early === 'screening_failed'
          ? {
              stage: screening.key,
              innovation: i,
              status: 'eliminated',
              reason: 'Dokumen bukti tidak lengkap.',
              details: { checklist },
              decidedAt: closeOf(screening.key),
            }
          : {
              stage: screening.key,
              innovation: i,
              status: 'passed',
              reason: 'administrative screening passed',
              details: { checklist },
              decidedAt: closeOf(screening.key),
            },
      );
    });
    const sheetCtx: SheetContext = {
      rng,
      competitionId,
      organizerId,
      innovations: sheetInnovations,
      jurors,
      // Field verification is open but its jurors have submitted every sheet: the organizer has yet to close it.
      draftStages: [],
      stageTimes: Object.fromEntries(scored.map((s) => [s.key, { opensAt: new Date(stageOf(s.key).opensAt!), closesAt: closeOf(s.key) }])),
      unscoredResults,
      method,
    };

    const big = [innovationSpec.table, historySpec.table, documentSpec.table, ...Object.keys(JURY_COLUMNS)];
    const load = async () => {
      t = performance.now();
      const innovations = await loadRows(client, innovationSpec, innovationRows(), method);
      phase('innovations', innovations, `${method}, with title/summary/profile/sections text`);
      const history = await loadRows(client, historySpec, historyRows(), method);
      phase('status history', history, method);
      const documents = await loadRows(client, documentSpec, documentRows(), method);
      phase('documents', documents, `${method}, metadata only`);
      const sheets = await writeSheets(client, sheetPlan, sheetCtx);
      log(`generator: ${sheets.message}`);
      phase(
        'sheets',
        sheets.rows,
        sheets.written ? `${method}: assignments, score_sheets, score_sheet_versions, stage_results` : 'not written',
      );
      return { innovations, history, documents, sheets };
    };
    let loaded: { innovations: number; history: number; documents: number; sheets: SheetWriteResult };
    if (options.dropIndexesDuringLoad ?? true) {
      const r = await withoutSecondaryIndexes(client, big, load);
      loaded = r.result;
      phase('indexes (rebuild)', undefined, `${r.indexes} secondary indexes of the loaded tables`);
    } else {
      loaded = await load();
    }

    // As a long-lived database would be: statistics, and a visibility map for index-only scans.
    await client.query('VACUUM (ANALYZE)');
    phase('vacuum analyze');

    return {
      databaseUrl,
      competitionId,
      slug,
      year,
      password,
      adminEmail: 'admin@bench.local',
      organizerEmail: 'organizer@bench.local',
      jurorEmails: jurors.map((j) => j.email),
      opdEmails: orgs.slice(0, 10).map((_, n) => `opd.${String(n + 1).padStart(5, '0')}@bench.local`),
      method,
      seed,
      scale,
      counts: {
        regions: regionCount,
        provinces: provinceCount,
        organizations: orgCount,
        users: userCount,
        innovations: loaded.innovations,
        statusHistory: loaded.history,
        documents: loaded.documents,
        byCategory,
        byStatus,
        plannedSheets: sheetPlan.sheets.length,
        sheetsByStage: sheetPlan.byStage,
        writtenSheetRows: loaded.sheets.rows,
      },
      sheetsMessage: loaded.sheets.message,
      phases,
      totalMs: performance.now() - t0,
    };
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scale = { ...(args.includes('--tiny') ? TINY : NATIONAL) };
  if (flag('innovations')) scale.innovations = Number(flag('innovations'));
  const log = (line: string) => process.stdout.write(line + '\n');
  (async () => {
    const server = await openBenchServer(process.env, log);
    try {
      const { name, edition } = await generateBenchDatabase(server.adminUrl, {
        scale,
        seed: flag('seed') ? Number(flag('seed')) : undefined,
        method: (flag('method') as LoadMethod | undefined) ?? 'copy',
        dropIndexesDuringLoad: !args.includes('--keep-indexes'),
        log,
      });
      log(`generator: total ${(edition.totalMs / 1000).toFixed(1)} s; ${JSON.stringify(edition.counts.byStatus)}`);
      if (args.includes('--drop')) {
        await dropBenchDatabase(server.adminUrl, name);
        log(`dropped ${name}`);
      } else {
        await markKept(server.adminUrl, name);
        log(
          `kept: psql ${redact(edition.databaseUrl)}   (competition ${edition.competitionId}; password of every account: ${edition.password})`,
        );
        if (server.embedded) log('(the embedded server stops now; start it again with the same data dir to look at the data)');
      }
    } finally {
      await server.stop();
    }
  })().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
