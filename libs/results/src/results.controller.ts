import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ResultsService } from './results.service';
import { RankingsReadModel, UNRANKED_INLINE } from './rankings-read-model';
import { PublicRankingBodies } from './public-ranking-bodies';
import { ScreeningDataService } from './screening-data.service';
import { RankingExportService } from './ranking-export.service';
import {
  AnnounceDto,
  AnswerDto,
  CatalogueQueryDto,
  ExportRankingDto,
  ObjectionDto,
  PreviewQueryDto,
  PublishDto,
  ReopenForObjectionDto,
  SettleForObjectionDto,
  UnrankedQueryDto,
  VersionQueryDto,
} from './dto/results.dto';
import {
  AnnouncementView,
  CataloguePageView,
  ObjectionReopenView,
  ObjectionSettleView,
  ObjectionsView,
  ObjectionView,
  PreviewView,
  PublicCompetitionView,
  PublicInnovationView,
  PublicRankingView,
  PublishedSnapshotView,
  RESULTS_REF_MODELS,
  ScoreBreakdownView,
  ScreeningDataView,
  SnapshotJsonView,
  UnrankedPageView,
} from './dto/results.view';
import { sendTable } from './export/send-table';
import { certificatePdf } from './export/certificate';

interface Reply {
  code(status: number): Reply;
  header(k: string, v: string): Reply;
  send(body?: unknown): unknown;
}
interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/** Published data never changes: a snapshot by id is cached for a year; "latest" for a minute. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const LATEST = 'public, max-age=60';

@ApiTags('results')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@ApiExtraModels(...RESULTS_REF_MODELS)
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly screeningData: ScreeningDataService,
    private readonly exports: RankingExportService,
  ) {}

  @Get('competitions/:id/rankings/preview')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: PreviewView })
  @ApiOperation({
    summary:
      'The ranking per category from the current scores, with explanations; ?aggregation= switches the method (rawRank = rank under mean)',
  })
  preview(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Query() q: PreviewQueryDto) {
    return this.results.preview(actor, id, q.aggregation);
  }

  @Post('competitions/:id/rankings/announce')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: AnnouncementView })
  @ApiOperation({ summary: 'Provisional announcement: opens the objection window' })
  announce(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: AnnounceDto) {
    return this.results.announce(actor, id, dto.days);
  }

  @Post('competitions/:id/rankings/publish')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: PublishedSnapshotView })
  @ApiOperation({ summary: 'Publish an immutable, verifiable snapshot (version n+1; a correction needs a reason)' })
  @TrackOperation('results.publish', { competitionParam: 'id', result: (r: { id: string }) => r.id })
  publish(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() dto: PublishDto,
    @OperationProgress() progress: OnProgress,
  ) {
    return this.results.publish(actor, id, dto.reason, undefined, progress);
  }

  @Post('competitions/:id/rankings/exports')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: OperationFileView })
  @ApiOperation({
    summary: 'Export a published ranking (CSV or XLSX) as a long operation; the file is then at href',
    description:
      'Tracked like publication (X-Operation-Id, GET /api/operations/{id}: waiting, reading, writing rows done of total, storing). The answer names the file, which GET /api/operations/{id}/file serves — also after a page reload — until the operation is swept (OPERATIONS_RETENTION_DAYS). The public downloads (…/rankings.csv, .xlsx) send the same bytes.',
  })
  @TrackOperation('results.export', { competitionParam: 'id', file: true })
  exportRanking(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() dto: ExportRankingDto,
    @OperationProgress() progress: OnProgress,
  ) {
    return this.exports.export(actor, id, dto.format, dto.version, progress);
  }

  @Get('competitions/:id/objections')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ObjectionsView })
  @ApiOperation({ summary: 'The objections of an edition' })
  objections(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.results.objections(actor, id);
  }

  @Post('objections/:id/answer')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ObjectionView })
  @ApiOperation({ summary: 'Answer an objection (upheld or rejected): final — a second answer is 409 OBJECTION_ALREADY_ANSWERED' })
  answer(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: AnswerDto) {
    return this.results.answerObjection(actor, id, dto.answer, dto.decision);
  }

  @Post('objections/:id/reopen')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ObjectionReopenView })
  @ApiOperation({
    summary:
      'An upheld objection: reopen the innovation’s sheets of a scored stage for its jurors, or its failed screening decision for the screener (with a reason, audited, notified); publication waits for the correction (409 RESULTS_CORRECTION_OPEN)',
  })
  reopen(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ReopenForObjectionDto) {
    return this.results.reopenForObjection(actor, id, dto.stage, dto.reason);
  }

  @Post('objections/:id/settle')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ObjectionSettleView })
  @ApiOperation({
    summary:
      'An upheld objection reinstated the innovation after later stages closed: once the jurors assigned to it there submitted, decide that stage for it as its close would have (passes on to the next closed stage, or eliminated); publication waits until the last is settled',
  })
  settle(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: SettleForObjectionDto) {
    return this.results.settleForObjection(actor, id, dto.stage);
  }

  @Post('innovations/:id/objections')
  @Roles('opd', 'coordinator')
  @ApiCreatedResponse({ type: ObjectionView })
  @ApiOperation({
    summary: "File one objection per innovation while the window is open: its OPD, or its region's coordinator (a region award's entry)",
  })
  object(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ObjectionDto) {
    return this.results.fileObjection(actor, id, dto.reason);
  }

  @Get('innovations/:id/objections')
  @ApiOkResponse({ type: [ObjectionView] })
  @ApiOperation({ summary: 'The objections raised on an innovation' })
  objectionsOf(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.results.objectionsOf(actor, id);
  }

  @Get('innovations/:id/screening')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: ScreeningDataView })
  @ApiOperation({
    summary:
      'Screening data: same-title entries of the edition (flag DUPLICATE_TITLE) and the organization’s entries of earlier published editions with the same or a similar title, ranked there or not (flag PREVIOUS_WINNER)',
  })
  screening(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.screeningData.of(actor, id);
  }

  @Get('innovations/:id/score')
  @ApiOkResponse({ type: ScoreBreakdownView })
  @ApiOperation({ summary: '“Why this score”: per-stage and per-criterion breakdown, after publication' })
  breakdown(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.results.breakdown(actor, id);
  }
}

@ApiTags('public')
@Public()
@ApiErrorResponses(400, 404, 503)
@ApiExtraModels(...RESULTS_REF_MODELS)
@Controller('public')
export class PublicController {
  constructor(
    private readonly results: RankingsReadModel,
    private readonly bodies: PublicRankingBodies,
  ) {}

  @Get('competitions')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: [PublicCompetitionView] })
  @ApiOperation({ summary: 'Competitions past draft, with their latest published ranking' })
  competitions() {
    return this.results.publicCompetitions();
  }

  @Get('competitions/:slug/rankings')
  @ApiOkResponse({ type: PublicRankingView, description: 'sent pre-built: gzip when accepted, ETag (If-None-Match → 304)' })
  @ApiOperation({
    summary: 'The latest published ranking (or ?version=n), with names and the snapshot hash',
    description: `Every ranked innovation per category; unranked ones inline up to ${UNRANKED_INLINE} per category with their counts in unrankedCounts (all of them: …/rankings/unranked). Made once per snapshot: ETag (If-None-Match → 304) and gzip.`,
  })
  async rankings(@Param('slug') slug: string, @Query() q: VersionQueryDto, @Req() req: RequestLike, @Res() reply: Reply) {
    const body = await this.bodies.publicBody(slug, q.version);
    sendPrecompressed(req, reply, body, 'application/json; charset=utf-8', LATEST);
  }

  @Get('competitions/:slug/rankings/unranked')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: UnrankedPageView })
  @ApiOperation({ summary: 'The innovations without a rank in a published ranking, paged (?category=, ?version=)' })
  unranked(@Param('slug') slug: string, @Query() q: UnrankedQueryDto) {
    return this.results.unrankedPage(slug, q.version, q.category, q.page ?? 1, q.pageSize ?? 100);
  }

  @Get('competitions/:slug/rankings.csv')
  @ApiFileResponse('the ranking as CSV (UTF-8 with a byte-order mark)', 'text/csv')
  @ApiOperation({ summary: 'A published ranking as CSV' })
  async csv(@Param('slug') slug: string, @Query() q: VersionQueryDto, @Res() reply: Reply) {
    const view = await this.results.rankingsBySlug(slug, q.version);
    const { header, rows } = this.results.table(view);
    await sendTable(reply, 'csv', {
      fileName: `${slug}-v${view.snapshot.version}`,
      sheetName: `${view.competition.name} v${view.snapshot.version}`,
      header,
      rows,
      cacheControl: LATEST,
    });
  }

  @Get('competitions/:slug/rankings.xlsx')
  @ApiFileResponse('the ranking as an XLSX workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'A published ranking as an XLSX workbook' })
  async xlsx(@Param('slug') slug: string, @Query() q: VersionQueryDto, @Res() reply: Reply) {
    const view = await this.results.rankingsBySlug(slug, q.version);
    const { header, rows } = this.results.table(view);
    await sendTable(reply, 'xlsx', {
      fileName: `${slug}-v${view.snapshot.version}`,
      sheetName: `${view.competition.name} v${view.snapshot.version}`,
      header,
      rows,
      cacheControl: LATEST,
    });
  }

  @Get('rankings/:snapshotId')
  @Header('cache-control', IMMUTABLE)
  @ApiOkResponse({ type: SnapshotJsonView })
  @ApiOperation({ summary: 'The snapshot {input, output, hash} that `npm run -s cli -- verify FILE` checks' })
  snapshot(@Param('snapshotId') id: string) {
    return this.results.snapshotJson(id);
  }

  @Get('rankings/:snapshotId/certificates/:innovationId')
  @ApiFileResponse('the certificate as PDF', 'application/pdf')
  @ApiOperation({ summary: 'A PDF certificate for a ranked innovation, citing the snapshot hash' })
  async certificate(@Param('snapshotId') snapshotId: string, @Param('innovationId', uuidParam) innovationId: string, @Res() reply: Reply) {
    const data = await this.results.certificate(snapshotId, innovationId);
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="piagam-${innovationId.slice(0, 8)}.pdf"`)
      .header('cache-control', IMMUTABLE)
      .send(await certificatePdf(data));
  }

  @Get('innovations')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: CataloguePageView })
  @ApiOperation({ summary: 'The public catalogue of innovations: search, region, category, digital/non-digital' })
  catalogue(@Query() q: CatalogueQueryDto) {
    return this.results.catalogue(
      { q: q.q, regionId: q.regionId, category: q.category, digital: q.digital, competition: q.competition },
      q.page ?? 1,
      q.pageSize ?? 20,
    );
  }

  @Get('innovations/:id')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: PublicInnovationView })
  @ApiOperation({ summary: "An innovation's public page data" })
  innovation(@Param('id', uuidParam) id: string) {
    return this.results.publicInnovation(id);
  }
}
