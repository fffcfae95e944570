/** The service units' survey screens (OPD, coordinator, admin; organizers read): one chunk, loaded on first use. */
export { UnitsPage } from './UnitsPage';
export { UnitPage } from './UnitPage';
export { PeriodPage } from './PeriodPage';
