import { AuditEventEntity } from '@app/audit';
import { OrganizationEntity, RegionEntity } from '@app/directory';
import { RefreshTokenEntity, UserEntity } from '@app/identity';

/** Every entity of every context: the composition root's list, used by the apps, the CLI and migrations. */
export const ENTITIES = [RegionEntity, OrganizationEntity, UserEntity, RefreshTokenEntity, AuditEventEntity];
