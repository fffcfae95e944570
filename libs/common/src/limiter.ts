/**
 * At most `max` calls running at once; the others wait their turn, first come first served. One limiter per
 * resource shared by several callers (e.g. the SMTP connections of a process delivering several batches at once).
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error('Limiter: max must be at least 1');
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running < this.max) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the finishing call hands its turn over
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
