import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, OnProgress } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { RankingsReadModel } from './rankings-read-model';
import { tableFile, type TableFormat } from './export/send-table';

/**
 * An organizer's export of a published ranking (CSV or XLSX) as a long operation: it waits for a publication of
 * the competition under way (phase `waiting`), reads the snapshot (`reading`), writes the file (`writing`, rows
 * done of total); the operation keeps the file (see TrackOperation's `file`).
 */
@Injectable()
export class RankingExportService {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly readModel: RankingsReadModel,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async export(actor: Actor, competitionId: string, format: TableFormat, version: number | undefined, onProgress?: OnProgress) {
    onProgress?.({ phase: 'waiting', done: 0, total: 0 });
    await this.competitions.assertManages(actor, competitionId);
    // The competition's lock shared: a publication under way (which holds it exclusively) ends first, so
    // "the latest version" is the one it made.
    const slug = await this.db.transaction(async (tx) => (await this.competitions.holdSnapshot(tx, competitionId)).slug);
    onProgress?.({ phase: 'reading', done: 0, total: 0 });
    const view = await this.readModel.rankingsBySlug(slug, version);
    const { header, rows } = this.readModel.table(view);
    const name = `${slug}-v${view.snapshot.version}`;
    return tableFile(format, { fileName: name, sheetName: `${view.competition.name} v${view.snapshot.version}`, header, rows }, onProgress);
  }
}
