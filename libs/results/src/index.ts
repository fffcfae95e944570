export * from './results.module';
export { PUBLISH_PHASES, ResultsService } from './results.service';
export { RankingsReadModel, type RankingView } from './rankings-read-model';
export { PublicRankingBodies } from './public-ranking-bodies';
export { escapeHtml, pageInShell, rankingsPage } from './export/rankings-html';
export * from './persistence/results.entities';
export { toCsv } from './export/csv';
export { toXlsx } from './export/xlsx';
export { certificatePdf } from './export/certificate';
