import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiFileResponse,
  CurrentUser,
  JSON_CONTENT_TYPE,
  RequestLocale,
  Roles,
  soleFile,
  type Actor,
  type ErrorLocale,
  type MultipartPart,
} from '@app/common';
import { uuidParam } from '@app/competitions';
import { InnovationsService } from './innovations.service';
import { DocumentsService, type UploadedStream } from './documents.service';
import {
  CommentDto,
  CreateInnovationDto,
  DocumentView,
  HistoryView,
  InnovationPageView,
  MyInnovationsView,
  InnovationQueryDto,
  InnovationView,
  OptionalCommentDto,
  ReasonDto,
  UpdateInnovationDto,
  WaitingView,
} from './dto/innovation.dto';

interface MultipartRequest {
  isMultipart?: () => boolean;
  parts?: () => AsyncIterableIterator<UploadedStream & MultipartPart>;
}
interface Reply {
  header(k: string, v: string): Reply;
  send(body: unknown): unknown;
}

/** Reads the multipart `file` field, the only file allowed, as a stream (size and type are checked while it is stored). */
export function fileOf(req: MultipartRequest): Promise<UploadedStream | undefined> {
  return soleFile(req);
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Streams a stored document as a private attachment with its checksum. */
export function sendDocument(
  reply: Reply,
  doc: { mediaType: string; size: number; fileName: string; sha256: string },
  stream: unknown,
): void {
  reply
    .header('content-type', doc.mediaType)
    .header('content-length', String(doc.size))
    .header('content-disposition', contentDisposition(doc.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-checksum-sha256', doc.sha256)
    .send(stream);
}

@ApiTags('submissions')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class SubmissionsController {
  constructor(
    private readonly innovations: InnovationsService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('competitions/:id/innovations')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOperation({
    summary:
      'Innovations of a competition: all for its organizers (filters, paging, total), an OPD’s own, a coordinator’s region. List rows carry no proposal texts: GET /api/innovations/:id has them',
  })
  @ApiOkResponse({ type: InnovationPageView })
  @Header('content-type', JSON_CONTENT_TYPE)
  list(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Query() q: InnovationQueryDto) {
    return this.innovations.list(
      actor,
      id,
      { category: q.category, status: q.status, stage: q.stage, regionId: q.regionId, organizationId: q.organizationId, q: q.q },
      q.page ?? 1,
      q.pageSize ?? 20,
    );
  }

  @Post('competitions/:id/innovations')
  @Roles('opd')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'Start a draft for your organization (category follows your region kind)' })
  create(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: CreateInnovationDto) {
    return this.innovations.create(actor, id, dto);
  }

  @Get('innovations/:id')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'One innovation with its proposal' })
  get(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.innovations.get(actor, id);
  }

  @Patch('innovations/:id')
  @Roles('opd')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'Edit a draft (or a returned proposal) until the submission deadline (409 after it)' })
  update(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: UpdateInnovationDto) {
    return this.innovations.update(actor, id, dto);
  }

  @Post('innovations/:id/submit')
  @HttpCode(200)
  @Roles('opd')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'Submit: refused with every missing field, word limit and eligibility rule named (400)' })
  submit(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.innovations.submit(actor, id);
  }

  @Post('innovations/:id/withdraw')
  @HttpCode(200)
  @Roles('opd')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'Withdraw an innovation (its OPD, before judging)' })
  withdraw(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: OptionalCommentDto) {
    return this.innovations.withdraw(actor, id, dto.comment);
  }

  @Post('innovations/:id/disqualify')
  @HttpCode(200)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({ summary: 'Disqualify an innovation, with a reason' })
  disqualify(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: ReasonDto) {
    return this.innovations.disqualify(actor, id, dto.reason);
  }

  @Post('innovations/:id/return')
  @HttpCode(200)
  @Roles('coordinator', 'organizer', 'admin')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({
    summary:
      'Coordinator: send a waiting proposal back to its OPD for revision, with a comment (an organizer of the competition does it for a region without a coordinator; 403 SUBMISSION_COORDINATOR_PRESENT otherwise)',
  })
  returnForRevision(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: CommentDto) {
    return this.innovations.returnForRevision(actor, id, dto.comment);
  }

  @Post('innovations/:id/forward')
  @HttpCode(200)
  @Roles('coordinator', 'organizer', 'admin')
  @ApiOkResponse({ type: InnovationView })
  @ApiOperation({
    summary:
      'Coordinator: forward a waiting proposal to the organizer (it is then submitted); an organizer of the competition does it for a region without a coordinator',
  })
  forward(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: OptionalCommentDto) {
    return this.innovations.forward(actor, id, dto.comment);
  }

  @Get('innovations/:id/history')
  @ApiOkResponse({ type: [HistoryView] })
  @ApiOperation({ summary: 'Every status change of an innovation, with reasons' })
  history(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @RequestLocale() locale: ErrorLocale) {
    return this.innovations.history(actor, id, locale);
  }

  @Get('me/innovations')
  @Roles('opd')
  @ApiOperation({
    summary:
      'Your organization’s innovations across editions, grouped by edition (newest first) with their state; open editions listed even when empty',
  })
  @ApiOkResponse({ type: MyInnovationsView })
  @Header('content-type', JSON_CONTENT_TYPE)
  mine(@CurrentUser() actor: Actor) {
    return this.innovations.mineJson(actor);
  }

  @Get('me/waiting')
  @Roles('opd', 'coordinator')
  @ApiOkResponse({ type: WaitingView })
  @ApiOperation({ summary: 'What waits on you, with counts: an OPD’s drafts and returned proposals; a coordinator’s queue' })
  waiting(@CurrentUser() actor: Actor) {
    return this.innovations.waiting(actor);
  }

  @Post('innovations/:id/documents')
  @Roles('opd')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOkResponse({ type: DocumentView })
  @ApiErrorResponses(413, 415)
  @ApiOperation({ summary: 'Upload evidence: PDF, JPEG or PNG by content (415 otherwise), up to UPLOAD_MAX_BYTES (413)' })
  async upload(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Req() req: MultipartRequest) {
    return this.documents.upload(actor, id, await fileOf(req));
  }

  @Get('innovations/:id/documents')
  @ApiOkResponse({ type: [DocumentView] })
  @ApiOperation({ summary: 'The evidence documents of an innovation' })
  listDocuments(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.documents.list(actor, id);
  }

  @Get('documents/:id')
  @ApiFileResponse('the file, as an attachment', 'application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'Download a document (streamed, as an attachment) with the innovation’s read rules' })
  async download(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Res() reply: Reply) {
    const { doc, stream } = await this.documents.download(actor, id);
    sendDocument(reply, doc, stream);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @Roles('opd')
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiOperation({ summary: 'Delete an evidence document' })
  async remove(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    await this.documents.remove(actor, id);
  }
}
