import { ApiProperty } from '@nestjs/swagger';

/** A user-facing text in Bahasa Indonesia (`id`) and English (`en`), as responses carry it (one OpenAPI schema). */
export class LocalizedTextView {
  @ApiProperty({ example: 'Farmasi rawat jalan' }) id: string;
  @ApiProperty({ example: 'Outpatient pharmacy' }) en: string;
}
