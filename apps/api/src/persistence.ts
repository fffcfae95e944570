import { AuditEventEntity } from '@app/audit';
import { OrganizationEntity, RegionEntity } from '@app/directory';
import { RefreshTokenEntity, UserEntity } from '@app/identity';
import { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from '@app/competitions';
import { DocumentEntity, InnovationEntity, InnovationStatusHistoryEntity } from '@app/submissions';
import { NotificationEntity, NotificationPreferenceEntity, OutboxMessageEntity } from '@app/notifications';
import { JUDGING_ENTITIES } from '@app/judging';
import { RESULTS_ENTITIES } from '@app/results';
import { SURVEY_ENTITIES, VOTE_ENTITIES } from '@app/surveys';

/** Every entity of every context: the composition root's list, used by the apps, the CLI and migrations. */
export const ENTITIES = [
  RegionEntity,
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  AuditEventEntity,
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
];
