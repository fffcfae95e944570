import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppEnv } from '@app/config';

/**
 * Keyed hashes of what identifies a citizen (a client address, a queue ticket, an e-mail): enough to count
 * and to refuse a second response or vote, never reversible by someone holding only the database (the key
 * is the server's access-token secret, which the database does not hold).
 */
@Injectable()
export class CitizenHasher {
  private readonly key: string;

  constructor(config: ConfigService<AppEnv, true>) {
    this.key = `citizen-voice:${config.get('jwt', { infer: true }).accessSecret}`;
  }

  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${value}`).digest('hex');
  }
}
