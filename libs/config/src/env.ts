import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/** The validated runtime configuration. Nothing outside libs/config reads `process.env`. */
export interface AppEnv {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  workerPort: number;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  databaseUrl: string | null;
  /** The embedded PostgreSQL's port (no DATABASE_URL); null = the one kept in DATA_DIR/pg.port. */
  embeddedPgPort: number | null;
  /** PostgreSQL `statement_timeout` of the app's pool in ms (0 = none); migrations run without it. */
  dbStatementTimeoutMs: number;
  /**
   * DB_POOL_SIZE: connections one process's two pools hold together at most (the data source's two thirds,
   * PreparedStatements' one third); the change bus's LISTEN connection comes on top.
   */
  dbPoolSize: number;
  /** DB_PROCESSES: API instances + workers sharing the database, for the start-up check against max_connections. */
  dbProcesses: number;
  redisUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  jwt: { accessSecret: string; refreshSecret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  demoPassword: string;
  seedDemo: boolean;
  uploadMaxBytes: number;
  corsOrigins: string[];
  /**
   * Which proxies' X-Forwarded-For is believed (TRUST_PROXY): `false` (default) = none, the socket address is the
   * client; a number = that many proxy hops in front of the API; a list = proxies at these addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  loginRateLimit: number;
  /** Failed sign-ins per client address (any e-mail) within 15 minutes before its logins get 429. */
  loginAddressFailureLimit: number;
  /** Serve the OpenAPI document and UI at /docs-json and /docs (OPENAPI_DOCS; default on outside production, off in it). */
  openapiDocs: boolean;
  /** Serve the bench-only baseline routes GET /api/bench/hello and /api/bench/select1 (`npm run bench` turns it on). */
  benchRoutes: boolean;
  /** BullMQ: key prefix (one per deployment or test app) and how long a worker's job lock lasts. */
  queue: { prefix: string; lockMs: number };
  /** Evidence storage: the local disk under DATA_DIR (one machine) or an S3-compatible bucket (several instances). */
  storage: StorageEnv;
  /** Notification delivery: outbox polling, retries with capped exponential backoff, daily digest hour (WIB). */
  notify: { pollMs: number; backoffMs: number; backoffMaxMs: number; maxAttempts: number; concurrency: number; digestHour: number };
  /** Finished `operations` rows (progress of long operations) are deleted this many days after they ended (running ones never). */
  operationsRetentionDays: number;
  /** Citizens' voice (surveys, favourite vote): per-address limits per hour, burst flagging, disposable e-mail domains. */
  citizen: { responsesPerHour: number; burstCount: number; burstSeconds: number; voteRequestsPerHour: number; disposableDomains: string[] };
}

export type StorageEnv =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint: string | null;
      bucket: string;
      region: string;
      accessKeyId: string | null;
      secretAccessKey: string | null;
      forcePathStyle: boolean;
    };
/** A small default list of throw-away mail domains refused for favourite votes (VOTE_DISPOSABLE_DOMAINS replaces it). */
export const DEFAULT_DISPOSABLE_DOMAINS = [
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'tempmail.com',
  'temp-mail.org',
  'yopmail.com',
  'trashmail.com',
  'sharklasers.com',
  'getnada.com',
  'dispostable.com',
];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Raw = Record<string, string | undefined>;

function str(raw: Raw, key: string): string | undefined {
  const v = raw[key];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(raw: Raw, key: string, def: number, min: number, max: number): number {
  const v = str(raw, key);
  if (v === undefined) return def;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfigError(key, `must be an integer from ${min} to ${max} (got "${v}")`);
  }
  return Number(v);
}

function domains(raw: Raw, key: string): string[] | undefined {
  const v = str(raw, key);
  if (v === undefined) return undefined;
  const list = v
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  for (const d of list)
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))
      throw new ConfigError(key, `must be a comma-separated list of mail domains like mailinator.com (got "${d}")`);
  return list;
}

function oneOf<T extends string>(raw: Raw, key: string, allowed: readonly T[], def: T): T {
  const v = str(raw, key);
  if (v === undefined) return def;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ConfigError(key, `must be one of ${allowed.join(', ')} (got "${v}")`);
  }
  return v as T;
}

function url(raw: Raw, key: string, protocols: readonly string[]): string | null {
  const v = str(raw, key);
  if (v === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(key, `must be a URL (${protocols.map((p) => p + '//…').join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(key, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return v;
}

function bool(raw: Raw, key: string, def: boolean): boolean {
  const v = str(raw, key);
  if (v === undefined) return def;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new ConfigError(key, `must be true or false (got "${v}")`);
}

function secret(raw: Raw, key: string, nodeEnv: AppEnv['nodeEnv']): string | undefined {
  const v = str(raw, key);
  if (v === undefined) {
    if (nodeEnv === 'production') throw new ConfigError(key, 'is required when NODE_ENV=production');
    return undefined;
  }
  if (v.length < 32) throw new ConfigError(key, 'must be at least 32 characters long');
  return v;
}

/** TRUST_PROXY: unset/empty = trust no proxy; a hop count (0-10); or a comma-separated list of IP addresses and CIDRs. */
function trustProxy(raw: Raw): AppEnv['trustProxy'] {
  const v = str(raw, 'TRUST_PROXY');
  if (v === undefined) return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 10)
      throw new ConfigError('TRUST_PROXY', `must be a hop count from 0 to 10 or a comma-separated list of IP addresses/CIDRs (got "${v}")`);
    return Number(v) === 0 ? false : Number(v);
  }
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [ip, prefix, ...rest] = entry.split('/');
    const family = isIP(ip);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || rest.length) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be a hop count from 0 to 10 or a comma-separated list of IP addresses/CIDRs like 10.0.0.0/8 (got "${entry}")`,
      );
    }
  }
  return entries.length ? entries : false;
}

/**
 * Validates the environment. Throws a {@link ConfigError} whose message is one line naming the variable.
 * JWT secrets left unset outside production are generated once and kept in DATA_DIR/secrets.json
 * (see {@link resolveDevSecrets}); this function itself has no side effects.
 */
export type ValidatedEnv = Omit<AppEnv, 'jwt'> & {
  jwt: Omit<AppEnv['jwt'], 'accessSecret' | 'refreshSecret'> & { accessSecret?: string; refreshSecret?: string };
};

export function validateEnv(raw: Raw): ValidatedEnv {
  const nodeEnv = oneOf(raw, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int(raw, 'PORT', 3000, 0, 65535);
  const host = str(raw, 'HOST') ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1');
  const givenPublicUrl = url(raw, 'PUBLIC_URL', ['http:', 'https:']);
  // E-mail links are written by whichever process delivers them (API or worker): a guessed localhost is wrong there.
  if (!givenPublicUrl && nodeEnv === 'production')
    throw new ConfigError(
      'PUBLIC_URL',
      'is required when NODE_ENV=production (the base of the links in e-mails, shared by the API and the worker)',
    );
  const publicUrl = givenPublicUrl ?? `http://localhost:${port}`;
  const corsOrigins = (str(raw, 'CORS_ORIGINS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins like https://example.go.id (got "${origin}")`);
  }
  const demoPassword = str(raw, 'DEMO_PASSWORD') ?? 'demo-pass-2024';
  if (demoPassword.length < 8) throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters long');
  const queuePrefix = str(raw, 'QUEUE_PREFIX') ?? 'inovasi';
  if (!/^[A-Za-z0-9_-]{1,60}$/.test(queuePrefix))
    throw new ConfigError('QUEUE_PREFIX', `must be 1 to 60 letters, digits, "-" or "_" (got "${queuePrefix}")`);
  const dbStatementTimeoutMs = int(raw, 'DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3600_000);
  if (dbStatementTimeoutMs > 0 && dbStatementTimeoutMs < 100)
    throw new ConfigError('DB_STATEMENT_TIMEOUT_MS', `must be 0 (off) or from 100 to 3600000 (got "${dbStatementTimeoutMs}")`);
  const backoffMs = int(raw, 'NOTIFY_BACKOFF_MS', 30_000, 1, 24 * 3600_000);
  const backoffMaxMs = int(raw, 'NOTIFY_BACKOFF_MAX_MS', 3600_000, 1, 7 * 24 * 3600_000);
  if (backoffMaxMs < backoffMs) throw new ConfigError('NOTIFY_BACKOFF_MAX_MS', `must not be below NOTIFY_BACKOFF_MS (${backoffMs})`);
  return {
    nodeEnv,
    host,
    port,
    workerPort: int(raw, 'WORKER_PORT', 3001, 0, 65535),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    logLevel: oneOf(
      raw,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'production' ? 'info' : 'warn',
    ),
    dataDir: path.resolve(str(raw, 'DATA_DIR') ?? './data'),
    databaseUrl: url(raw, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    embeddedPgPort: str(raw, 'EMBEDDED_PG_PORT') === undefined ? null : int(raw, 'EMBEDDED_PG_PORT', 0, 1, 65535),
    dbStatementTimeoutMs,
    dbPoolSize: int(raw, 'DB_POOL_SIZE', 30, 2, 10_000),
    dbProcesses: int(raw, 'DB_PROCESSES', 3, 1, 1000),
    redisUrl: url(raw, 'REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: url(raw, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(raw, 'MAIL_FROM') ?? 'Kompetisi Inovasi <no-reply@inovasi.local>',
    jwt: {
      accessSecret: secret(raw, 'JWT_ACCESS_SECRET', nodeEnv),
      refreshSecret: secret(raw, 'JWT_REFRESH_SECRET', nodeEnv),
      accessTtlSeconds: int(raw, 'JWT_ACCESS_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
      refreshTtlSeconds: int(raw, 'JWT_REFRESH_TTL_SECONDS', 14 * 24 * 3600, 60, 365 * 24 * 3600),
    },
    demoPassword,
    seedDemo: nodeEnv === 'production' ? false : bool(raw, 'SEED_DEMO', nodeEnv === 'development'),
    uploadMaxBytes: int(raw, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    corsOrigins,
    trustProxy: trustProxy(raw),
    loginRateLimit: int(raw, 'LOGIN_RATE_LIMIT', 10, 1, 100000),
    loginAddressFailureLimit: int(raw, 'LOGIN_ADDRESS_FAILURE_LIMIT', 30, 1, 100000),
    benchRoutes: bool(raw, 'BENCH_ROUTES', false),
    openapiDocs: bool(raw, 'OPENAPI_DOCS', nodeEnv !== 'production'),
    storage: storageEnv(raw),
    queue: { prefix: queuePrefix, lockMs: int(raw, 'QUEUE_LOCK_MS', 30_000, 100, 600_000) },
    notify: {
      pollMs: int(raw, 'NOTIFY_POLL_MS', 500, 10, 60_000),
      backoffMs,
      backoffMaxMs,
      maxAttempts: int(raw, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
      concurrency: int(raw, 'NOTIFY_CONCURRENCY', 8, 1, 100),
      digestHour: int(raw, 'NOTIFY_DIGEST_HOUR', 7, 0, 23),
    },
    operationsRetentionDays: int(raw, 'OPERATIONS_RETENTION_DAYS', 7, 1, 3650),
    citizen: {
      responsesPerHour: int(raw, 'SURVEY_RESPONSE_LIMIT', 30, 1, 100000),
      burstCount: int(raw, 'SURVEY_BURST_COUNT', 10, 2, 100000),
      burstSeconds: int(raw, 'SURVEY_BURST_SECONDS', 120, 1, 86400),
      voteRequestsPerHour: int(raw, 'VOTE_REQUEST_LIMIT', 20, 1, 100000),
      disposableDomains: domains(raw, 'VOTE_DISPOSABLE_DOMAINS') ?? DEFAULT_DISPOSABLE_DOMAINS,
    },
  };
}

function storageEnv(raw: Raw): StorageEnv {
  const kind = oneOf(raw, 'STORAGE', ['local', 's3'] as const, 'local');
  if (kind === 'local') return { kind };
  const bucket = str(raw, 'S3_BUCKET');
  if (!bucket) throw new ConfigError('S3_BUCKET', 'is required when STORAGE=s3');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError('S3_BUCKET', `must be a bucket name: 3 to 63 lower-case letters, digits, "." or "-" (got "${bucket}")`);
  const accessKeyId = str(raw, 'S3_ACCESS_KEY_ID') ?? null;
  const secretAccessKey = str(raw, 'S3_SECRET_ACCESS_KEY') ?? null;
  if (accessKeyId && !secretAccessKey) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is required when S3_ACCESS_KEY_ID is set');
  if (secretAccessKey && !accessKeyId) throw new ConfigError('S3_ACCESS_KEY_ID', 'is required when S3_SECRET_ACCESS_KEY is set');
  const endpoint = url(raw, 'S3_ENDPOINT', ['http:', 'https:']);
  const region = str(raw, 'S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new ConfigError('S3_REGION', `must be a region name such as us-east-1 (got "${region}")`);
  // MinIO and most S3-compatible servers want path-style URLs (http://host:9000/bucket/key).
  return {
    kind,
    endpoint,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: bool(raw, 'S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

/** Fills JWT secrets missing outside production from DATA_DIR/secrets.json, generating that file once. */
export function resolveDevSecrets(env: ValidatedEnv): AppEnv {
  let { accessSecret, refreshSecret } = env.jwt;
  if (!accessSecret || !refreshSecret) {
    const file = path.join(env.dataDir, 'secrets.json');
    let stored: { accessSecret?: string; refreshSecret?: string } = {};
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
    if (!stored.accessSecret || !stored.refreshSecret) {
      stored = { accessSecret: randomBytes(48).toString('base64url'), refreshSecret: randomBytes(48).toString('base64url') };
      mkdirSync(env.dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    accessSecret ??= stored.accessSecret;
    refreshSecret ??= stored.refreshSecret;
  }
  return { ...env, jwt: { ...env.jwt, accessSecret: accessSecret!, refreshSecret: refreshSecret! } };
}

/** validateEnv + resolveDevSecrets: the one call the entry points make. */
export function loadEnv(raw: Raw = process.env): AppEnv {
  return resolveDevSecrets(validateEnv(raw));
}
