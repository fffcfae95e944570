import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, readCsvBody, Roles, type Actor } from '@app/common';
import { DirectoryService } from './directory.service';
import { CreateOrganizationDto, CreateRegionDto, OrganizationImportView, OrganizationPageView, OrganizationQueryDto, OrganizationView, RegionQueryDto, RegionView } from './dto/directory.dto';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('directory')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('regions')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: [RegionView] })
  @ApiOperation({ summary: 'List regions (provinsi, kabupaten, kota)' })
  listRegions(@Query() q: RegionQueryDto) {
    return this.directory.listRegions(q);
  }

  @Post('regions')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: RegionView })
  @ApiOperation({ summary: 'Create a region' })
  createRegion(@CurrentUser() actor: Actor, @Body() dto: CreateRegionDto) {
    return this.directory.createRegion(actor, dto);
  }

  @Get('organizations')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOkResponse({ type: OrganizationPageView })
  @ApiOperation({ summary: 'Organizations the caller may see: all for organizers, its region for a coordinator, its own for an OPD' })
  listOrganizations(@CurrentUser() actor: Actor, @Query() q: OrganizationQueryDto) {
    return this.directory.listOrganizations(actor, { regionId: q.regionId, q: q.q }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('organizations/:id')
  @Roles('admin', 'organizer', 'coordinator', 'opd')
  @ApiOkResponse({ type: OrganizationView })
  @ApiOperation({ summary: 'One organization with its region' })
  getOrganization(@CurrentUser() actor: Actor, @Param('id', uuid) id: string) {
    return this.directory.getOrganization(actor, id);
  }

  @Post('organizations')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: OrganizationView })
  @ApiOperation({ summary: 'Create an organization (OPD) in a region' })
  createOrganization(@CurrentUser() actor: Actor, @Body() dto: CreateOrganizationDto) {
    return this.directory.createOrganization(actor, dto);
  }

  @Post('imports/organizations')
  @HttpCode(201)
  @Roles('admin', 'organizer')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ description: 'CSV with header: name,region,kind,code,email (region = BPS code or name); as multipart/form-data, the file alone in the field `file`', schema: { type: 'string' } })
  @ApiCreatedResponse({ type: OrganizationImportView })
  @ApiOperation({ summary: 'All-or-nothing CSV import; a refused file answers 400 with details.errors per line' })
  async importOrganizations(@CurrentUser() actor: Actor, @Req() req: Parameters<typeof readCsvBody>[0]) {
    return this.directory.importOrganizations(actor, await readCsvBody(req));
  }
}
