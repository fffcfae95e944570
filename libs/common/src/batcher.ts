/**
 * Group commit in the application: items submitted while earlier batches are still running wait and then go
 * out together, as one call of `run` (one statement and one commit for many writes). With nothing in flight an
 * item runs at once, alone, so batching adds no wait when the load is light; under load the batches grow by
 * themselves. `run` answers one result per item, in order.
 *
 * Items with the same key never share a batch nor run in two batches at once (a later one waits for the
 * earlier, in submission order), so concurrent batches never write the same row. When a batch of several
 * fails (a deadlock with another writer, say), its items are run again one by one: each item gets its own
 * result or its own error, never the failure of a neighbour.
 */
export interface BatcherOptions<I> {
  /** Batches running at once. */
  maxInFlight: number;
  /** Items per batch at most. */
  maxBatch: number;
  key(item: I): string;
}

interface Pending<I, O> {
  item: I;
  key: string;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class Batcher<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private readonly running = new Set<string>();
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions<I>,
  ) {
    if (!(options.maxInFlight >= 1 && options.maxBatch >= 1)) throw new Error('Batcher: maxInFlight and maxBatch must be at least 1');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, key: this.options.key(item), resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for a batch (for tests and diagnostics). */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch = this.take();
      if (!batch.length) return; // all that waits is behind a batch in flight with its key
      this.inFlight++;
      for (const p of batch) this.running.add(p.key);
      void this.flush(batch);
    }
  }

  /** The next batch: oldest first, at most one item per key, none whose key is in flight. */
  private take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    const left: Pending<I, O>[] = [];
    for (const p of this.queue) {
      if (batch.length < this.options.maxBatch && !this.running.has(p.key) && !keys.has(p.key)) {
        keys.add(p.key);
        batch.push(p);
      } else {
        left.push(p);
      }
    }
    this.queue.splice(0, this.queue.length, ...left);
    return batch;
  }

  private async flush(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.runChecked(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else for (const p of batch) await this.runChecked([p.item]).then(([result]) => p.resolve(result), p.reject);
    } finally {
      this.inFlight--;
      for (const p of batch) this.running.delete(p.key);
      this.pump();
    }
  }

  private async runChecked(items: I[]): Promise<O[]> {
    const results = await this.run(items);
    if (results.length !== items.length) throw new Error(`Batcher: run answered ${results.length} results for ${items.length} items`);
    return results;
  }
}
