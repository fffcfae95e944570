import { Body, CanActivate, Controller, ExecutionContext, Get, HttpCode, Injectable, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiErrorResponse, ApiErrorResponses, CurrentUser, Public, readCsvBody, Roles, type Actor } from '@app/common';
import { uuidParam } from '@app/competitions';
import { SurveysService } from './surveys.service';
import { SurveyEvidenceService } from './survey-evidence.service';
import {
  CreateSurveyPeriodDto,
  CreateSurveyUnitDto,
  ExcludeResponsesDto,
  ExclusionResultView,
  ImportResultView,
  LinkSurveyEvidenceDto,
  PublicIkmView,
  PublicSurveyView,
  PublicUnitHistoryView,
  ResponseAcceptedView,
  SubmitSurveyResponseDto,
  SurveyEvidenceView,
  SurveyPeriodDetailView,
  SurveyPeriodView,
  SurveyUnitDetailView,
  SurveyUnitView,
} from './dto/surveys.dto';

/**
 * Lets a public request through unless its client address is over a limit counted in PostgreSQL (every API
 * instance sees the same counters); over it, 429 with Retry-After.
 */
export async function enforceAddressLimit(ctx: ExecutionContext, hit: (address: string) => Promise<number>): Promise<true> {
  const http = ctx.switchToHttp();
  const wait = await hit(String(http.getRequest<{ ip?: unknown }>().ip));
  if (wait > 0) {
    http.getResponse<{ header(name: string, value: string): unknown }>().header('Retry-After', String(wait));
    throw new ThrottlerException();
  }
  return true;
}

/** Public survey responses per address (SURVEY_RESPONSE_LIMIT per hour). */
@Injectable()
export class SurveyResponseRateLimit implements CanActivate {
  constructor(private readonly surveys: SurveysService) {}

  canActivate(ctx: ExecutionContext): Promise<boolean> {
    return enforceAddressLimit(ctx, (address) => this.surveys.hitAddress('survey-response', address));
  }
}

@ApiTags('surveys')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly evidence: SurveyEvidenceService,
  ) {}

  @Get('survey-units')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOkResponse({ type: [SurveyUnitView] })
  @ApiOperation({ summary: "Survey units the caller may see: an OPD's own, a coordinator's region, all for organizers and admins" })
  listUnits(@CurrentUser() actor: Actor) {
    return this.surveys.listUnits(actor);
  }

  @Post('survey-units')
  @Roles('admin', 'coordinator', 'opd')
  @ApiOkResponse({ type: SurveyUnitView })
  @ApiOperation({ summary: 'Register a service unit that runs satisfaction surveys (an organization or a named unit under it)' })
  createUnit(@CurrentUser() actor: Actor, @Body() dto: CreateSurveyUnitDto) {
    return this.surveys.createUnit(actor, dto);
  }

  @Get('survey-units/:id')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOkResponse({ type: SurveyUnitDetailView })
  @ApiOperation({ summary: 'A unit with its survey periods, each with its IKM, quality grade and sample adequacy' })
  getUnit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.surveys.getUnit(actor, id);
  }

  @Post('survey-units/:id/periods')
  @Roles('admin', 'coordinator', 'opd')
  @ApiOkResponse({ type: SurveyPeriodView })
  @ApiOperation({ summary: 'Open a survey period; its code is the short link /s/{code} for the counter QR code' })
  createPeriod(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: CreateSurveyPeriodDto) {
    return this.surveys.createPeriod(actor, id, dto);
  }

  @Get('survey-periods/:id')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOkResponse({ type: SurveyPeriodDetailView })
  @ApiOperation({ summary: 'A period: IKM per element, sample adequacy, flagged bursts, exclusion decisions and the latest suggestions' })
  getPeriod(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.surveys.getPeriod(actor, id);
  }

  @Post('survey-periods/:id/imports')
  @HttpCode(201)
  @Roles('admin', 'coordinator', 'opd')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      'CSV with header u1,…,u9 (1–4) and optionally saran, umur, jenis_kelamin (l/p), pendidikan, pekerjaan, responden, waktu (RFC 3339); as multipart/form-data, the file alone in the field `file`',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: ImportResultView })
  @ApiOperation({
    summary: 'All-or-nothing CSV import of paper or other-tool responses; a refused file answers 400 with details.errors per line',
  })
  async importResponses(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Req() req: Parameters<typeof readCsvBody>[0]) {
    return this.surveys.importResponses(actor, id, await readCsvBody(req));
  }

  @Post('survey-periods/:id/exclusions')
  @HttpCode(201)
  @Roles('admin', 'coordinator', 'opd')
  @ApiOkResponse({ type: ExclusionResultView })
  @ApiOperation({ summary: 'Decide, with a reason, to leave responses (e.g. a flagged burst) out of the IKM; recorded in the audit log' })
  exclude(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ExcludeResponsesDto) {
    return this.surveys.exclude(actor, id, dto.responseIds, dto.reason);
  }

  @Post('innovations/:id/survey-evidence')
  @HttpCode(201)
  @Roles('opd')
  @ApiOkResponse({ type: SurveyEvidenceView })
  @ApiOperation({ summary: 'Link the innovation to a unit it changed, with survey periods before and after its start date' })
  linkEvidence(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: LinkSurveyEvidenceDto) {
    return this.evidence.link(actor, id, dto);
  }

  @Get('innovations/:id/survey-evidence')
  @ApiOkResponse({ type: [SurveyEvidenceView] })
  @ApiOperation({
    summary: 'IKM before and after the innovation per element, with sample sizes; readable like the innovation (assigned jurors included)',
  })
  listEvidence(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.evidence.list(actor, id);
  }
}

@ApiTags('surveys')
@Public()
@ApiErrorResponses(400, 404, 503)
@Controller('public/surveys')
export class PublicSurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':code')
  @ApiOkResponse({ type: PublicSurveyView })
  @ApiOperation({
    summary: 'The public survey form of a period (elements, answer scale and profile choices in Bahasa Indonesia and English)',
  })
  form(@Param('code') code: string) {
    return this.surveys.publicForm(code);
  }

  @Post(':code/responses')
  @HttpCode(201)
  @UseGuards(SurveyResponseRateLimit)
  @ApiOkResponse({ type: ResponseAcceptedView })
  @ApiTooManyRequestsResponse({
    type: ApiErrorResponse,
    description: 'Too many responses from this address; retry after Retry-After seconds',
  })
  @ApiOperation({
    summary: 'Answer the survey (no account, no name); one response per respondent identifier and period; rate-limited per address',
  })
  respond(@Param('code') code: string, @Body() dto: SubmitSurveyResponseDto, @Req() req: { ip?: string }) {
    return this.surveys.respond(code, dto, String(req.ip));
  }

  @Get(':code/ikm')
  @ApiOkResponse({ type: PublicIkmView })
  @ApiOperation({
    summary: "The period's published IKM: per-element values, quality grade and sample adequacy (no suggestions, no profiles)",
  })
  ikm(@Param('code') code: string) {
    return this.surveys.publicIkm(code);
  }
}

@ApiTags('surveys')
@Public()
@ApiErrorResponses(400, 404, 503)
@Controller('public')
export class PublicSurveyHistoryController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly evidence: SurveyEvidenceService,
  ) {}

  @Get('survey-units/:id')
  @ApiOkResponse({ type: PublicUnitHistoryView })
  @ApiOperation({
    summary:
      "A service unit's public IKM history: each period that has opened, with its IKM, grade, per-element values and sample adequacy",
  })
  unit(@Param('id', uuidParam) id: string) {
    return this.surveys.publicUnit(id);
  }

  @Get('innovations/:id/survey-evidence')
  @ApiOkResponse({ type: [SurveyEvidenceView] })
  @ApiOperation({
    summary:
      "A public innovation's IKM before and after it started, per element, with sample sizes (404 for an innovation not on the public catalogue)",
  })
  innovationEvidence(@Param('id', uuidParam) id: string) {
    return this.evidence.publicList(id);
  }
}
