import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrorResponses,
  CurrentUser,
  JSON_CONTENT_TYPE,
  RequestLocale,
  Roles,
  type Actor,
  type ErrorLocale,
  type OnProgress,
} from '@app/common';
import { OperationProgress, TrackOperation } from '@app/operations';
import { uuidParam } from '@app/competitions';
import { PipelineService } from './pipeline.service';
import { ScheduleService } from './schedule.service';
import { JuryService } from './jury.service';
import { AssignmentsService } from './assignments.service';
import {
  AutoAssignDto,
  BulkScreeningDto,
  CalibrationQueryDto,
  CloseStageDto,
  DeclareConflictDto,
  FieldVisitDto,
  ManualAssignDto,
  MyAssignmentsQueryDto,
  PresentationDto,
  ReasonBodyDto,
  SaveSheetDto,
  ScreeningDto,
  SubmitSheetDto,
} from './dto/judging.dto';
import {
  AssignmentView,
  AutoAssignView,
  CalibrationView,
  ConflictDeclaredView,
  FieldVisitDetailView,
  FieldVisitView,
  MyAssignmentsView,
  PresentationSlotView,
  PresentationView,
  ScreeningCountView,
  SheetDetailView,
  SheetVersionView,
  SheetView,
  StageCloseView,
  StageOpenedView,
  StageProgressView,
  StageResultView,
} from './dto/judging.view';
import { DocumentView, fileOf } from '@app/submissions';

@ApiTags('pipeline')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class PipelineController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly schedule: ScheduleService,
  ) {}

  @Post('competitions/:id/stages/:key/open')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: StageOpenedView })
  @ApiOperation({ summary: 'Open a stage (in plan order: the previous one must be closed)' })
  open(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('key') key: string) {
    return this.pipeline.open(actor, id, key);
  }

  @Post('competitions/:id/stages/:key/close')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: StageCloseView })
  @ApiOperation({
    summary:
      'Close a stage: aggregate, apply the advance rule per category, move the passed on (409 with missing decisions or sheets unless forced with a reason)',
  })
  close(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('key') key: string,
    @Body() dto: CloseStageDto,
    @RequestLocale() locale: ErrorLocale,
  ) {
    return this.pipeline.close(actor, id, key, dto, undefined, locale);
  }

  @Post('innovations/:id/screening')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ScreeningCountView })
  @ApiOperation({ summary: 'Administrative screening of one innovation: pass, or fail with a reason (eliminates)' })
  screenOne(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ScreeningDto) {
    return this.pipeline.screenOne(actor, id, dto);
  }

  @Post('competitions/:id/screening')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ScreeningCountView })
  @ApiOperation({ summary: 'Bulk screening, all-or-nothing' })
  screenMany(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: BulkScreeningDto) {
    return this.pipeline.screen(actor, id, dto.decisions);
  }

  @Get('innovations/:id/stages')
  @ApiOkResponse({ type: [StageResultView] })
  @ApiOperation({ summary: 'The innovation’s outcome per stage with reasons (scores for its OPD only after publication)' })
  stageResults(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @RequestLocale() locale: ErrorLocale) {
    return this.pipeline.stageResults(actor, id, locale);
  }

  @Post('innovations/:id/presentation')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: PresentationSlotView })
  @ApiOperation({ summary: 'Schedule or move the presentation slot (history kept); 409 when a panel juror has an overlapping slot' })
  presentation(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: PresentationDto) {
    return this.schedule.schedulePresentation(actor, id, dto);
  }

  @Get('innovations/:id/presentation')
  @ApiOkResponse({ type: PresentationView })
  @ApiOperation({ summary: 'The presentation slot of an innovation' })
  getPresentation(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.schedule.presentation(actor, id);
  }

  @Get('competitions/:id/presentations')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: [PresentationSlotView] })
  @ApiOperation({ summary: 'The presentation calendar of a competition' })
  calendar(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.schedule.calendar(actor, id);
  }

  @Post('innovations/:id/field-visit')
  @Roles('admin', 'organizer', 'juror')
  @ApiCreatedResponse({ type: FieldVisitView })
  @ApiOperation({
    summary: 'Schedule or move a field visit (organizer), or record the checklist and findings (organizer or the visit’s verifier)',
  })
  fieldVisit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: FieldVisitDto) {
    return this.schedule.recordFieldVisit(actor, id, dto);
  }

  @Get('innovations/:id/field-visit')
  @ApiOkResponse({ type: FieldVisitDetailView })
  @ApiOperation({ summary: 'The field visit of an innovation, with findings' })
  getFieldVisit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.schedule.fieldVisit(actor, id);
  }

  @Post('innovations/:id/field-visit/photos')
  @Roles('admin', 'organizer', 'juror')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiErrorResponses(413, 415)
  @ApiOperation({ summary: 'Attach a photo to a field visit' })
  async photo(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Req() req: Parameters<typeof fileOf>[0]) {
    return this.schedule.addPhoto(actor, id, await fileOf(req));
  }
}

@ApiTags('jury')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class JuryController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly jury: JuryService,
  ) {}

  @Post('competitions/:id/stages/:key/assignments')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: AutoAssignView })
  @ApiOperation({ summary: 'Automatic assignment: k jurors per innovation, conflict-free, balanced, deterministic; shortfalls explained' })
  @TrackOperation('judging.assign', { competitionParam: 'id', result: (r: { created: number }) => r.created })
  auto(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('key') key: string,
    @Body() dto: AutoAssignDto,
    @OperationProgress() progress: OnProgress,
  ) {
    return this.assignments.autoAssign(actor, id, key, dto, progress);
  }

  @Post('competitions/:id/stages/:key/assignments/manual')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiOperation({ summary: 'Assign one juror by hand (409 on a conflict of interest)' })
  manual(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('key') key: string, @Body() dto: ManualAssignDto) {
    return this.assignments.addAssignment(actor, id, key, dto.innovationId, dto.jurorId);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  @Roles('admin', 'organizer')
  @ApiNoContentResponse({ description: 'removed' })
  @ApiOperation({ summary: 'Remove an assignment that has no submitted sheet' })
  async remove(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ReasonBodyDto) {
    await this.assignments.removeAssignment(actor, id, dto.reason);
  }

  @Get('assignments/mine')
  @Roles('juror')
  @ApiOkResponse({ type: MyAssignmentsView })
  @ApiOperation({
    summary:
      'The juror’s dashboard: a page of assignments (to-do first; 50 unless ?pageSize=) with due dates, sheet status, and progress over all',
  })
  @Header('content-type', JSON_CONTENT_TYPE)
  mine(@CurrentUser() actor: Actor, @Query() q: MyAssignmentsQueryDto) {
    return this.assignments.mineJson(actor, q.page, q.pageSize);
  }

  @Get('assignments/:id/sheet')
  @Roles('juror', 'organizer', 'admin')
  @ApiOkResponse({ type: SheetDetailView })
  @ApiOperation({ summary: 'The sheet with rubric and dossier; blind (no other juror’s scores or names)' })
  sheet(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.jury.getSheet(actor, id);
  }

  @Put('assignments/:id/sheet')
  @Roles('juror')
  @ApiOkResponse({ type: SheetView })
  @ApiOperation({ summary: 'Save a draft; the first save confirms no conflict of interest; later saves send the version (409 when stale)' })
  save(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: SaveSheetDto) {
    return this.jury.saveSheet(actor, id, dto);
  }

  @Post('assignments/:id/sheet/submit')
  @HttpCode(200)
  @Roles('juror')
  @ApiOkResponse({ type: SheetView })
  @ApiOperation({ summary: 'Submit and lock the sheet: every criterion in range and a comment (400 naming each), no conflict (409)' })
  submit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: SubmitSheetDto) {
    return this.jury.submitSheet(actor, id, dto.version);
  }

  @Post('assignments/:id/sheet/reopen')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: SheetView })
  @ApiOperation({ summary: 'Reopen a submitted sheet for its juror, with a reason' })
  reopen(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ReasonBodyDto) {
    return this.jury.reopenSheet(actor, id, dto.reason);
  }

  @Get('assignments/:id/sheet/versions')
  @Roles('juror', 'organizer', 'admin')
  @ApiOkResponse({ type: [SheetVersionView] })
  @ApiOperation({ summary: 'Every saved version of the sheet (append-only)' })
  versions(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.jury.sheetVersions(actor, id);
  }

  @Post('innovations/:id/conflicts')
  @Roles('juror')
  @ApiCreatedResponse({ type: ConflictDeclaredView })
  @ApiOperation({ summary: 'Declare a conflict of interest with an innovation; it blocks scoring it' })
  declare(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: DeclareConflictDto) {
    return this.assignments.declareConflict(actor, id, dto.reason);
  }

  @Get('competitions/:id/stages/:key/progress')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: StageProgressView })
  @ApiOperation({ summary: 'Scoring progress of a stage per juror and innovation' })
  progress(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('key') key: string) {
    return this.assignments.progress(actor, id, key);
  }

  @Get('competitions/:id/stages/:key/calibration')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: CalibrationView })
  @ApiOperation({ summary: 'Juror calibration (leniency, spread, agreement) and innovations with high disagreement' })
  calibration(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('key') key: string, @Query() q: CalibrationQueryDto) {
    return this.jury.calibration(actor, id, key, q.threshold);
  }
}
