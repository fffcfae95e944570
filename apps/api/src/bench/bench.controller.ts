import { getHeapSpaceStatistics } from 'node:v8';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@app/common';

/**
 * Baselines for `npm run bench`, served by the same process, guards and pipes as the real routes:
 * a bare JSON reply and one `SELECT 1` round trip; and the process's memory for the bench's heap figures. Registered only with BENCH_ROUTES=true.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('hello')
  @Public()
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  /**
   * The process's memory (process.memoryUsage()): the bench reads the V8 heap next to RSS; and, to attribute the
   * heap, each V8 space's committed and used bytes (v8.getHeapSpaceStatistics()).
   */
  @Get('memory')
  @Public()
  memory(): NodeJS.MemoryUsage & { spaces: Record<string, { size: number; used: number }> } {
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    return { ...process.memoryUsage(), spaces };
  }

  @Get('select1')
  @Public()
  async select1(): Promise<{ one: number }> {
    const rows: { one: number }[] = await this.db.query('SELECT 1 AS one');
    return { one: rows[0].one };
  }
}

@Module({ controllers: [BenchController] })
export class BenchModule {}
