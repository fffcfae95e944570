import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, Roles, type Actor } from '@app/common';
import { uuidParam } from '@app/competitions';
import { IndexSurveyAnswersService } from './index-survey-answers.service';
import { IndexSurveyAnswerDto, IndexSurveyAnswerView } from './dto/index-survey-answers.dto';

@ApiTags('index')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('index-editions')
export class IndexSurveyAnswersController {
  constructor(private readonly answers: IndexSurveyAnswersService) {}

  @Put(':id/regions/:regionId/survey-answers')
  @Roles('coordinator', 'opd')
  @ApiOkResponse({ type: IndexSurveyAnswerView })
  @ApiOperation({
    summary:
      "Answer an innovation's survey indicator from a satisfaction-survey period: the option follows from its IKM and grade (and a period before), its public IKM page is the evidence link",
  })
  answer(
    @CurrentUser() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('regionId', uuidParam) regionId: string,
    @Body() dto: IndexSurveyAnswerDto,
  ) {
    return this.answers.answer(actor, id, regionId, dto);
  }

  @Get(':id/regions/:regionId/survey-answers')
  @ApiOkResponse({ type: [IndexSurveyAnswerView] })
  @ApiOperation({
    summary:
      "A region's answers given from survey data, each with its period (n, IKM, grade, sample) and the option the data gives now (whoever sees the region's self-assessment)",
  })
  list(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Param('regionId', uuidParam) regionId: string) {
    return this.answers.list(actor, id, regionId);
  }
}
