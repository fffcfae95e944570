export * from './directory.module';
export { DirectoryService, DirectoryIndex, toOrganizationView, toRegionView } from './directory.service';
export { RegionEntity } from './persistence/region.entity';
export { OrganizationEntity } from './persistence/organization.entity';
export * from './domain/region-kind';
export * from './dto/directory.dto';
export { ImportRefused, parseCsv, type RowError } from './import/csv';
export * from './domain/region-tag';
