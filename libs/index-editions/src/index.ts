// @app/index-editions — index editions (DESIGN §4b, DOMAIN.md "The regional innovation index"): framework,
// self-assessment by regions and OPDs, verification by validators, publication of immutable snapshots.
export * from './index-editions.module';
export { IndexEditionsService, type IndexLabels, type VerifiedIndex } from './index-editions.service';
export * from './persistence/index-editions.entities';
export * from './domain';
export { IndexSurveyAnswersModule } from './index-survey-answers.module';
