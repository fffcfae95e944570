import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, Roles, type Actor } from '@app/common';
import {
  NotificationPageView,
  NotificationPreferencesDto,
  NotificationQueryDto,
  NotificationView,
  OutboxMessageView,
  OutboxPageView,
  OutboxQueryDto,
  QueueCountsView,
  QueueStatsView,
  ReadAllView,
} from './dto/notifications.dto';
import { InboxService } from './inbox.service';
import { OutboxAdminService } from './outbox-admin.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationPageView })
  @ApiOperation({ summary: 'The caller’s in-app inbox, newest first, with the unread count' })
  list(@CurrentUser() actor: Actor, @Query() q: NotificationQueryDto) {
    return this.inbox.list(actor, q.unread ?? false, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllView })
  @ApiOperation({ summary: 'Mark every notification read' })
  readAll(@CurrentUser() actor: Actor) {
    return this.inbox.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationView })
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read (404 for anyone else’s)' })
  read(@CurrentUser() actor: Actor, @Param('id', uuid) id: string) {
    return this.inbox.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiOperation({ summary: "The signed-in user's notification preferences" })
  preferences(@CurrentUser() actor: Actor) {
    return this.inbox.getPreferences(actor);
  }

  @Put('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiOperation({ summary: 'E-mail each event at once, or as one daily digest' })
  setPreferences(@CurrentUser() actor: Actor, @Body() dto: NotificationPreferencesDto) {
    return this.inbox.setPreferences(actor, dto.digest);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@ApiExtraModels(QueueCountsView)
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('admin')
@Roles('organizer', 'admin')
export class OutboxAdminController {
  constructor(private readonly admin: OutboxAdminService) {}

  @Get('outbox')
  @ApiOkResponse({ type: OutboxPageView })
  @ApiOperation({ summary: 'Outbox messages, newest first; `status=dead` lists the dead letters' })
  list(@CurrentUser() actor: Actor, @Query() q: OutboxQueryDto) {
    return this.admin.list(actor, { status: q.status, type: q.type, competitionId: q.competitionId }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('outbox/:id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxMessageView })
  @ApiOperation({ summary: 'Send a dead message again: dead → pending with attempts reset (409 for other statuses)' })
  replay(@CurrentUser() actor: Actor, @Param('id', uuid) id: string) {
    return this.admin.replay(actor, id);
  }

  @Get('queues')
  @Roles('admin')
  @ApiOkResponse({ type: QueueStatsView })
  @ApiOperation({ summary: 'Platform-wide BullMQ job counts (with REDIS_URL) and outbox rows by status: admins only' })
  queues() {
    return this.admin.queues();
  }
}
