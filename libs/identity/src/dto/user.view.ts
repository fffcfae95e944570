import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Affiliation, type Role } from '@app/common';
import type { UserEntity } from '../persistence/user.entity';

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) regionId: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) affiliations: Affiliation[];
  @ApiProperty({ enum: ['id', 'en'] }) locale: 'id' | 'en';
  @ApiProperty() active: boolean;
}

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organizationId: u.organizationId,
    regionId: u.regionId,
    affiliations: u.affiliations ?? [],
    locale: u.locale,
    active: u.active,
  };
}

export class UserPageView {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** An imported account; `initialPassword` only where the import set one (never for invitations by e-mail). */
export class CreatedUserView extends UserView {
  @ApiPropertyOptional() initialPassword?: string;
}

export class UserImportView {
  @ApiProperty() created: number;
  @ApiProperty({ type: [CreatedUserView] }) items: CreatedUserView[];
}
