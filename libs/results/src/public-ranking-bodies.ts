import { Injectable } from '@nestjs/common';
import { LruMap, precompress, type PrecompressedBody } from '@app/common';
import { RankingsReadModel, type RankingView } from './rankings-read-model';

/**
 * The HTTP representation of the public rankings: the JSON (or the server-rendered page) of a snapshot with
 * its gzip and an ETag, made once per (snapshot, latest version) and kept (bounded).
 */
@Injectable()
export class PublicRankingBodies {
  private readonly bodies = new LruMap<string, PrecompressedBody>(200);

  constructor(private readonly readModel: RankingsReadModel) {}

  /**
   * The rankings JSON (or, given `page`, the server-rendered page), made once per (snapshot, latest version) and kept with
   * its gzip and an ETag: results day is a traffic spike on exactly these routes, and a snapshot never changes.
   */
  async publicBody(slug: string, version: number | undefined, page?: (view: RankingView) => string): Promise<PrecompressedBody> {
    const view = await this.readModel.rankingsBySlug(slug, version);
    const key = `${page ? 'html' : 'json'}:${view.snapshot.id}:${view.versions[0]?.id}`;
    let body = this.bodies.get(key);
    if (!body) {
      const raw = Buffer.from(page ? page(view) : JSON.stringify(view));
      body = precompress(raw);
      this.bodies.set(key, body);
    }
    return body;
  }
}
