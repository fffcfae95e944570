import { Body, Controller, Get, Header, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, Public, Roles, type Actor } from '@app/common';
import { uuidParam } from '@app/competitions';
import { AwardsService } from './awards.service';
import { AwardEntryView, AwardRegionView, AwardResultsView, AwardVersionQueryDto, NominationView, PrepareEntryDto } from './dto/awards.dto';

const LATEST = 'public, max-age=60';

@ApiTags('awards')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Post('competitions/:id/award-nominees')
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: NominationView })
  @ApiOperation({
    summary:
      "Nominate a region award's entries from its index snapshot: the top N per category and award group by verified IID, ties at the cut-off included (once, while the nomination stage is open)",
  })
  nominate(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.awards.nominate(actor, id);
  }

  @Get('competitions/:id/award-entries')
  @Roles('admin', 'organizer', 'coordinator')
  @ApiOkResponse({ type: [AwardEntryView] })
  @ApiOperation({ summary: "A region award's entries: organizers see all, a coordinator its region's (with the innovations it may show)" })
  entries(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.awards.entries(actor, id);
  }

  @Get('award-entries/:id')
  @ApiOkResponse({ type: AwardEntryView })
  @ApiOperation({ summary: "One region's entry: presenter, materials and the innovations shown (its jurors see it too)" })
  entry(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.awards.entry(actor, id);
  }

  @Patch('award-entries/:id')
  @Roles('admin', 'organizer', 'coordinator')
  @ApiOkResponse({ type: AwardEntryView })
  @ApiOperation({
    summary:
      "The region's coordinator prepares its entry (presenter, materials link, the index innovations shown) until the presentation opens",
  })
  prepare(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: PrepareEntryDto) {
    return this.awards.prepare(actor, id, dto);
  }
}

@ApiTags('public')
@Public()
@ApiErrorResponses(400, 404, 503)
@Controller('public/awards')
export class AwardsPublicController {
  constructor(private readonly awards: AwardsService) {}

  @Get(':slug')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: AwardResultsView })
  @ApiOperation({
    summary:
      'Published region award results: a section per category and per award group (one snapshot), each region with its flagship innovations and index page',
  })
  results(@Param('slug') slug: string, @Query() q: AwardVersionQueryDto) {
    return this.awards.publicResults(slug, q.version);
  }

  @Get(':slug/regions/:regionId')
  @Header('cache-control', LATEST)
  @ApiOkResponse({ type: AwardRegionView })
  @ApiOperation({
    summary:
      "A region's award page: its rank in each category and group, the flagship innovations it presented, its index page and certificate",
  })
  region(@Param('slug') slug: string, @Param('regionId', uuidParam) regionId: string, @Query() q: AwardVersionQueryDto) {
    return this.awards.publicRegion(slug, regionId, q.version);
  }
}
