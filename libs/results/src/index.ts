export * from './results.module';
export { ResultsService, type RankingView } from './results.service';
export { escapeHtml, pageInShell, rankingsPage } from './export/rankings-html';
export * from './persistence/results.entities';
export { toCsv } from './export/csv';
export { toXlsx } from './export/xlsx';
export { certificatePdf } from './export/certificate';
