import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/common';

/** Something that can say whether a dependency is up (Redis, queues); registered by the modules that own it. */
export interface HealthProbe {
  readonly name: string;
  check(): Promise<Record<string, unknown>>;
}
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Optional() @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[] = [],
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and dependencies: database, and Redis and queues when configured' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...this.probes.map((p) => async () => {
        const i = this.indicator.check(p.name);
        try {
          return i.up(await p.check());
        } catch (err) {
          return i.down({ message: (err as Error).message });
        }
      }),
    ]);
  }
}
