// @app/demo — the demo edition that `npm start` seeds (development only, never with NODE_ENV=production) and
// `npm run -s cli -- seed:demo` writes again. A seeder, not a context: it writes across contexts' tables.

export { DemoSeedService } from './demo-seed.service';
export { judgeEdition } from './demo-judging';
export { DEMO_ACCOUNTS, DEMO_INNOVATIONS, DEMO_ORGANIZATIONS, DEMO_REGIONS, type DemoAccount } from './demo-data';
export { seedIndexDemo, DEMO_INDEX_SLUG } from './demo-index';
export { DEMO_INDEX_PROFILES, demoIndexPlan } from './demo-index-data';
export { seedAwardsDemo, demoAwardScore, DEMO_AWARD_SLUG, DEMO_AWARD_NAME, type DemoAwardDeps, type DemoAwardActors } from './demo-awards';
