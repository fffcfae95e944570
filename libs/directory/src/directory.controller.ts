import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, readCsvBody, Roles, type Actor, type OnProgress } from '@app/common';
import { OperationProgress, TrackOperation } from '@app/operations';
import { DirectoryService } from './directory.service';
import {
  CreateOrganizationDto,
  CreateRegionDto,
  NationalAreasImportView,
  OrganizationImportView,
  OrganizationPageView,
  OrganizationQueryDto,
  OrganizationView,
  RegionQueryDto,
  RegionTagsDto,
  RegionTagsImportView,
  RegionView,
} from './dto/directory.dto';

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

  @Put('regions/:id/tags')
  @Roles('admin')
  @ApiOkResponse({ type: RegionView })
  @ApiOperation({
    summary: 'Replace a region’s tags (daerah_tertinggal, perbatasan, kepulauan …): the groups of index and award rankings; audited',
  })
  setRegionTags(@CurrentUser() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RegionTagsDto) {
    return this.directory.setRegionTags(actor, id, dto.tags);
  }

  @Post('imports/national-areas')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: NationalAreasImportView })
  @ApiOperation({
    summary: 'Load Indonesia’s 38 provinces, 416 kabupaten and 98 kota with their Kemendagri codes (idn-area-data); idempotent',
  })
  @TrackOperation('directory.national_areas', { result: (r: { created: number }) => r.created })
  importNationalAreas(@CurrentUser() actor: Actor, @OperationProgress() progress: OnProgress) {
    return this.directory.importNationalAreas(actor.id, progress);
  }

  @Post('imports/region-tags')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description: 'CSV with header: code,tags (code = the region’s code or name; tags separated by | or spaces, empty clears them)',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: RegionTagsImportView })
  @ApiOperation({ summary: 'All-or-nothing CSV import of region tags; a refused file answers 400 with details.errors per line' })
  @TrackOperation('directory.region_tags', { result: (r: { updated: number }) => r.updated })
  async importRegionTags(
    @CurrentUser() actor: Actor,
    @Req() req: Parameters<typeof readCsvBody>[0],
    @OperationProgress() progress: OnProgress,
  ) {
    return this.directory.importRegionTags(actor, await readCsvBody(req), progress);
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
  @ApiBody({
    description:
      'CSV with header: name,region,kind,code,email (region = BPS code or name); as multipart/form-data, the file alone in the field `file`',
    schema: { type: 'string' },
  })
  @ApiCreatedResponse({ type: OrganizationImportView })
  @ApiOperation({ summary: 'All-or-nothing CSV import; a refused file answers 400 with details.errors per line' })
  @TrackOperation('directory.import', { result: (r: { created: number }) => r.created })
  async importOrganizations(
    @CurrentUser() actor: Actor,
    @Req() req: Parameters<typeof readCsvBody>[0],
    @OperationProgress() progress: OnProgress,
  ) {
    return this.directory.importOrganizations(actor, await readCsvBody(req), progress);
  }
}
