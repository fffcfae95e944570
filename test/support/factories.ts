import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import type { TestApp } from './test-app';

export const DEMO_PASSWORD = 'demo-pass-2024';

export async function login(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<{ accessToken: string; refreshToken: string; user: { id: string; role: string; organizationId: string | null } }> {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Loads the demo regions, organizations and accounts into the test database. */
export async function seedDemo(t: TestApp): Promise<void> {
  await t.app.get(DemoSeedService).seed();
}

export async function idOf(t: TestApp, table: 'organizations' | 'regions' | 'users', column: string, value: string): Promise<string> {
  const res = await t.db.query(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]);
  if (!res.rows[0]) throw new Error(`no ${table} row with ${column} = ${value}`);
  return (res.rows[0] as { id: string }).id;
}
