// The national index edition for `npm run bench`: Indonesia's 552 regions (the real list, from the directory's
// data package), 36,742 reported innovations (IID 2025's count) answering the default framework's 20
// innovation indicators, the 15 region indicators of every region: ≈ 743k answers, self-assessed and
// verified (lower options for some), a few innovations ruled ineligible. Bulk COPY, no per-row round trip.
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { loadNationalAreas } from '@app/directory';
import { defaultIidFramework, frameworkIndicators } from '@app/regional-index';
import { Rng } from './lib/random';
import { loadRows, withoutSecondaryIndexes, type LoadMethod, type Row } from './lib/rows';

export const NATIONAL_INDEX = { innovations: 36_742 };

export interface IndexEdition {
  editionId: string;
  slug: string;
  organizerEmail: string;
  password: string;
  counts: { regions: number; innovations: number; answers: number };
  phases: { name: string; ms: number; rows?: number }[];
  totalMs: number;
}

/** Fills an empty, migrated database with the national index edition (status closed, every region submitted). */
export async function generateIndexEdition(
  databaseUrl: string,
  opts: { innovations?: number; seed?: number; method?: LoadMethod; log?: (line: string) => void } = {},
): Promise<IndexEdition> {
  const innovationsWanted = opts.innovations ?? NATIONAL_INDEX.innovations;
  const method = opts.method ?? 'copy';
  const log = opts.log ?? (() => undefined);
  const rng = new Rng(opts.seed ?? 2025);
  const password = 'bench-pass-2024';
  const phases: IndexEdition['phases'] = [];
  const t0 = performance.now();
  let t = performance.now();
  const phase = (name: string, rows?: number) => {
    phases.push({ name, ms: performance.now() - t, rows });
    log(
      `index generator: ${name.padEnd(20)} ${(performance.now() - t).toFixed(0).padStart(6)} ms${rows === undefined ? '' : `  ${rows.toLocaleString('en-US')} rows`}`,
    );
    t = performance.now();
  };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Regions: the official list, provinces first (children name their parent's id).
    const areas = await loadNationalAreas();
    const idOf = new Map(areas.map((a) => [a.code, rng.uuid()]));
    const regions = areas.map((a) => ({ id: idOf.get(a.code)!, ...a }));
    await loadRows(
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
      regions.map((r) => [r.id, r.code, r.name, r.kind, r.parentCode ? idOf.get(r.parentCode)! : null]),
      method,
    );
    // A few tags, so that the groups hold more than provinces.
    await client.query(`UPDATE regions SET tags = '{daerah_tertinggal}' WHERE code = ANY($1::text[])`, [
      regions.filter((r) => r.kind === 'kabupaten' && r.code >= '81').map((r) => r.code),
    ]);
    await client.query(`UPDATE regions SET tags = tags || '{perbatasan}' WHERE code = ANY($1::text[])`, [
      regions.filter((r) => /^(61|64|65|91|93|53)\./.test(r.code)).map((r) => r.code),
    ]);
    phase('regions', regions.length);

    const organizerId = rng.uuid();
    const passwordHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, 'organizer.index@bench.local', 'Panitia Indeks', $2, 'organizer') ON CONFLICT (email) DO NOTHING`,
      [organizerId, passwordHash],
    );
    const orgs = regions.map((r) => ({ id: rng.uuid(), region: r.id, name: `Bappeda ${r.name}` }));
    await loadRows(
      client,
      {
        table: 'organizations',
        columns: [
          ['id', 'uuid'],
          ['name', 'text'],
          ['region_id', 'uuid'],
          ['kind', 'text'],
        ],
      },
      orgs.map((o) => [o.id, o.name, o.region, 'opd']),
      method,
    );
    phase('organizations', orgs.length);

    const framework = defaultIidFramework();
    const editionId = rng.uuid();
    const slug = 'iid-nasional-bench';
    await client.query(
      `INSERT INTO index_editions (id, slug, name, year, status, framework, categories, created_by) VALUES ($1, $2, 'IID Nasional (bench)', 2025, 'closed', $3, '["provinsi","kabupaten","kota"]', $4)`,
      [editionId, slug, JSON.stringify(framework), organizerId],
    );
    await loadRows(
      client,
      {
        table: 'index_participants',
        columns: [
          ['edition_id', 'uuid'],
          ['region_id', 'uuid'],
          ['submitted_at', 'timestamptz'],
        ],
      },
      regions.map((r) => [editionId, r.id, new Date('2025-05-20T03:00:00Z')]),
      method,
    );

    // Innovations: spread by a weight per region (kota and provinces report more), the total exact.
    const weights = regions.map((r) => (r.kind === 'kabupaten' ? 0.5 : 1) * (0.2 + rng.float() * 1.8));
    const total = weights.reduce((a, b) => a + b, 0);
    const perRegion = weights.map((w) => Math.floor((w / total) * innovationsWanted));
    for (let i = 0, left = innovationsWanted - perRegion.reduce((a, b) => a + b, 0); left > 0; i++, left--)
      perRegion[i % perRegion.length]++;
    const quality = regions.map(() => 0.15 + rng.float() * 0.8);
    const inflation = regions.map(() => rng.float() * 0.6);
    const innovations: { id: string; region: number; eligible: boolean | null }[] = [];
    perRegion.forEach((n, r) => {
      for (let k = 0; k < n; k++) innovations.push({ id: rng.uuid(), region: r, eligible: rng.bool(0.02) ? false : true });
    });
    const created = new Date('2025-04-01T03:00:00Z');
    await loadRows(
      client,
      {
        table: 'index_innovations',
        columns: [
          ['id', 'uuid'],
          ['edition_id', 'uuid'],
          ['region_id', 'uuid'],
          ['organization_id', 'uuid'],
          ['title', 'text'],
          ['eligible', 'bool'],
          ['eligibility_reason', 'text'],
          ['created_by', 'uuid'],
          ['created_at', 'timestamptz'],
        ],
      },
      innovations.map((i, n) => [
        i.id,
        editionId,
        regions[i.region].id,
        orgs[i.region].id,
        `Inovasi ${n + 1} ${regions[i.region].name}`,
        i.eligible,
        i.eligible === false ? 'Belum diterapkan satu tahun' : null,
        organizerId,
        created,
      ]),
      method,
    );
    phase('innovations', innovations.length);

    const indicators = frameworkIndicators(framework).filter((i) => i.scope !== 'count');
    const regionIndicators = indicators.filter((i) => i.scope === 'region');
    const innovationIndicators = indicators.filter((i) => i.scope === 'innovation');
    const answer = (r: number, owner: string, innovation: string | null, indicator: (typeof indicators)[number]): Row => {
      const options = [...(indicator.options ?? [])].sort((a, b) => a.score - b.score);
      const top = options.length - 1;
      const verified = Math.min(top, Math.floor(quality[r] * top + rng.float()));
      const self = verified < top && rng.float() < inflation[r] ? top : verified;
      return [
        editionId,
        regions[r].id,
        innovation,
        owner,
        indicator.key,
        options[self].key,
        options[verified].key,
        self > verified ? 'Bukti dukung tidak mendukung opsi ini' : null,
        organizerId,
        2,
        organizerId,
      ];
    };
    function* answers(): Generator<Row> {
      for (let r = 0; r < regions.length; r++) for (const indicator of regionIndicators) yield answer(r, regions[r].id, null, indicator);
      for (const i of innovations) for (const indicator of innovationIndicators) yield answer(i.region, i.id, i.id, indicator);
    }
    const { result: answerCount } = await withoutSecondaryIndexes(client, ['index_answers'], () =>
      loadRows(
        client,
        {
          table: 'index_answers',
          columns: [
            ['edition_id', 'uuid'],
            ['region_id', 'uuid'],
            ['index_innovation_id', 'uuid'],
            ['owner', 'text'],
            ['indicator', 'text'],
            ['self_option', 'text'],
            ['verified_option', 'text'],
            ['verified_note', 'text'],
            ['verified_by', 'uuid'],
            ['version', 'int'],
            ['updated_by', 'uuid'],
          ],
        },
        answers(),
        method,
      ),
    );
    phase('answers', answerCount);
    await client.query(`ANALYZE regions, index_innovations, index_answers, index_participants`);
    phase('analyze');
    return {
      editionId,
      slug,
      organizerEmail: 'organizer.index@bench.local',
      password,
      counts: { regions: regions.length, innovations: innovations.length, answers: answerCount },
      phases,
      totalMs: performance.now() - t0,
    };
  } finally {
    await client.end();
  }
}
