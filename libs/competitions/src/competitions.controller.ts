import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, JSON_CONTENT_TYPE, Roles, ValidationFailed, type Actor } from '@app/common';
import { CompetitionsService } from './competitions.service';
import {
  AddOrganizerDto,
  AuditPageView,
  AuditQueryDto,
  CompetitionQueryDto,
  CompetitionView,
  CreateCompetitionDto,
  OrganizerView,
  UpdateCompetitionDto,
} from './dto/competition.dto';
import { defaultTemplate, regionAwardTemplate } from './domain';
import { PlanDto } from './dto/plan.dto';

export const uuidParam = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('competitions')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Get()
  @ApiOkResponse({ type: [CompetitionView] })
  @ApiOperation({ summary: 'Editions: organizers see the ones they run, admins all, others the ones past draft' })
  list(@CurrentUser() actor: Actor, @Query() q: CompetitionQueryDto) {
    return this.competitions.list(actor, q.status);
  }

  @Get('template')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: PlanDto })
  @ApiOperation({
    summary:
      'A plan to start an edition from: the IGA/KIPP-style default for a year (?year=2025), or with ?indexSnapshotId= the IGA region award nominating from that index snapshot',
  })
  @ApiQuery({ name: 'year', required: false, example: '2024' })
  @ApiQuery({
    name: 'indexSnapshotId',
    required: false,
    description: 'a published index snapshot: the IGA region award plan nominating from it',
  })
  template(@Query('year') year?: string, @Query('indexSnapshotId') indexSnapshotId?: string) {
    const y = Number(year);
    const chosen = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
    if (indexSnapshotId !== undefined) {
      if (!/^[0-9a-f-]{36}$/i.test(indexSnapshotId))
        throw new ValidationFailed(
          [{ field: 'indexSnapshotId', message: 'must be the id of a published index snapshot' }],
          'COMPETITION_PLAN_INVALID',
        );
      return regionAwardTemplate(chosen, indexSnapshotId);
    }
    return defaultTemplate(chosen);
  }

  @Post()
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: CompetitionView })
  @ApiOperation({ summary: 'Create an edition from a template or a full plan' })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateCompetitionDto) {
    return this.competitions.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: CompetitionView })
  @ApiOperation({ summary: 'One edition with its plan and stage states' })
  @Header('content-type', JSON_CONTENT_TYPE)
  get(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.competitions.getJson(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: CompetitionView })
  @ApiOperation({ summary: 'Once judging has started the plan is frozen (409) except stage windows, whose moves are audited' })
  update(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: UpdateCompetitionDto) {
    return this.competitions.update(actor, id, dto);
  }

  @Post(':id/open')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: CompetitionView })
  @ApiOperation({ summary: 'Open an edition for submissions' })
  open(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.competitions.open(actor, id);
  }

  @Post(':id/organizers')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: [OrganizerView] })
  @ApiOperation({
    summary: 'Add an existing organizer account as a co-organizer of this edition (admin or one of its organizers; audited)',
  })
  addOrganizer(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: AddOrganizerDto) {
    return this.competitions.addOrganizer(actor, id, dto.userId);
  }

  @Get(':id/audit')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: AuditPageView })
  @ApiOperation({ summary: 'The edition’s audit trail, newest first, paged: ?entity=type[:id]&actor=&action=(prefix.)&from=&to=&page=' })
  auditTrail(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Query() q: AuditQueryDto) {
    return this.competitions.auditTrail(actor, id, q);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: CompetitionView })
  @ApiOperation({ summary: 'Archive a published edition' })
  archive(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.competitions.archive(actor, id);
  }
}
