import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ExportRankingDto, sendTable } from '@app/results';
import {
  ApiErrorResponses,
  ApiFileResponse,
  CurrentUser,
  Public,
  Roles,
  sendPrecompressed,
  type Actor,
  type OnProgress,
} from '@app/common';
import { OperationFileView, OperationProgress, TrackOperation } from '@app/operations';
import { uuidParam } from '@app/competitions';
import { DOCUMENT_KINDS, type IndexFramework } from '@app/regional-index';
import { fileOf, sendDocument } from '@app/submissions';
import { IndexEditionsService } from './index-editions.service';
import {
  IndexAnswerDto,
  AssignValidatorsDto,
  CreateIndexEditionDto,
  IndexEligibilityDto,
  FrameworkDto,
  IndexVersionQueryDto,
  MoveWindowsDto,
  PublishIndexDto,
  ReportInnovationDto,
  TransitionDto,
  VerifyDto,
  IndexSnapshotJsonView,
} from './dto/index-editions.dto';
import {
  IndexAnswerView,
  IndexAssignResultView,
  IndexDocumentView,
  IndexEditionSummaryView,
  IndexEditionView,
  IndexInnovationView,
  IndexPreviewView,
  IndexPublicEditionView,
  IndexPublicRegionView,
  IndexPublishedView,
  IndexRankingsView,
  IndexGroupRanksView,
  IndexGroupView,
  IndexRegionAssessmentView,
  IndexRowView,
  IndexSubmittedView,
  IndexValidationView,
} from './dto/index-editions.views';

type MultipartRequest = Parameters<typeof fileOf>[0];
type Reply = Parameters<typeof sendDocument>[0];

/** Published data never changes: a snapshot by id is cached for a year; "latest" for a minute. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const LATEST = 'public, max-age=60';

@ApiTags('index')
@ApiExtraModels(IndexRowView, IndexGroupView)
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('index-editions')
export class IndexEditionsController {
  constructor(private readonly editions: IndexEditionsService) {}

  @Post()
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: IndexEditionView })
  @ApiOperation({ summary: 'Create an index edition: name, slug, year, framework (default IID 2023 model), categories and windows' })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateIndexEditionDto) {
    return this.editions.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: [IndexEditionSummaryView] })
  @ApiOperation({ summary: 'Index editions: organizers see the ones they run, everyone else the ones past draft' })
  list(@CurrentUser() actor: Actor) {
    return this.editions.list(actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: IndexEditionView })
  @ApiOperation({ summary: 'An index edition with its framework, categories, windows and status' })
  get(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.editions.get(actor, id);
  }

  @Put(':id/framework')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: IndexEditionView })
  @ApiOperation({
    summary: 'Replace the framework while the edition is a draft: add, remove and reorder indicators and their options',
    description:
      'The whole framework, checked by validateFramework (400 naming every field: unique keys, at least one option or step, a maximum above 0, labels in both languages). 409 INDEX_FRAMEWORK_FROZEN once the self-assessment opened; 409 INDEX_FRAMEWORK_ANSWERED when it would remove an indicator or option that has answers. The change (indicators and options added and removed, reordering) is audited.',
  })
  framework(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: FrameworkDto) {
    return this.editions.updateFramework(actor, id, dto.framework as unknown as IndexFramework);
  }

  @Put(':id/windows')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: IndexEditionView })
  @ApiOperation({
    summary: 'Move the self-assessment and verification windows',
    description:
      'A field left out stays, null clears it. Past draft a reason is required (400 naming `reason`); each move is audited with it and the coordinators (self-assessment) or the assigned validators (verification) are notified. 409 INDEX_WINDOW_CLOSED when a move rewrites a phase that has begun or ended, 409 INDEX_WINDOWS_OUT_OF_ORDER when the windows would overlap or be out of order.',
  })
  windows(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: MoveWindowsDto) {
    return this.editions.moveWindows(actor, id, dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: IndexEditionView })
  @ApiOperation({ summary: 'Move to the next status: self_assessment, verification (coordinators are notified), closed' })
  status(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: TransitionDto) {
    return this.editions.transition(actor, id, dto.to);
  }

  @Get(':id/regions/:regionId')
  @ApiOkResponse({ type: IndexRegionAssessmentView })
  @ApiOperation({
    summary:
      "A region's self-assessment: answers, innovations and completeness gaps (its coordinator, validators, organizers; an OPD of the region only its own innovations; the region sees verified options and notes once the edition is closed and published)",
  })
  region(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('regionId', uuidParam) regionId: string) {
    return this.editions.region(actor, id, regionId);
  }

  @Put(':id/regions/:regionId/answers')
  @Roles('coordinator', 'opd')
  @ApiOkResponse({ type: IndexAnswerView })
  @ApiOperation({
    summary: 'Answer one indicator (option and evidence link): region indicators by the coordinator, innovation indicators by the OPD',
  })
  answer(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('regionId', uuidParam) regionId: string,
    @Body() dto: IndexAnswerDto,
  ) {
    return this.editions.answer(actor, id, regionId, dto);
  }

  @Post(':id/answers/:answerId/documents/:kind')
  @Roles('coordinator', 'opd')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiCreatedResponse({ type: IndexDocumentView })
  @ApiOperation({
    summary:
      'Attach an evidence document of a kind (regulation, decree, budget …) to an answer: PDF, JPEG or PNG by content (415 otherwise), up to UPLOAD_MAX_BYTES (413)',
  })
  async upload(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('answerId', uuidParam) answerId: string,
    @Param('kind') kind: string,
    @Req() req: MultipartRequest,
  ) {
    return this.editions.uploadDocument(actor, id, answerId, kind, await fileOf(req));
  }

  @Get(':id/documents/:documentId')
  @ApiFileResponse('the file, as an attachment', 'application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({
    summary: "Download an answer's evidence document (whoever sees the region's self-assessment; an OPD its own innovations' evidence)",
  })
  async download(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('documentId', uuidParam) documentId: string,
    @Res() reply: Reply,
  ) {
    const { doc, stream } = await this.editions.downloadDocument(actor, id, documentId);
    sendDocument(reply, doc, stream);
  }

  @Post(':id/regions/:regionId/submit')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: IndexSubmittedView })
  @ApiOperation({ summary: "Submit the region's self-assessment (400 listing every gap while incomplete)" })
  submit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('regionId', uuidParam) regionId: string) {
    return this.editions.submit(actor, id, regionId);
  }

  @Post(':id/innovations')
  @Roles('opd')
  @ApiCreatedResponse({ type: IndexInnovationView })
  @ApiOperation({ summary: 'Report an innovation for the edition (a title, or an innovation entered in a competition by reference)' })
  report(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ReportInnovationDto) {
    return this.editions.reportInnovation(actor, id, dto);
  }

  @Get(':id/innovations')
  @ApiOkResponse({ type: [IndexInnovationView] })
  @ApiOperation({ summary: 'Reported innovations: an OPD its own, a coordinator its region’s, a validator its regions’, organizers all' })
  innovations(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.editions.innovations(actor, id);
  }

  @Post(':id/validators')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: IndexAssignResultView })
  @ApiOperation({ summary: 'Assign validators (jurors) to the submitted regions automatically, under the conflict rules' })
  assign(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: AssignValidatorsDto) {
    return this.editions.assignValidators(actor, id, dto.perRegion);
  }

  @Get(':id/validations')
  @Roles('admin', 'organizer', 'juror')
  @ApiOkResponse({ type: [IndexValidationView] })
  @ApiOperation({ summary: 'The regions a validator checks (organizers: every assignment)' })
  validations(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.editions.validations(actor, id);
  }

  @Put(':id/answers/:answerId/verification')
  @Roles('juror')
  @ApiOkResponse({ type: IndexAnswerView })
  @ApiOperation({
    summary:
      'Set the verified option of an answer (a lower one than the region’s needs a note to the region, published with the index where the option differs; an internal note stays with organizers and validators); versioned and audited',
  })
  verify(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('answerId', uuidParam) answerId: string,
    @Body() dto: VerifyDto,
  ) {
    return this.editions.verify(actor, id, answerId, dto);
  }

  @Put(':id/innovations/:innovationId/eligibility')
  @Roles('juror')
  @ApiOkResponse({ type: IndexInnovationView })
  @ApiOperation({ summary: 'Mark a reported innovation eligible or not (with a reason); not eligible ones do not count under verified' })
  eligibility(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('innovationId', uuidParam) innovationId: string,
    @Body() dto: IndexEligibilityDto,
  ) {
    return this.editions.eligibility(actor, id, innovationId, dto.eligible, dto.reason);
  }

  @Get(':id/preview')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: IndexPreviewView })
  @ApiOperation({ summary: 'Preview the index from the current answers: self and verified side by side per category and group' })
  preview(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.editions.preview(actor, id);
  }

  @Post(':id/publish')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: IndexPublishedView })
  @ApiOperation({
    summary: 'Publish an immutable, verifiable index snapshot (version n+1; a correction needs a reason); coordinators are notified',
  })
  @TrackOperation('index.publish', { result: (r: { id: string }) => r.id })
  publish(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() dto: PublishIndexDto,
    @OperationProgress() progress: OnProgress,
  ) {
    return this.editions.publish(actor, id, dto.reason, progress);
  }

  @Post(':id/rankings/exports')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: OperationFileView })
  @ApiOperation({
    summary: 'Export a published index ranking (CSV or XLSX) as a long operation; the file is then at href',
    description:
      'Tracked (X-Operation-Id, GET /api/operations/{id}: reading, writing rows done of total, storing); GET /api/operations/{id}/file serves the file, also after a page reload, until the operation is swept. The same bytes as the public …/rankings.csv and .xlsx.',
  })
  @TrackOperation('index.export', { file: true })
  exportRanking(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() dto: ExportRankingDto,
    @OperationProgress() progress: OnProgress,
  ) {
    return this.editions.exportTable(actor, id, dto.format, dto.version, progress);
  }
}

@ApiTags('public')
@ApiErrorResponses(400, 404, 503)
@ApiExtraModels(IndexRowView, IndexGroupView, IndexGroupRanksView)
@Public()
@Controller('public')
export class IndexPublicController {
  constructor(private readonly editions: IndexEditionsService) {}

  @Get('index-editions')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: [IndexPublicEditionView] })
  @ApiOperation({ summary: 'Index editions with a published ranking, with their latest snapshot' })
  list() {
    return this.editions.publicEditions();
  }

  @Get('index-editions/:slug/rankings')
  @ApiOkResponse({ type: IndexRankingsView })
  @ApiOperation({
    summary:
      "The published index ranking per category (rows with region names) and per group (each member's rank in it and its region, whose row is in its category), latest or ?version=n, with the hash; made once per snapshot: ETag (If-None-Match → 304), gzip or brotli",
  })
  async rankings(
    @Param('slug') slug: string,
    @Query() q: IndexVersionQueryDto,
    @Req() req: Parameters<typeof sendPrecompressed>[0],
    @Res() reply: Parameters<typeof sendPrecompressed>[1],
  ) {
    sendPrecompressed(req, reply, await this.editions.publicRankingsBody(slug, q.version), 'application/json; charset=utf-8', LATEST);
  }

  @Get('index-editions/:slug/rankings.csv')
  @ApiFileResponse('the ranking as CSV', 'text/csv')
  @ApiOperation({ summary: 'A published index ranking as CSV: every category, then every group (latest, or ?version=n)' })
  async csv(@Param('slug') slug: string, @Query() q: IndexVersionQueryDto, @Res() reply: Reply) {
    const { view, header, rows } = await this.editions.publicTable(slug, q.version);
    await sendTable(reply, 'csv', {
      fileName: `${slug}-v${view.snapshot.version}`,
      sheetName: `${view.edition.name} v${view.snapshot.version}`,
      header,
      rows,
      cacheControl: LATEST,
    });
  }

  @Get('index-editions/:slug/rankings.xlsx')
  @ApiFileResponse('the ranking as an XLSX workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'A published index ranking as an XLSX workbook (latest, or ?version=n)' })
  async xlsx(@Param('slug') slug: string, @Query() q: IndexVersionQueryDto, @Res() reply: Reply) {
    const { view, header, rows } = await this.editions.publicTable(slug, q.version);
    await sendTable(reply, 'xlsx', {
      fileName: `${slug}-v${view.snapshot.version}`,
      sheetName: `${view.edition.name} v${view.snapshot.version}`,
      header,
      rows,
      cacheControl: LATEST,
    });
  }

  @Get('index-editions/:slug/regions/:regionId')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: IndexPublicRegionView })
  @ApiOperation({
    summary:
      "A region's published index: IID, SPD and SID (self and verified), self vs verified per variable and indicator, its innovations' maturity",
  })
  region(@Param('slug') slug: string, @Param('regionId', uuidParam) regionId: string, @Query() q: IndexVersionQueryDto) {
    return this.editions.publicRegion(slug, regionId, q.version);
  }

  @Get('index-rankings/:snapshotId')
  @Header('cache-control', IMMUTABLE)
  @ApiOkResponse({ type: IndexSnapshotJsonView })
  @ApiOperation({ summary: 'The index snapshot {input, output, hash} that `npm run -s cli -- verify FILE` checks' })
  async snapshot(@Param('snapshotId') id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.editions.snapshotJson(id), { type: 'application/json; charset=utf-8' });
  }
}
