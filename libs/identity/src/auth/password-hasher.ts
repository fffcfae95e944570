import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** argon2id with OWASP's second recommended profile (19 MiB, t=2). */
@Injectable()
export class PasswordHasher {
  private static readonly options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
  /** A real hash of a random string, verified against when the e-mail is unknown so timing does not tell. */
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.options);
  }

  /** Stored for an account whose invitation is not accepted yet: no password matches it. */
  static readonly NO_PASSWORD = '!invited';

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash || passwordHash === PasswordHasher.NO_PASSWORD) {
      this.dummy ??= hash('not-a-real-password-' + Math.random(), PasswordHasher.options);
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
