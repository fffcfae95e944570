import type { CliCommand } from '../cli-command';
import { UsersService } from '@app/identity';
import { DemoSeedService } from '@app/demo';
import { withApp } from '../app-context';

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export const adminCreateCommand: CliCommand = {
  description: 'admin:create --email E --name N [--password P] — create a platform admin',
  async run(args) {
    const email = flag(args, 'email');
    const name = flag(args, 'name') ?? 'Administrator';
    const password = flag(args, 'password');
    if (!email) {
      process.stderr.write('usage: npm run -s cli -- admin:create --email admin@example.go.id --name "Nama" [--password P]\n');
      return 2;
    }
    return withApp(async (app) => {
      const created = await app.get(UsersService).createAdmin({ email, name, password });
      process.stdout.write(
        `created admin ${created.email} (${created.id})${created.initialPassword ? `\none-time password: ${created.initialPassword}` : ''}\n`,
      );
      return 0;
    });
  },
};

export const seedDemoCommand: CliCommand = {
  description: 'seed:demo — load the demo edition (never with NODE_ENV=production)',
  async run() {
    return withApp(async (app, env) => {
      const result = await app.get(DemoSeedService).seed();
      process.stdout.write(
        `demo data loaded; accounts (password ${env.demoPassword}):\n${result.accounts.map((a) => `  ${a.email} (${a.role})`).join('\n')}\n`,
      );
      return 0;
    });
  },
};
