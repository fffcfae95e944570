import { LruMap } from '@app/common';

/**
 * JSON pages one process keeps, each with the stamp of the rows it was made of, sent again while a read of the
 * rows' stamp (on every request, in the statement that would make the page) gives the same stamp. Bounded in
 * pages and bytes (least recently used go first) and in time: stamps made of row versions (`xmin`) could repeat
 * after 2^32 transactions, so a page is not served after `keepMs`.
 */
export class KeptPages {
  private readonly pages: LruMap<string, { stamp: string; body: Buffer; until: number }>;

  constructor(
    maxPages: number,
    maxBytes: number,
    private readonly keepMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.pages = new LruMap(maxPages, { weight: (e) => e.body.length + 256, maxWeight: maxBytes });
  }

  /**
   * The page of `key` (UTF-8): `read` is given the stamp of the page kept (null when none) and answers the rows'
   * stamp now (null: not to be kept) with the page's JSON, or without it (null) when the stamp given is the
   * rows' stamp — then the kept page is the answer.
   */
  async get(key: string, read: (keptStamp: string | null) => Promise<{ stamp: string | null; json: string | null }>): Promise<Buffer> {
    const now = this.now();
    const entry = this.pages.get(key);
    const kept = entry && entry.until > now ? entry : undefined;
    const { stamp, json } = await read(kept?.stamp ?? null);
    if (json === null) {
      if (!kept) throw new Error(`KeptPages: no JSON read for ${key} though no page is kept`);
      // The stamp sent (of the entry read before the query, whatever was kept since) is the rows' stamp now.
      return kept.body;
    }
    const body = Buffer.from(json);
    if (stamp === null) this.pages.delete(key);
    else this.pages.set(key, { stamp, body, until: now + this.keepMs });
    return body;
  }

  get size(): number {
    return this.pages.size;
  }
}
