/** The public index pages: their own chunk (the chart library loads later still, with the region page's charts). */
export { PublicIndexListPage, PublicIndexRankingsPage, PublicIndexRegionPage } from './PublicIndexPages';
