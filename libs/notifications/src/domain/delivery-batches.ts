/** What grouping needs of an outbox row. */
export interface BatchableRow {
  id: string;
  attempts: number;
  availableAt: Date;
}

/** One queue job: the rows it delivers, its id and how long it waits before it runs. */
export interface DeliveryBatch<R extends BatchableRow> {
  jobId: string;
  rows: R[];
  delayMs: number;
}

/** 53-bit string hash (cyrb53): a short, stable job id for a list of rows. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The BullMQ id of a job carrying these rows at these attempts: the same rows at the same attempts give the same
 * id, so the relay adding a batch twice (its transaction failed after the add) adds one job.
 */
export function batchJobId(rows: readonly { id: string; attempts: number }[]): string {
  return `batch~${hash53(rows.map((r) => `${r.id}#${r.attempts}`).join(','))}~${rows.length}`;
}

/**
 * Cuts the rows the relay hands over into jobs of at most `size` rows: the rows due by `now` together, the
 * later ones with the rows due at the same moment (one event's reminders), each group in the order given.
 * A row retried after a failure has its own due time, so it travels alone, not with its first batch.
 */
export function deliveryBatches<R extends BatchableRow>(rows: readonly R[], now: Date, size: number): DeliveryBatch<R>[] {
  if (!(size >= 1)) throw new Error('deliveryBatches: size must be at least 1');
  const byDelay = new Map<number, R[]>();
  for (const row of rows) {
    const delayMs = Math.max(0, row.availableAt.getTime() - now.getTime());
    const group = byDelay.get(delayMs);
    if (group) group.push(row);
    else byDelay.set(delayMs, [row]);
  }
  const batches: DeliveryBatch<R>[] = [];
  for (const [delayMs, group] of byDelay)
    for (let i = 0; i < group.length; i += size) {
      const chunk = group.slice(i, i + size);
      batches.push({ jobId: batchJobId(chunk), rows: chunk, delayMs });
    }
  return batches;
}
