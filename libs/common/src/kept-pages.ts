import { LruMap } from '@app/kernel';

/**
 * How long a kept page may be served at most (its stamp is still checked on every request): stamps made of row
 * versions (`xmin`) could repeat after 2^32 transactions.
 */
export const KEPT_PAGE_MS = 60 * 60_000;

/** What a page's read answers: the rows' stamp now (null: not to be kept) and the page's JSON, or null when the stamp given is the rows' stamp. */
export interface KeptPageRead<S> {
  stamp: S | null;
  json: string | null;
}

/**
 * JSON pages one process keeps, each with the stamp of the rows it was made of, sent again while a read of the
 * rows' stamp (on every request, in or before the statement that would make the page) gives the same stamp: the
 * organizer's competition (GET /api/competitions/:id), the juror's list, the OPD's list, organizer list pages.
 * Bounded in pages and bytes (least recently used go first) and in time ({@link KEPT_PAGE_MS}).
 */
export class KeptPages<S = string> {
  private readonly pages: LruMap<string, { stamp: S; body: Buffer; until: number }>;

  constructor(
    maxPages: number,
    maxBytes: number,
    private readonly keepMs = KEPT_PAGE_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.pages = new LruMap(maxPages, { weight: (e) => e.body.length + 256, maxWeight: maxBytes });
  }

  /**
   * The page of `key` (UTF-8): `read` is given the stamp of the page kept (null when none) and answers the rows'
   * stamp now with the page's JSON, or without it (null) when the stamp given is the rows' stamp — then the kept
   * page is the answer. A read answering null (no such page: its row is gone) drops the kept page and gives null.
   */
  get(key: string, read: (keptStamp: S | null) => Promise<KeptPageRead<S>>): Promise<Buffer>;
  get(key: string, read: (keptStamp: S | null) => Promise<KeptPageRead<S> | null>): Promise<Buffer | null>;
  async get(key: string, read: (keptStamp: S | null) => Promise<KeptPageRead<S> | null>): Promise<Buffer | null> {
    const now = this.now();
    const entry = this.pages.get(key);
    const kept = entry && entry.until > now ? entry : undefined;
    const answer = await read(kept?.stamp ?? null);
    if (answer === null) {
      this.pages.delete(key);
      return null;
    }
    const { stamp, json } = answer;
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
