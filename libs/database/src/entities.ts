import { AuditEventEntity } from '@app/audit';
import { OperationEntity, OperationFileEntity } from '@app/operations';
import { OrganizationEntity, RegionEntity } from '@app/directory';
import { AccountTokenEntity, RefreshTokenEntity, UserEntity } from '@app/identity';
import { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from '@app/competitions';
import { DocumentEntity, InnovationEntity, InnovationStatusHistoryEntity } from '@app/submissions';
import { NotificationEntity, NotificationPreferenceEntity, OutboxMessageEntity } from '@app/notifications';
import { JUDGING_ENTITIES } from '@app/judging';
import { RESULTS_ENTITIES } from '@app/results';
import { SURVEY_ENTITIES, VOTE_ENTITIES } from '@app/surveys';
import { INDEX_EDITION_ENTITIES } from '@app/index-editions';
import { AWARD_ENTITIES } from '@app/awards';

/** Every entity of every context, for the data sources of the API, the worker, the CLI, migrations and benches. */
export const ENTITIES = [
  RegionEntity,
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  AccountTokenEntity,
  AuditEventEntity,
  OperationEntity,
  OperationFileEntity,
  CompetitionEntity,
  CompetitionOrganizerEntity,
  CompetitionStageEntity,
  InnovationEntity,
  InnovationStatusHistoryEntity,
  DocumentEntity,
  OutboxMessageEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ...JUDGING_ENTITIES,
  ...RESULTS_ENTITIES,
  ...SURVEY_ENTITIES,
  ...VOTE_ENTITIES,
  ...INDEX_EDITION_ENTITIES,
  ...AWARD_ENTITIES,
];
