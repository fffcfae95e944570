import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, redactPayload } from '@app/common';
import {
  DIGEST_MODES,
  DIGEST_TYPE,
  NOTIFICATION_TYPE_NAMES,
  OUTBOX_STATUSES,
  type DigestMode,
  type OutboxStatus,
  type OutboxType,
} from '../domain';
import type { NotificationEntity } from '../persistence/notification.entity';
import type { OutboxMessageEntity } from '../persistence/outbox-message.entity';

const OUTBOX_TYPES = [...NOTIFICATION_TYPE_NAMES, DIGEST_TYPE];

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OUTBOX_TYPES }) type: OutboxType;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ type: Date, nullable: true, format: 'date-time' }) readAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class NotificationPageView {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Unread notifications of the caller, whatever the filter' }) unread: number;
}

export class ReadAllView {
  @ApiProperty({ description: 'How many notifications were marked read' }) updated: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    enum: DIGEST_MODES,
    description: 'immediate: one e-mail per event; daily: one combined e-mail a day (the inbox is always immediate)',
  })
  @IsIn(DIGEST_MODES)
  digest: DigestMode;
}

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ enum: OUTBOX_TYPES }) @IsOptional() @IsIn(OUTBOX_TYPES) type?: OutboxType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() competitionId?: string;
}

export class OutboxMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OUTBOX_TYPES }) type: OutboxType;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty({ enum: ['email', 'inbox'] }) channel: string;
  @ApiProperty() dedupeKey: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxStatus;
  @ApiProperty() attempts: number;
  @ApiProperty() maxAttempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) competitionId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) availableAt: Date;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true, format: 'date-time' }) sentAt: Date | null;
}

export class OutboxPageView {
  @ApiProperty({ type: [OutboxMessageView] }) items: OutboxMessageView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class QueueCountsView {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
}

export class OutboxCountsView {
  @ApiProperty() pending: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty() dead: number;
}

export class QueueStatsView {
  @ApiProperty({ enum: ['queue', 'in-process'], description: 'queue: BullMQ on REDIS_URL; in-process: the API delivers' }) mode:
    'queue' | 'in-process';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/QueueCountsView' },
    nullable: true,
    description: 'Per BullMQ queue; null in process or while Redis is unreachable',
  })
  queues: Record<string, QueueCountsView> | null;
  @ApiPropertyOptional({ description: 'Why the queue counts are missing' }) queueError?: string;
  @ApiProperty({ type: OutboxCountsView }) outbox: OutboxCountsView;
}

export function toNotificationView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    payload: n.payload,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

export function toOutboxMessageView(o: OutboxMessageEntity): OutboxMessageView {
  return {
    id: o.id,
    type: o.type,
    recipientId: o.recipientId,
    channel: o.channel,
    dedupeKey: o.dedupeKey,
    status: o.status,
    attempts: o.attempts,
    maxAttempts: o.maxAttempts,
    lastError: o.lastError,
    note: o.note,
    competitionId: o.competitionId,
    // A row written before links were signed at delivery may still hold a token: never shown to an operator.
    payload: redactPayload(o.payload),
    availableAt: o.availableAt,
    createdAt: o.createdAt,
    sentAt: o.sentAt,
  };
}
