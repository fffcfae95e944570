import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, type Actor } from '@app/common';
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
    const manages = (competitionId: string) =>
      this.competitions.assertManages(actor, competitionId).then(
        () => true,
        () => false,
      );
    return toOperationView(await this.operations.visibleTo(actor, id, manages));
  }
}
