import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadEnv, validateEnv } from './env';

describe('validateEnv', () => {
  it('fills defaults for a bare development environment', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      redisUrl: null,
      smtpUrl: null,
      demoPassword: 'demo-pass-2024',
      seedDemo: true,
      uploadMaxBytes: 20 * 1024 * 1024,
    });
    expect(env.jwt.accessTtlSeconds).toBe(900);
    expect(env.dbStatementTimeoutMs).toBe(30_000);
    expect(env.queue).toEqual({ prefix: 'inovasi', lockMs: 30_000 });
    expect(env.notify).toEqual({ pollMs: 500, backoffMs: 30_000, backoffMaxMs: 3600_000, maxAttempts: 8, concurrency: 8, digestHour: 7 });
    expect(env.operationsRetentionDays).toBe(7);
    expect(env.citizen).toMatchObject({ responsesPerHour: 30, burstCount: 10, burstSeconds: 120, voteRequestsPerHour: 20 });
    expect(env.citizen.disposableDomains).toContain('mailinator.com');
    expect(validateEnv({ VOTE_DISPOSABLE_DOMAINS: ' Yopmail.com ,trashmail.com' }).citizen.disposableDomains).toEqual([
      'yopmail.com',
      'trashmail.com',
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be an integer from 0 to 65535 (got "70000")'],
    [{ NODE_ENV: 'staging' }, 'Invalid configuration: NODE_ENV must be one of development, production, test (got "staging")'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid configuration: DATABASE_URL must use postgres: or postgresql: (got "mysql:")'],
    [{ DATABASE_URL: 'not a url' }, 'Invalid configuration: DATABASE_URL must be a URL (postgres://… or postgresql://…)'],
    [{ REDIS_URL: 'http://localhost' }, 'Invalid configuration: REDIS_URL must use redis: or rediss: (got "http:")'],
    [{ SMTP_URL: 'mailto:x' }, 'Invalid configuration: SMTP_URL must use smtp: or smtps: (got "mailto:")'],
    [{ JWT_ACCESS_SECRET: 'short' }, 'Invalid configuration: JWT_ACCESS_SECRET must be at least 32 characters long'],
    [
      { NODE_ENV: 'production', PUBLIC_URL: 'https://inovasi.example.go.id' },
      'Invalid configuration: JWT_ACCESS_SECRET is required when NODE_ENV=production',
    ],
    [
      { NODE_ENV: 'production' },
      'Invalid configuration: PUBLIC_URL is required when NODE_ENV=production (the base of the links in e-mails, shared by the API and the worker)',
    ],
    [{ STORAGE: 'nfs' }, 'Invalid configuration: STORAGE must be one of local, s3 (got "nfs")'],
    [{ STORAGE: 's3' }, 'Invalid configuration: S3_BUCKET is required when STORAGE=s3'],
    [
      { STORAGE: 's3', S3_BUCKET: 'Bukti_Inovasi' },
      'Invalid configuration: S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, "." or "-" (got "Bukti_Inovasi")',
    ],
    [
      { STORAGE: 's3', S3_BUCKET: 'bukti', S3_ENDPOINT: 'ftp://minio:9000' },
      'Invalid configuration: S3_ENDPOINT must use http: or https: (got "ftp:")',
    ],
    [
      { STORAGE: 's3', S3_BUCKET: 'bukti', S3_ACCESS_KEY_ID: 'key' },
      'Invalid configuration: S3_SECRET_ACCESS_KEY is required when S3_ACCESS_KEY_ID is set',
    ],
    [
      { STORAGE: 's3', S3_BUCKET: 'bukti', S3_FORCE_PATH_STYLE: 'kadang' },
      'Invalid configuration: S3_FORCE_PATH_STYLE must be true or false (got "kadang")',
    ],
    [{ EMBEDDED_PG_PORT: '0' }, 'Invalid configuration: EMBEDDED_PG_PORT must be an integer from 1 to 65535 (got "0")'],
    [{ SEED_DEMO: 'maybe' }, 'Invalid configuration: SEED_DEMO must be true or false (got "maybe")'],
    [{ DEMO_PASSWORD: 'short' }, 'Invalid configuration: DEMO_PASSWORD must be at least 8 characters long'],
    [{ QUEUE_PREFIX: 'a:b' }, 'Invalid configuration: QUEUE_PREFIX must be 1 to 60 letters, digits, "-" or "_" (got "a:b")'],
    [{ SURVEY_BURST_COUNT: '1' }, 'Invalid configuration: SURVEY_BURST_COUNT must be an integer from 2 to 100000 (got "1")'],
    [
      { VOTE_DISPOSABLE_DOMAINS: 'mailinator.com, not a domain' },
      'Invalid configuration: VOTE_DISPOSABLE_DOMAINS must be a comma-separated list of mail domains like mailinator.com (got "not a domain")',
    ],
    [{ NOTIFY_DIGEST_HOUR: '24' }, 'Invalid configuration: NOTIFY_DIGEST_HOUR must be an integer from 0 to 23 (got "24")'],
    [{ OPERATIONS_RETENTION_DAYS: '0' }, 'Invalid configuration: OPERATIONS_RETENTION_DAYS must be an integer from 1 to 3650 (got "0")'],
    [
      { NOTIFY_BACKOFF_MS: '5000', NOTIFY_BACKOFF_MAX_MS: '1000' },
      'Invalid configuration: NOTIFY_BACKOFF_MAX_MS must not be below NOTIFY_BACKOFF_MS (5000)',
    ],
    [{ DB_STATEMENT_TIMEOUT_MS: '50' }, 'Invalid configuration: DB_STATEMENT_TIMEOUT_MS must be 0 (off) or from 100 to 3600000 (got "50")'],
    [{ DB_STATEMENT_TIMEOUT_MS: '-1' }, 'Invalid configuration: DB_STATEMENT_TIMEOUT_MS must be an integer from 0 to 3600000 (got "-1")'],
    [
      { TRUST_PROXY: 'true' },
      'Invalid configuration: TRUST_PROXY must be a hop count from 0 to 10 or a comma-separated list of IP addresses/CIDRs like 10.0.0.0/8 (got "true")',
    ],
    [
      { TRUST_PROXY: '10.0.0.0/33' },
      'Invalid configuration: TRUST_PROXY must be a hop count from 0 to 10 or a comma-separated list of IP addresses/CIDRs like 10.0.0.0/8 (got "10.0.0.0/33")',
    ],
    [
      { TRUST_PROXY: '11' },
      'Invalid configuration: TRUST_PROXY must be a hop count from 0 to 10 or a comma-separated list of IP addresses/CIDRs (got "11")',
    ],
    [
      { CORS_ORIGINS: 'https://ok.go.id,ftp://bad' },
      'Invalid configuration: CORS_ORIGINS must be a comma-separated list of origins like https://example.go.id (got "ftp://bad")',
    ],
  ])('refuses %j with one clear line', (raw, message) => {
    expect(() => validateEnv(raw)).toThrow(new ConfigError('x', 'y').constructor as typeof ConfigError);
    expect(() => validateEnv(raw)).toThrow(message);
    try {
      validateEnv(raw);
    } catch (e) {
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('trusts no proxy unless TRUST_PROXY names hops or addresses, in production too', () => {
    const secret = 'x'.repeat(40);
    expect(
      validateEnv({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://inovasi.example.go.id',
        JWT_ACCESS_SECRET: secret,
        JWT_REFRESH_SECRET: secret,
      }).trustProxy,
    ).toBe(false);
    expect(validateEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(validateEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(validateEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
      'fd00::/8',
    ]);
  });

  it('serves the OpenAPI docs outside production, and in production only when OPENAPI_DOCS says so', () => {
    const prod = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://inovasi.example.go.id',
      JWT_ACCESS_SECRET: 'x'.repeat(40),
      JWT_REFRESH_SECRET: 'x'.repeat(40),
    };
    expect(validateEnv({}).openapiDocs).toBe(true);
    expect(validateEnv({ OPENAPI_DOCS: 'false' }).openapiDocs).toBe(false);
    expect(validateEnv(prod).openapiDocs).toBe(false);
    expect(validateEnv({ ...prod, OPENAPI_DOCS: 'true' }).openapiDocs).toBe(true);
  });

  it('stores evidence on the local disk by default, in an S3-compatible bucket with STORAGE=s3 (path-style when an endpoint is given)', () => {
    expect(validateEnv({}).storage).toEqual({ kind: 'local' });
    expect(
      validateEnv({ STORAGE: 's3', S3_BUCKET: 'bukti', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })
        .storage,
    ).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      bucket: 'bukti',
      region: 'us-east-1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    });
    expect(validateEnv({ STORAGE: 's3', S3_BUCKET: 'bukti', S3_REGION: 'ap-southeast-3' }).storage).toMatchObject({
      endpoint: null,
      region: 'ap-southeast-3',
      forcePathStyle: false,
    });
  });

  it('takes DB_STATEMENT_TIMEOUT_MS=0 as no statement timeout', () => {
    expect(validateEnv({ DB_STATEMENT_TIMEOUT_MS: '0' }).dbStatementTimeoutMs).toBe(0);
    expect(validateEnv({ DB_STATEMENT_TIMEOUT_MS: '200' }).dbStatementTimeoutMs).toBe(200);
  });

  it('never seeds demo data in production, whatever SEED_DEMO says', () => {
    const secret = 'x'.repeat(40);
    const env = validateEnv({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://inovasi.example.go.id',
      SEED_DEMO: 'true',
      JWT_ACCESS_SECRET: secret,
      JWT_REFRESH_SECRET: secret,
    });
    expect(env.seedDemo).toBe(false);
    expect(env.host).toBe('0.0.0.0');
  });

  it('generates missing development JWT secrets once and keeps them under DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'env-spec-'));
    try {
      const a = loadEnv({ DATA_DIR: dir });
      const b = loadEnv({ DATA_DIR: dir });
      expect(a.jwt.accessSecret).toHaveLength(64);
      expect(a.jwt.accessSecret).not.toBe(a.jwt.refreshSecret);
      expect(b.jwt).toEqual(a.jwt);
      expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).accessSecret).toBe(a.jwt.accessSecret);
      const explicit = loadEnv({ DATA_DIR: dir, JWT_ACCESS_SECRET: 'y'.repeat(32) });
      expect(explicit.jwt.accessSecret).toBe('y'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
