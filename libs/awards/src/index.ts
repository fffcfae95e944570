// @app/awards — region award editions (issue 17, DOMAIN.md "IGA's region awards"): nominees from a published
// index snapshot, entries prepared by the regions' coordinators, the verified IID as a given stage (DESIGN §4
// rule 10), sections per category and award group in the published ranking.
export * from './awards.module';
export { AwardsService } from './awards.service';
export { AwardEntryEntity, AWARD_ENTITIES } from './persistence/award-entry.entity';
export * from './dto/awards.dto';
export * from './domain';
export { awardsPage, awardsBody } from './awards-html';
