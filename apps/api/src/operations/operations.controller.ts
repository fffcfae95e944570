import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse, CurrentUser, type Actor } from '@app/common';
import { CompetitionsService, uuidParam } from '@app/competitions';
import { OperationsService, OperationView, toOperationView } from '@app/operations';

/**
 * GET /api/operations/:id — here, in the API's composition root, because it joins two contexts: the operation
 * rows and the competitions' organizers (who may follow an operation of a competition they run).
 */
@ApiTags('operations')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 404, 503)
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly competitions: CompetitionsService,
  ) {}

  @Get(':id')
  @ApiOkResponse({ type: OperationView })
  @ApiOperation({
    summary:
      'A long operation’s state and progress (phase, done of total), for its owner, admins and the organizers of its competition; 404 OPERATION_NOT_FOUND otherwise',
  })
  async get(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string): Promise<OperationView> {
    return toOperationView(await this.operations.visibleTo(actor, id, this.manages(actor)));
  }

  @Get(':id/file')
  @ApiFileResponse(
    'the file the operation made (an export: CSV or XLSX), as an attachment under its name',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOperation({
    summary:
      'The file a succeeded export operation made, for whoever may see the operation; 404 OPERATION_FILE_NOT_FOUND while it runs, when it failed or made no file',
  })
  async file(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Res() reply: { header(k: string, v: string): unknown; send(body: Buffer): unknown },
  ): Promise<void> {
    const file = await this.operations.fileFor(actor, id, this.manages(actor));
    reply.header('content-type', file.mediaType);
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    reply.header('cache-control', 'private, no-store');
    reply.send(file.body);
  }

  /** Whether the actor runs a competition (its organizers follow its operations). */
  private manages(actor: Actor) {
    return (competitionId: string) =>
      this.competitions.assertManages(actor, competitionId).then(
        () => true,
        () => false,
      );
  }
}
