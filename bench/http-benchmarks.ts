// The HTTP benchmark definitions `npm run bench` runs, in this order, after the two baselines (a bare
// hello-world route and a route doing one SELECT 1, served by the same process: GET /api/bench/hello and
// /api/bench/select1 with BENCH_ROUTES=true). To add one, append to HTTP_BENCHMARKS. A definition whose
// route answers 404, or whose prepare() throws NotAvailable, is reported as "not available yet".
import type { Pool } from 'pg';
import type { Edition } from './generate';

export type Baseline = 'hello' | 'select1';

export interface HttpBenchContext {
  baseUrl: string;
  edition: Edition;
  /** A pool on the generated database, for setup queries. */
  db: Pool;
  connections: number;
  /** An access token for the account (password: edition.password); cached per e-mail. */
  login(email: string): Promise<string>;
  request(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, string>; text: string; json(): any }>;
  log(line: string): void;
}

/** The same request on every connection. */
export interface StaticRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A request per connection (connection n of `connections`), rebuilt before each send. */
export interface ConnectionRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: () => string;
  onResponse?: (status: number, body: string) => void;
}

/**
 * `note` is printed with the results (e.g. how many rows the request covers); `afterRun` runs after the
 * warm-up and each run (e.g. to resynchronise state that requests cut off at the end of a run changed).
 */
export type PreparedRequest = (StaticRequest | { perConnection: (n: number) => ConnectionRequest }) & {
  note?: string;
  afterRun?: () => Promise<void>;
};

export interface HttpTargets {
  /** Requests/s at least `ratio` × the baseline's. */
  minRatio?: { of: Baseline; ratio: number };
  /** p99 latency strictly below this, in ms. */
  maxP99Ms?: number;
}

export interface HttpBenchmarkDefinition {
  key: string;
  title: string;
  /** Ratios printed for this definition. */
  compareTo: Baseline[];
  targets?: HttpTargets;
  /** Runs on the published edition (the suite measures the publication first when asked to). */
  needsPublication?: boolean;
  /** Once, before its runs: sets up what it needs and describes the request; throws NotAvailable when it can't run yet. */
  prepare(ctx: HttpBenchContext): Promise<PreparedRequest>;
}

export class NotAvailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAvailable';
  }
}

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The baselines, run first. */
export const BASELINES: Record<Baseline, HttpBenchmarkDefinition> = {
  hello: {
    key: 'hello',
    title: 'baseline: GET /api/bench/hello (bare JSON)',
    compareTo: [],
    prepare: async () => ({ path: '/api/bench/hello' }),
  },
  select1: {
    key: 'select1',
    title: 'baseline: GET /api/bench/select1 (one SELECT 1)',
    compareTo: ['hello'],
    prepare: async () => ({ path: '/api/bench/select1' }),
  },
};

/** The organizer's filtered list: page 1 of the 50,000, with its total. */
function organizerList(key: string, title: string, query: string): HttpBenchmarkDefinition {
  return {
    key,
    title,
    compareTo: ['hello', 'select1'],
    targets: { maxP99Ms: 100 },
    async prepare(ctx) {
      const token = await ctx.login(ctx.edition.organizerEmail);
      const path = `/api/competitions/${ctx.edition.competitionId}/innovations?${query}`;
      const res = await ctx.request('GET', path, { token });
      const total = res.status === 200 ? (res.json().total as number) : null;
      return {
        path,
        headers: bearer(token),
        note:
          total === null
            ? undefined
            : `${total.toLocaleString('en-US')} matching rows of ${ctx.edition.counts.innovations.toLocaleString('en-US')}`,
      };
    },
  };
}

/**
 * Publishes the edition once (for the public rankings benchmarks and bench/publication.ts): the field
 * verification drafts are submitted in SQL, then the organizer closes the open stage and publishes through the
 * API (POST /api/competitions/:id/stages/:key/close, POST /api/competitions/:id/rankings/publish), and the
 * notifications the publication queued are given up to a minute to drain, so they don't run under load.
 * `publishMs`: the publish request alone.
 */
let published: Promise<{ publishMs: number }> | null = null;
export function publishEdition(ctx: HttpBenchContext): Promise<{ publishMs: number }> {
  published ??= (async () => {
    const { edition } = ctx;
    const token = await ctx.login(edition.organizerEmail);
    const open = await ctx.db.query<{ key: string }>(
      `SELECT key FROM competition_stages WHERE competition_id = $1 AND status = 'open' ORDER BY position`,
      [edition.competitionId],
    );
    for (const { key } of open.rows) {
      await ctx.db
        .query(
          `UPDATE score_sheets s SET status = 'submitted', submitted_at = now(), version = s.version + 1, updated_at = now()
             FROM assignments a WHERE a.id = s.assignment_id AND a.competition_id = $1 AND a.stage_key = $2 AND s.status = 'draft'`,
          [edition.competitionId, key],
        )
        .catch(() => undefined);
      const closed = await ctx.request('POST', `/api/competitions/${edition.competitionId}/stages/${key}/close`, { token, body: {} });
      if (closed.status === 404) throw new NotAvailable(`closing stage ${key}: ${closed.status} ${closed.text.slice(0, 200)}`);
      if (closed.status >= 300) throw new Error(`closing stage ${key}: ${closed.status} ${closed.text.slice(0, 300)}`);
    }
    // The objection window of the plan ran out before publication (publication needs it).
    await ctx.db.query(
      `INSERT INTO ranking_announcements (competition_id, output, opens_at, closes_at, announced_by)
       SELECT c.id, '{}', now() - interval '30 days', now() - interval '1 day', u.id FROM competitions c, users u WHERE c.id = $1 AND u.email = $2`,
      [edition.competitionId, edition.organizerEmail],
    );
    const t0 = performance.now();
    const res = await ctx.request('POST', `/api/competitions/${edition.competitionId}/rankings/publish`, { token, body: {} });
    const publishMs = performance.now() - t0;
    if (res.status === 404) throw new NotAvailable(`publishing: ${res.status} ${res.text.slice(0, 200)}`);
    if (res.status >= 300) throw new Error(`publishing: ${res.status} ${res.text.slice(0, 300)}`);
    ctx.log(`  published ranking v${res.json().version} in ${publishMs.toFixed(0)} ms`);
    await drainOutbox(ctx);
    return { publishMs };
  })();
  return published;
}

/** Gives the notifications a publication queued up to a minute to go out, so they don't run under the next measurement. */
export async function drainOutbox(ctx: HttpBenchContext): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    const pending = await ctx.db
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE status IN ('pending', 'failed')`)
      .catch(() => ({ rows: [{ n: 0 }] }));
    if (pending.rows[0].n === 0 || performance.now() - t0 > 60_000) {
      ctx.log(`  outbox after publishing: ${pending.rows[0].n} pending after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** For the smoke test: forget the publication of a previous edition. */
export function resetPublication(): void {
  published = null;
}

/**
 * A juror saving a draft sheet (PUT /api/assignments/:id/sheet) with the version they saw: each connection
 * owns one sheet of the open stage (reopened to draft), changes one criterion by a point and saves it again.
 */
const sheetSave: HttpBenchmarkDefinition = {
  key: 'sheet-save',
  title: "juror's sheet save (PUT /api/assignments/:id/sheet)",
  compareTo: ['select1'],
  targets: { minRatio: { of: 'select1', ratio: 0.3 }, maxP99Ms: 50 },
  async prepare(ctx) {
    // The generated jurors have submitted every sheet of the open stage: as an organizer would reopen
    // them, one per connection goes back to draft (publishEdition submits them again).
    const drafts = await ctx.db
      .query<{ id: string; email: string; version: number; scores: Record<string, number>; comment: string | null; stage: string }>(
        `WITH pick AS (
           SELECT s.id FROM assignments a
             JOIN score_sheets s ON s.assignment_id = a.id
             JOIN competition_stages cs ON cs.competition_id = a.competition_id AND cs.key = a.stage_key
            WHERE a.competition_id = $1 AND a.removed_at IS NULL AND cs.status = 'open'
            ORDER BY a.id LIMIT $2
         ), reopened AS (
           UPDATE score_sheets s SET status = 'draft', submitted_at = NULL, version = CASE WHEN s.status = 'draft' THEN s.version ELSE s.version + 1 END, updated_at = now()
             FROM pick WHERE pick.id = s.id
           RETURNING s.assignment_id, s.version, s.scores, s.comment
         )
         SELECT a.id, u.email, r.version, r.scores, r.comment, a.stage_key AS stage
           FROM reopened r JOIN assignments a ON a.id = r.assignment_id JOIN users u ON u.id = a.juror_id
          ORDER BY a.id`,
        [ctx.edition.competitionId, ctx.connections],
      )
      .catch((err: Error) => {
        throw new NotAvailable(`no sheets to save (${err.message})`);
      });
    if (drafts.rows.length === 0) throw new NotAvailable('no sheets of an open stage in the generated edition');
    if (drafts.rows.length < ctx.connections)
      ctx.log(
        `  sheet-save: only ${drafts.rows.length} sheets for ${ctx.connections} connections: some connections share a sheet (409s expected)`,
      );
    const competition = (
      await ctx.db.query<{ plan: { stages: { key: string; rubric: { key: string; min: number; max: number }[] }[] } }>(
        `SELECT plan FROM competitions WHERE id = $1`,
        [ctx.edition.competitionId],
      )
    ).rows[0];
    type Slot = (typeof drafts.rows)[number] & { rubric: { key: string; min: number; max: number }[]; token: string; saves: number };
    const slots: Slot[] = [];
    for (const row of drafts.rows) {
      const rubric = competition.plan.stages.find((s) => s.key === row.stage)!.rubric;
      slots.push({ ...row, rubric, token: await ctx.login(row.email), saves: 0 });
    }
    const request = (n: number): ConnectionRequest => {
      const slot = slots[n % slots.length];
      return {
        method: 'PUT',
        path: `/api/assignments/${slot.id}/sheet`,
        headers: { ...json, ...bearer(slot.token) },
        body: () => {
          const c = slot.rubric[slot.saves++ % slot.rubric.length];
          const v = slot.scores[c.key] ?? c.min;
          slot.scores = { ...slot.scores, [c.key]: v < c.max ? v + 1 : v - 1 };
          return JSON.stringify({ scores: slot.scores, comment: slot.comment ?? 'Catatan verifikasi lapangan.', version: slot.version });
        },
        onResponse: (status, body) => {
          if (status === 200) slot.version = JSON.parse(body).version;
          else if (status === 409) slot.version = JSON.parse(body).details?.currentVersion ?? slot.version;
        },
      };
    };
    // A save still in flight when a run stops is committed but its answer is never read: take the versions
    // from the database again before the next run, or its first saves would be refused as stale (409).
    // Saves still queued on the server commit after the run's end: wait until the versions stop moving.
    const afterRun = async () => {
      const read = async () =>
        new Map(
          (
            await ctx.db.query<{ id: string; version: number }>(
              `SELECT a.id, s.version FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id WHERE a.id = ANY($1)`,
              [slots.map((x) => x.id)],
            )
          ).rows.map((r) => [r.id, r.version]),
        );
      let versions = await read();
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const next = await read();
        const still = [...next].every(([id, v]) => versions.get(id) === v);
        versions = next;
        if (still) break;
      }
      for (const slot of slots) slot.version = versions.get(slot.id) ?? slot.version;
    };
    return {
      perConnection: request,
      afterRun,
      note: `${slots.length} reopened sheets of ${new Set(slots.map((s) => s.email)).size} jurors, one per connection`,
    };
  },
};

/** The juror's dashboard (GET /api/assignments/mine) of the juror with the most assignments of the edition. */
const jurorAssignments: HttpBenchmarkDefinition = {
  key: 'juror-assignments',
  title: "juror's assignment list (GET /api/assignments/mine)",
  compareTo: ['hello', 'select1'],
  targets: { maxP99Ms: 100 },
  async prepare(ctx) {
    const top = await ctx.db.query<{ email: string; n: number }>(
      `SELECT u.email, count(*)::int AS n FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.competition_id = $1 AND a.removed_at IS NULL GROUP BY u.email ORDER BY n DESC, u.email LIMIT 1`,
      [ctx.edition.competitionId],
    );
    if (!top.rows.length) throw new NotAvailable('no assignments in the generated edition');
    const token = await ctx.login(top.rows[0].email);
    return {
      path: '/api/assignments/mine',
      headers: bearer(token),
      note: `${top.rows[0].n.toLocaleString('en-US')} assignments of one juror; the page the dashboard opens with (50, to-do first) and the progress over all`,
    };
  },
};

/** The OPD's innovation list ("Inovasi saya", GET /api/me/innovations) of the organization with the most innovations. */
const opdInnovations: HttpBenchmarkDefinition = {
  key: 'opd-innovations',
  title: "OPD's innovation list (GET /api/me/innovations)",
  compareTo: ['hello', 'select1'],
  targets: { maxP99Ms: 100 },
  async prepare(ctx) {
    const top = await ctx.db.query<{ email: string; n: number }>(
      `SELECT u.email, count(*)::int AS n FROM innovations i JOIN users u ON u.organization_id = i.organization_id AND u.role = 'opd' GROUP BY u.email ORDER BY n DESC, u.email LIMIT 1`,
    );
    if (!top.rows.length) throw new NotAvailable('no OPD account with innovations in the generated edition');
    const token = await ctx.login(top.rows[0].email);
    return {
      path: '/api/me/innovations',
      headers: bearer(token),
      note: `${top.rows[0].n.toLocaleString('en-US')} innovations of one organization`,
    };
  },
};

/** What a browser sends: the public routes answer gzip made once per snapshot to those who take it. */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/** GET /api/public/competitions/:slug/rankings — the published ranking as JSON. */
const publicRankingsJson: HttpBenchmarkDefinition = {
  key: 'public-rankings-json',
  title: 'public rankings JSON (GET /api/public/competitions/:slug/rankings, accept-encoding gzip as browsers send)',
  compareTo: ['hello'],
  targets: { minRatio: { of: 'hello', ratio: 0.5 } },
  needsPublication: true,
  async prepare(ctx) {
    await publishEdition(ctx);
    return { path: `/api/public/competitions/${ctx.edition.slug}/rankings`, headers: BROWSER_ENCODINGS };
  },
};

/**
 * The public rankings page as a browser asks for it (HTML). Counted only when the server renders the
 * ranking into the page: the web app's index.html shell (served for any unknown path) is not a rankings page.
 */
export const PUBLIC_RANKINGS_PAGE_PATH = (slug: string) => `/kompetisi/${slug}`;
const publicRankingsPage: HttpBenchmarkDefinition = {
  key: 'public-rankings-page',
  title: 'public rankings page (server-rendered HTML at /kompetisi/:slug, accept-encoding gzip)',
  compareTo: ['hello'],
  targets: { minRatio: { of: 'hello', ratio: 0.5 } },
  needsPublication: true,
  async prepare(ctx) {
    await publishEdition(ctx);
    const path = PUBLIC_RANKINGS_PAGE_PATH(ctx.edition.slug);
    const res = await ctx.request('GET', path, { headers: { accept: 'text/html' } });
    const html = (res.headers['content-type'] ?? '').includes('text/html');
    if (res.status === 200 && !(html && res.text.includes(ctx.edition.slug)))
      throw new NotAvailable(`${path} answers the web app shell, not a server-rendered rankings page`);
    return { path, headers: { accept: 'text/html', ...BROWSER_ENCODINGS } };
  },
};

/** Run in this order (each prepares just before its runs: the public rankings publish the edition first). */
export const HTTP_BENCHMARKS: HttpBenchmarkDefinition[] = [
  organizerList(
    'organizer-list-heavy',
    'organizer list, page 1: ?category=kabupaten&status=eliminated',
    'category=kabupaten&status=eliminated&page=1&pageSize=20',
  ),
  organizerList(
    'organizer-list',
    'organizer list, page 1: ?category=kota&status=submitted',
    'category=kota&status=submitted&page=1&pageSize=20',
  ),
  {
    key: 'competition-json',
    title: 'GET /api/competitions/:id (organizer, JSON with the plan)',
    compareTo: ['hello', 'select1'],
    targets: { minRatio: { of: 'select1', ratio: 0.4 } },
    async prepare(ctx) {
      const token = await ctx.login(ctx.edition.organizerEmail);
      return { path: `/api/competitions/${ctx.edition.competitionId}`, headers: bearer(token) };
    },
  },
  jurorAssignments,
  opdInnovations,
  sheetSave,
  publicRankingsJson,
  publicRankingsPage,
];
